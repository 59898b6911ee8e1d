package org.concurrencylab.python;

/// How the CPU steps of a twin run spent their time, summed over every measured step (the sums,
/// fib, the heavy parse): the kernel's own counters, not a simulation.
///
/// @param steps         how many steps were measured
/// @param wallNanos     their wall time
/// @param cpuNanos      on a CPU (each thread's CLOCK_THREAD_CPUTIME_ID at the step's edges)
/// @param runqueueNanos runnable but waiting for a CPU (schedstat), e.g. on a busy machine
/// @param waitNanos     the rest, blocked: for a pure CPU step in CPython, waiting for the GIL
/// @param drawnNanos    the LOCK_WAIT drawn, from the sampled thread states; close to
///                      `waitNanos` when sampled, within a sampling period per switch
/// @param sampled       whether every step's thread states were sampled (Linux); if not, the
///                      steps are drawn as plain WORK and only these totals tell the wait
/// @param periodNanos   the sampling period, the drawing's resolution
public record GilStats(int steps, long wallNanos, long cpuNanos, long runqueueNanos, long waitNanos, long drawnNanos,
                       boolean sampled, long periodNanos) {
    public static final GilStats NONE = new GilStats(0, 0, 0, 0, 0, 0, false, 0);

    /// The share of the steps' wall time spent waiting for the GIL, 0 to 1.
    public double waitShare() {
        return wallNanos == 0 ? 0 : (double) waitNanos / wallNanos;
    }

    /// The share of the steps' wall time drawn as LOCK_WAIT, 0 to 1.
    public double drawnShare() {
        return wallNanos == 0 ? 0 : (double) drawnNanos / wallNanos;
    }

    /// The share spent on a CPU, 0 to 1.
    public double cpuShare() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    GilStats plus(HarnessEvent.Gil step) {
        return new GilStats(steps + 1, wallNanos + step.wall(), cpuNanos + step.cpu(), runqueueNanos + step.runq(),
                waitNanos + step.blocked(), drawnNanos + step.drawn(), (steps == 0 || sampled) && step.sampled(),
                Math.max(periodNanos, step.period()));
    }
}
