package org.concurrencylab.core.workload;

import java.math.BigInteger;

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

    /// What parsing a page found.
    public record PageSummary(int chars, int links, int words) {}

    /// Counts the links (`<a …href=…>`) and words (runs of letters and digits) of an HTML page:
    /// the "small parse step" after a download. One pass over the characters.
    public static PageSummary parsePage(String html, Checkpoint checkpoint) {
        // code:parse-page
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
        // end:parse-page
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
