package org.concurrencylab.core.workload;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/// The article's CPU-bound experiment: for each of `count` numbers starting at `base`, compute
/// `sum(i * i for i in range(number))` exactly, with big integers as Python does.
///
/// @param count how many numbers (tasks)
/// @param base  the first number; the article used 5,000,000 (numbers 5,000,000 + x for x < 20)
public record SumOfSquares(int count, long base) implements Workload {
    public static final int DEFAULT_COUNT = 20;
    public static final long DEFAULT_BASE = 5_000_000L;
    public static final int MAX_COUNT = 100_000;
    public static final long MAX_BASE = 1_000_000_000L;

    public SumOfSquares {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ", was " + count);
        }
        if (base < 0 || base > MAX_BASE) {
            throw new IllegalArgumentException("base must be between 0 and " + MAX_BASE + ", was " + base);
        }
    }

    public static SumOfSquares articleDefault() {
        return new SumOfSquares(DEFAULT_COUNT, DEFAULT_BASE);
    }

    @Override public String id() { return "cpu"; }

    @Override public String title() { return "Sum of squares"; }

    @Override public Nature nature() { return Nature.CPU_BOUND; }

    @Override public boolean needsDemoSites() { return false; }

    @Override
    public List<TaskPlan> plan(List<URI> demoPages) {
        return TaskPlan.computes(count, Step.ComputeKind.SUM_OF_SQUARES, x -> base + x,
                x -> String.format(Locale.ROOT, "sum of squares below %,d", base + x));
    }

    /// The closed form `n(n-1)(2n-1)/6`, which the computed sums must equal.
    public static BigInteger expected(long n) {
        if (n <= 0) return BigInteger.ZERO;
        BigInteger bn = BigInteger.valueOf(n);
        return bn.multiply(bn.subtract(BigInteger.ONE))
                .multiply(bn.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
    }
}
