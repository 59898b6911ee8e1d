package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.workload.Fibonacci;

import java.util.Locale;
import java.util.OptionalLong;

/// What a run will cost before it starts: about how long it takes, how much memory its trace
/// holds and how large its history file is. Runs above [#CONFIRM_TASKS] tasks, or estimated
/// over [#CONFIRM_SECONDS] or [#CONFIRM_BYTES] of memory, are "large": the window asks before
/// it starts one, and does not remember its size for the next launch.
///
/// The time is the model's best ([Ideal]) for downloads from the demo sites, and the cost of the
/// work at the rates measured here for the sum of squares, Fibonacci and the race; the user's own
/// URLs have no known latency. The memory and file sizes are per task, as measured with a million
/// pages (2.8 GB of heap, a 550 MB history file).
///
/// @param nanos        about how long the run takes, or -1 if it cannot be known
/// @param memoryBytes  about how much memory its trace and results take
/// @param historyBytes about how large its history file is
/// @param tasks        the tasks of the run
public record RunEstimate(long nanos, long memoryBytes, long historyBytes, int tasks) {
    /// Runs of more tasks than this ask first.
    public static final int CONFIRM_TASKS = 20_000;
    /// Runs estimated to take longer than this ask first.
    public static final long CONFIRM_SECONDS = 120;
    /// Runs estimated to take more memory than this ask first.
    public static final long CONFIRM_BYTES = 500_000_000L;
    /// Memory per task: its segments, outcome and labels (a million pages took 2.8 GB).
    static final long MEMORY_PER_TASK = 2_800;
    /// History file per task (a million pages wrote 550 MB).
    static final long FILE_PER_TASK = 550;
    /// One `i * i` added to a big sum, measured synchronously on the 2-core machine.
    static final double NANOS_PER_SQUARE = 40;
    /// One call of the recursive fib, measured synchronously on the 2-core machine (fib(35), about
    /// 30 million calls, in 42 ms).
    static final double NANOS_PER_FIB_CALL = 1.4;
    /// One increment of the shared counter, unsafe or atomic, with its checkpoints.
    static final double NANOS_PER_INCREMENT = 25;

    /// The estimate of `spec` on `cores` cores.
    public static RunEstimate of(RunSpec spec, int cores) {
        long memory = spec.tasks() * MEMORY_PER_TASK;
        long file = spec.tasks() * FILE_PER_TASK;
        return new RunEstimate(nanos(spec, cores), memory, file, spec.tasks());
    }

    private static long nanos(RunSpec spec, int cores) {
        if (spec.workload().downloads()) {
            OptionalLong io = Ideal.ioNanos(spec, cores);
            return io.orElse(-1);
        }
        double serial = switch (spec.workload()) {
            case CPU -> NANOS_PER_SQUARE * ((double) spec.tasks() * spec.base() + (double) spec.tasks() * (spec.tasks() - 1) / 2);
            case FIB -> NANOS_PER_FIB_CALL * (double) spec.tasks() * Fibonacci.calls(spec.fibN());
            case RACE -> NANOS_PER_INCREMENT * (double) spec.tasks() * spec.increments();
            case DOWNLOAD, MIXED -> throw new AssertionError("downloads are estimated by their ideal, above");
        };
        return Math.round(serial / Ideal.parallelism(spec, cores));
    }

    /// Whether the window asks before it starts the run.
    public boolean large() {
        return tasks > CONFIRM_TASKS || nanos > CONFIRM_SECONDS * 1_000_000_000L || memoryBytes > CONFIRM_BYTES;
    }

    /// "about 1 min 30 s, 2.8 GB of memory, a 550 MB history file".
    public String summary() {
        String time = nanos < 0 ? "an unknown time (your own URLs)" : "about " + duration(nanos);
        return time + ", about " + bytes(memoryBytes) + " of memory, a history file of about " + bytes(historyBytes);
    }

    /// Why a large run asks, in one sentence.
    public String reason() {
        return String.format(Locale.ROOT, "Runs of more than %,d tasks, over %d s or over %s of memory ask first.",
                CONFIRM_TASKS, CONFIRM_SECONDS, bytes(CONFIRM_BYTES));
    }

    private static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        if (s < 1) return String.format(Locale.ROOT, "%d ms", Math.max(1, Math.round(nanos / 1e6)));
        if (s < 120) return s + " s";
        if (s < 7_200) return (s / 60) + " min " + (s % 60) + " s";
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    private static String bytes(long b) {
        if (b >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        if (b >= 1_000_000L) return String.format(Locale.ROOT, "%d MB", Math.round(b / 1e6));
        return String.format(Locale.ROOT, "%d kB", Math.max(1, Math.round(b / 1e3)));
    }
}
