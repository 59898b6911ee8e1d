package org.concurrencylab.core.workload;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/// The CPU work behind the steps: plain, allocation-honest Java that each model runs as is.
public final class Kernels {
    /// How many loop iterations run between two checkpoints (cancellation, GIL hand-over):
    /// about a millisecond of work, so a stop takes effect at once and a 5 ms switch interval
    /// is honoured.
    public static final int CHECK_EVERY = 1 << 14;


    private Kernels() {}

    /// A point where a long computation may be stopped (by throwing) or paused.
    @FunctionalInterface
    public interface Checkpoint {
        void check();

        Checkpoint NONE = () -> {};
    }

    /// `sum(i * i for i in range(n))` with big integers, as CPython computes it: every product
    /// and partial sum is a big integer, so the cost is Python-shaped, not a tight long loop.
    public static BigInteger sumOfSquares(long n, Checkpoint checkpoint) {
        return sumOfSquaresOnto(BigInteger.ZERO, n, checkpoint);
    }

    /// Adds the squares of the numbers below `n` onto `start`. The same loop as
    /// [#sumOfSquares]; a warm-up starts it near 2^64 so that the JIT compiles the paths of the
    /// three-word magnitudes the article's sums reach, in a fraction of the time.
    public static BigInteger sumOfSquaresOnto(BigInteger start, long n, Checkpoint checkpoint) {
        // code:sum-of-squares
        BigInteger sum = start;
        for (long i = 0; i < n; i++) {
            BigInteger bi = BigInteger.valueOf(i);
            sum = sum.add(bi.multiply(bi));
            if ((i & (CHECK_EVERY - 1)) == 0) checkpoint.check();
        }
        return sum;
        // end:sum-of-squares
    }

    /// The largest `n` whose `fib(n)` runs without a checkpoint: fib(25) is about 240,000 calls,
    /// a quarter of a millisecond, so two checkpoints are never more than about half a
    /// millisecond apart.
    static final int FIB_UNCHECKED = 25;

    // code:fibonacci
    /// `fib(n) = n if n < 2 else fib(n - 2) + fib(n - 1)`, by that very recursion: millions of
    /// plain calls for fib(35). Above [#FIB_UNCHECKED] each call first reaches the checkpoint.
    public static long fibonacci(int n, Checkpoint checkpoint) {
        if (n <= FIB_UNCHECKED) return fib(n);
        checkpoint.check();
        return fibonacci(n - 2, checkpoint) + fibonacci(n - 1, checkpoint);
    }

    private static long fib(int n) {
        return n < 2 ? n : fib(n - 2) + fib(n - 1);
    }
    // end:fibonacci

    /// What parsing a page found.
    public record PageSummary(int chars, int links, int words) {}

    /// Counts the links (`<a …href=…>`) and words (runs of letters and digits) of a downloaded
    /// page: the "small parse step" after a download. One pass over the bytes while they are
    /// ASCII, as most HTML is; a page with other characters is decoded and parsed as text
    /// ([#parsePage(String, Checkpoint)]), with the same counts.
    public static PageSummary parsePage(byte[] page, Checkpoint checkpoint) {
        return parsePage(page, page.length, checkpoint);
    }

    /// The same over the first `n` bytes of `page`.
    public static PageSummary parsePage(byte[] page, int n, Checkpoint checkpoint) {
        // code:parse-page
        int links = 0;
        int words = 0;
        int inWord = 0; // 1 while in a word
        for (int from = 0; from < n; from += CHECK_EVERY) {
            checkpoint.check();
            int to = Math.min(n, from + CHECK_EVERY);
            for (int i = from; i < to; i++) {
                int kind = KIND[page[i] & 0xFF];
                if (kind >= TAG) {
                    if (kind == OTHER_SCRIPT) return parsePage(new String(page, 0, n, StandardCharsets.UTF_8), checkpoint);
                    if (isAnchorStart(page, i, n) && containsIgnoreCase(page, i, indexOf(page, '>', i, n), "href=")) links++;
                }
                int letter = kind & LETTER;
                words += letter & ~inWord; // a letter or digit after anything else starts a word
                inWord = letter;
            }
        }
        return new PageSummary(n, links, words);
        // end:parse-page
    }

    /// What each byte is to the parser: a letter or digit (ASCII), a `<`, a byte of a character
    /// beyond ASCII, or anything else (0).
    private static final int LETTER = 1;
    private static final int TAG = 2;
    private static final int OTHER_SCRIPT = 3;
    private static final byte[] KIND = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) KIND[c] = LETTER;
        }
        KIND['<'] = TAG;
        for (int c = 128; c < 256; c++) KIND[c] = OTHER_SCRIPT;
    }

    /// The same counts over text: letters and digits of every script make words.
    public static PageSummary parsePage(String html, Checkpoint checkpoint) {
        int links = 0;
        int words = 0;
        boolean inWord = false;
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) words++;
                inWord = true;
            } else {
                inWord = false;
                if (c == '<' && isAnchorStart(html, i)) {
                    int close = html.indexOf('>', i);
                    int end = close < 0 ? n : close;
                    if (containsIgnoreCase(html, i, end, "href=")) links++;
                }
            }
            if ((i & (CHECK_EVERY - 1)) == 0) checkpoint.check();
        }
        return new PageSummary(n, links, words);
    }

    private static boolean isAnchorStart(byte[] page, int lt, int n) {
        return lt + 2 < n && (page[lt + 1] | 0x20) == 'a' && Character.isWhitespace(page[lt + 2]);
    }

    /// Where the first `b` at or after `from` and before `n` is, or `n` if there is none.
    private static int indexOf(byte[] page, char b, int from, int n) {
        for (int i = from; i < n; i++) {
            if (page[i] == b) return i;
        }
        return n;
    }

    /// Whether `needle` (ASCII, in lower case) starts within `[from, to)`, in any case.
    private static boolean containsIgnoreCase(byte[] page, int from, int to, String needle) {
        for (int i = from; i + needle.length() <= to; i++) {
            int k = 0;
            while (k < needle.length() && lowerCase(page[i + k]) == needle.charAt(k)) k++;
            if (k == needle.length()) return true;
        }
        return false;
    }

    private static int lowerCase(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static boolean isAnchorStart(String html, int lt) {
        return lt + 2 < html.length()
                && (html.charAt(lt + 1) == 'a' || html.charAt(lt + 1) == 'A')
                && Character.isWhitespace(html.charAt(lt + 2));
    }

    private static boolean containsIgnoreCase(String text, int from, int to, String needle) {
        char first = Character.toLowerCase(needle.charAt(0));
        for (int i = from; i + needle.length() <= to; i++) {
            if (Character.toLowerCase(text.charAt(i)) == first && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
