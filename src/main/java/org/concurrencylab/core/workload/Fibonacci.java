package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.List;

/// The CPU-bound experiment of the article's 2024 edition: `count` tasks, each computing `fib(n)`
/// by the naive recursive definition, `n if n < 2 else fib(n - 2) + fib(n - 1)`. Every task has
/// the same `n`, as the article's `fib(35)` twenty times: millions of plain function calls, and
/// nothing to wait for.
///
/// @param count how many tasks
/// @param n     which Fibonacci number each task computes; the article's is 35 (fib(35) = 9,227,465)
public record Fibonacci(int count, int n) implements Workload {
    public static final int DEFAULT_COUNT = 20;
    public static final int DEFAULT_N = 35;
    public static final int MAX_COUNT = 100_000;
    public static final int MIN_N = 1;
    /// fib(45) is about 3.7 billion calls, some seconds in Java; each `n` more costs 1.6 times as much.
    public static final int MAX_N = 45;
    /// The largest `n` the article's Python programs are given: CPython takes about 12 s for
    /// fib(40), over 20 s for fib(41) and minutes for fib(45).
    public static final int MAX_PYTHON_N = 40;

    public Fibonacci {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ", was " + count);
        }
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException("n must be between " + MIN_N + " and " + MAX_N + ", was " + n);
        }
    }

    /// fib(35), twenty times.
    public static Fibonacci articleDefault() {
        return new Fibonacci(DEFAULT_COUNT, DEFAULT_N);
    }

    @Override public String id() { return "fib"; }

    @Override public String title() { return "Fibonacci"; }

    @Override public Nature nature() { return Nature.CPU_BOUND; }

    @Override public boolean needsDemoSites() { return false; }

    @Override
    public List<TaskPlan> plan(List<URI> demoPages) {
        return TaskPlan.computes(count, Step.ComputeKind.FIBONACCI, x -> n, x -> "fib(" + n + ") #" + (x + 1));
    }

    /// The exact value of fib(n), by iteration, which the recursive computation must equal:
    /// fib(20) = 6,765, fib(35) = 9,227,465. Exact in a `long` up to fib(92).
    public static long expected(int n) {
        if (n < 0 || n > Step.ComputeKind.MAX_FIB_N) {
            throw new IllegalArgumentException("fib(n) is a long for n from 0 to " + Step.ComputeKind.MAX_FIB_N + ", was " + n);
        }
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long next = a + b;
            a = b;
            b = next;
        }
        return a;
    }

    /// How many calls the recursive definition makes for fib(n), `n` up to [#MAX_N]:
    /// `2 fib(n + 1) - 1`, about 30 million for fib(35).
    public static long calls(int n) {
        if (n < 0 || n > MAX_N) throw new IllegalArgumentException("n must be between 0 and " + MAX_N + ", was " + n);
        return 2 * expected(n + 1) - 1;
    }
}
