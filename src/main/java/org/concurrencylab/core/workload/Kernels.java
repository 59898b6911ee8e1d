package org.concurrencylab.core.workload;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The CPU work behind the steps: plain, allocation-honest Java that each model runs as is.
public final class Kernels {
    /// How many loop iterations run between two checkpoints (cancellation, GIL hand-over):
    /// about a millisecond of work, so a stop takes effect at once and a 5 ms switch interval
    /// is honoured.
    public static final int CHECK_EVERY = 1 << 14;

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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
        BigInteger sum = start;
        for (long i = 0; i < n; i++) {
            BigInteger bi = BigInteger.valueOf(i);
            sum = sum.add(bi.multiply(bi));
            if ((i & (CHECK_EVERY - 1)) == 0) checkpoint.check();
        }
        return sum;
    }

    /// What parsing a page found.
    public record PageSummary(int chars, int links, int words) {}

    /// Counts the links and words of an HTML page (the "small parse step" after a download).
    public static PageSummary parsePage(String html, Checkpoint checkpoint) {
        int links = 0;
        Matcher link = LINK.matcher(html);
        while (link.find()) links++;
        checkpoint.check();
        int words = 0;
        Matcher word = WORD.matcher(html);
        while (word.find()) {
            if ((++words & (CHECK_EVERY - 1)) == 0) checkpoint.check();
        }
        return new PageSummary(html.length(), links, words);
    }
}
