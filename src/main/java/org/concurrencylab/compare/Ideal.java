package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.OptionalLong;

/// The best time a run could take under its model if nothing but the model's limits held it
/// back, and how close the measured run came to it.
///
/// - **I/O-bound** (download from the demo sites): `ceil(tasks / concurrency) × latency`, where
///   concurrency is how many requests the model has in flight at once: the pool size for the
///   thread and process pools, the connection limit for the event loop and virtual threads, 1 for
///   sync. The GIL is let go around I/O, so it does not lower the concurrency.
/// - **CPU-bound** (sum of squares, Fibonacci, race): `sync time × (tasks / sync tasks) /
///   parallelism`, where parallelism is how many tasks can compute at once:
///   `min(workers, cores, tasks)` for the pools, `min(cores, tasks)` for virtual threads (their
///   carriers are one per core), and 1 for sync, the event loop (one thread runs all code) and any
///   run with the GIL (one thread holds it at a time). Start-up is not part of the ideal: a process pool's efficiency shows
///   what starting its processes cost.
/// - **Mixed** (download, then a heavy parse of `cpuMs` per page): a worker cannot wait for its
///   page and parse at the same time, and parses share the cores:
///   `max(ceil(tasks / concurrency) × (latency + cpuMs), ceil(tasks / parallelism) × cpuMs)`.
///
/// Downloads of the user's own URLs have no known latency, so they have no ideal.
public final class Ideal {
    private Ideal() {}

    private static final long MS = 1_000_000L;

    /// Requests in flight at once.
    public static int concurrency(RunSpec spec) {
        return switch (spec.model()) {
            case SYNC -> 1;
            case THREADS, PROCESSES -> spec.workers();
            case EVENTLOOP, VIRTUAL -> spec.maxConnections();
        };
    }

    /// Tasks computing at once on `cores` cores.
    public static int parallelism(RunSpec spec, int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, was " + cores);
        int p = switch (spec.model()) {
            case SYNC, EVENTLOOP -> 1;
            // CPython's threads take turns on its GIL, as the simulated one makes Java's
            case THREADS -> spec.gil() || spec.runtime() == RuntimeKind.PYTHON ? 1 : Math.min(spec.workers(), cores);
            case PROCESSES -> Math.min(spec.workers(), cores);
            case VIRTUAL -> spec.gil() ? 1 : cores;
        };
        return Math.max(1, Math.min(p, spec.tasks()));
    }

    /// Whether the ideal of `spec` is computed from a synchronous reference run.
    public static boolean needsReference(RunSpec spec) {
        return spec.workload().computes() || spec.workload() == WorkloadKind.RACE;
    }

    /// The ideal of an I/O-bound or mixed run, which needs no reference; empty for CPU-bound
    /// work and for downloads of the user's own URLs.
    public static OptionalLong ioNanos(RunSpec spec, int cores) {
        if (!spec.workload().downloads() || !spec.urls().isEmpty()) return OptionalLong.empty();
        long rounds = ceilDiv(spec.tasks(), concurrency(spec));
        long latency = spec.latencyMs() * MS;
        if (spec.workload() == WorkloadKind.DOWNLOAD) return OptionalLong.of(rounds * latency);
        long cpu = spec.cpuMs() * MS;
        long waitAndParse = rounds * (latency + cpu);
        long parsing = ceilDiv(spec.tasks(), parallelism(spec, cores)) * cpu;
        return OptionalLong.of(Math.max(waitAndParse, parsing));
    }

    /// The ideal of a CPU-bound run, given a synchronous run of the same work that took
    /// `syncNanos` for `syncTasks` tasks.
    public static long cpuNanos(RunSpec spec, long syncNanos, int syncTasks, int cores) {
        if (syncTasks < 1) throw new IllegalArgumentException("syncTasks must be >= 1, was " + syncTasks);
        double perTask = (double) syncNanos / syncTasks;
        return Math.round(perTask * spec.tasks() / parallelism(spec, cores));
    }

    /// The ideal of `spec`; `reference` is a finished synchronous run (or null), used for
    /// CPU-bound work when it did the same work.
    public static OptionalLong nanos(RunSpec spec, RunResult reference, int cores) {
        if (!needsReference(spec)) return ioNanos(spec, cores);
        if (reference == null || reference.cancelled() || reference.wallNanos() <= 0
                || reference.spec().model() != ModelKind.SYNC || !sameWork(spec, reference.spec())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(cpuNanos(spec, reference.wallNanos(), reference.tasks(), cores));
    }

    /// `ideal / actual`: 1 is as fast as the model allows, 0.5 took twice as long. NaN when
    /// either is unknown (negative) or the run took no time.
    public static double efficiency(long idealNanos, long actualNanos) {
        if (idealNanos < 0 || actualNanos <= 0) return Double.NaN;
        return (double) idealNanos / actualNanos;
    }

    /// Whether `a` and `b` do the same kind of work per task (the number of tasks may differ),
    /// so that one's time per task says something about the other's.
    public static boolean sameWork(RunSpec a, RunSpec b) {
        return a.workload() == b.workload() && a.base() == b.base() && a.fibN() == b.fibN()
                && a.latencyMs() == b.latencyMs() && a.urls().equals(b.urls()) && a.increments() == b.increments()
                && a.counterMode() == b.counterMode() && a.cpuMs() == b.cpuMs();
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }
}
