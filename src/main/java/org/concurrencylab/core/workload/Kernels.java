package org.concurrencylab.core.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
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
    /// page: the "small parse step" after a download. Over the bytes while they are ASCII, as
    /// most HTML is, eight at a time; a page with other characters is decoded and parsed as text
    /// ([#parsePage(String, Checkpoint)]), with the same counts. A 48 KiB demo page, parsed 2,000
    /// times in a loop in a warm JVM on the 2-core machine of the measurements ("The parse, eight
    /// bytes at a time"): about 0.6 ns a byte (a loop over single bytes with a branch for each
    /// tag: 1.9 ns; without the branch: 0.5 ns, counting words only).
    public static PageSummary parsePage(byte[] page, Checkpoint checkpoint) {
        return parsePage(page, page.length, checkpoint);
    }

    /// The same over the first `n` bytes of `page`.
    // code:parse-page
    public static PageSummary parsePage(byte[] page, int n, Checkpoint checkpoint) {
        int links = 0;
        int words = 0;
        for (int from = 0; from < n; from += CHECK_EVERY) {
            checkpoint.check();
            int to = Math.min(n, from + CHECK_EVERY);
            // a byte beyond ASCII: parse the decoded text instead
            if (!isAscii(page, from, to)) return parsePage(new String(page, 0, n, StandardCharsets.UTF_8), checkpoint);
            // a letter or digit after anything else starts a word (eight bytes at a time)
            words += wordStarts(page, from, to);
            links += anchorsWithHref(page, from, to, n);
        }
        return new PageSummary(n, links, words);
    }

    /// How many `<a …href=…>` start in `[from, to)`; a tag may end beyond `to`, up to `n`.
    private static int anchorsWithHref(byte[] page, int from, int to, int n) {
        int links = 0;
        for (int lt = indexOf(page, '<', from, to); lt < to; lt = indexOf(page, '<', lt + 1, to)) {
            if (isAnchorStart(page, lt, n) && containsIgnoreCase(page, lt, indexOf(page, '>', lt, n), "href=")) links++;
        }
        return links;
    }
    // end:parse-page

    /// The bytes of a page read eight at a time, as a `long` (the first byte lowest).
    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long TOP_BITS = 0x8080_8080_8080_8080L;

    /// Whether the bytes in `[from, to)` are all ASCII (their top bits clear).
    private static boolean isAscii(byte[] page, int from, int to) {
        long any = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) any |= (long) EIGHT_BYTES.get(page, i);
        for (; i < to; i++) any |= page[i];
        return (any & TOP_BITS) == 0;
    }

    /// How many words (runs of letters and digits) start in `[from, to)`, all ASCII: a word
    /// starts at a letter or digit whose byte before is neither. Eight bytes at a time, the
    /// last few one by one.
    private static int wordStarts(byte[] page, int from, int to) {
        // the top bit of each byte in `letters` says whether that byte is a letter or a digit
        long before = from > 0 && isLetterOrDigit(page[from - 1]) ? Long.MIN_VALUE : 0;
        int words = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long letters = lettersAndDigits((long) EIGHT_BYTES.get(page, i));
            long afterLetters = letters << 8 | before >>> 56;
            words += Long.bitCount(letters & ~afterLetters);
            before = letters;
        }
        boolean inWord = before < 0;
        for (; i < to; i++) {
            boolean letter = isLetterOrDigit(page[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// The top bit of each of eight ASCII bytes set where the byte is a letter or a digit.
    private static long lettersAndDigits(long bytes) {
        return between(bytes, '0', '9') | between(bytes | 0x2020_2020_2020_2020L, 'a', 'z');
    }

    /// The top bit of each of eight ASCII bytes set where `lo <= byte <= hi`: adding `128 - lo`
    /// sets it where the byte is at least `lo`, adding `127 - hi` where it is over `hi`; no sum
    /// reaches 256, so no byte carries into the next.
    private static long between(long bytes, int lo, int hi) {
        return (bytes + ONES * (128 - lo)) & ~(bytes + ONES * (127 - hi)) & TOP_BITS;
    }

    private static boolean isLetterOrDigit(byte b) {
        int lower = b | 0x20;
        return (b >= '0' && b <= '9') || (lower >= 'a' && lower <= 'z');
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

    /// Where the first `b` (ASCII) at or after `from` and before `n` is, or `n` if there is none;
    /// eight bytes at a time: the bytes equal to `b` are the zero bytes of `bytes ^ b…b`, and
    /// the lowest zero byte of `v` is the lowest top bit of `(v - 0x01…01) & ~v & 0x80…80` (the
    /// bits above it may be set by a borrow where no byte matches: only the lowest counts).
    private static int indexOf(byte[] page, char b, int from, int n) {
        long pattern = ONES * b;
        int i = from;
        for (; i + 8 <= n; i += 8) {
            long v = (long) EIGHT_BYTES.get(page, i) ^ pattern;
            long zeros = (v - ONES) & ~v & TOP_BITS;
            if (zeros != 0) return i + Long.numberOfTrailingZeros(zeros) / 8;
        }
        for (; i < n; i++) {
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
