package org.concurrencylab.teach;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.State;

import java.time.Instant;
import java.util.Objects;

/// What the progress store keeps of one finished lesson run: what ran and the numbers that the
/// predictions and the decision guide need. Plain values, so it goes to and from JSON as is.
///
/// @param workload   the workload's id (`download`, `cpu`, …)
/// @param model      the model's id (`sync`, `threads`, …)
/// @param workers    pool threads or processes
/// @param tasks      tasks in the run
/// @param gil        whether the simulated GIL was on
/// @param wallNanos  the run's wall time
/// @param workNanos  time the workers spent running code, added up over the lanes
/// @param ioNanos    time the workers spent waiting for I/O, added up over the lanes
/// @param errors     tasks that failed
/// @param lost       updates the race lost (null for other workloads, and for processes, which
///                   share no counter)
/// @param at         when the run finished
public record RunRecord(String workload, String model, int workers, int tasks, boolean gil, long wallNanos,
                        long workNanos, long ioNanos, int errors, Long lost, Instant at) {
    public RunRecord {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        if (wallNanos < 0) throw new IllegalArgumentException("wall time must be >= 0: " + wallNanos);
    }

    /// The record of `result`, a run that finished (not stopped).
    public static RunRecord of(RunResult result, Instant at) {
        if (result.cancelled()) throw new IllegalArgumentException("a stopped run is not recorded");
        RunSpec spec = result.spec();
        Long lost = result.counter() == null || !result.counter().workerCounts().isEmpty() ? null : result.counter().lost();
        return new RunRecord(spec.workload().id(), spec.model().id(), spec.workers(), result.tasks(), spec.gil(),
                result.wallNanos(), result.stats().nanos(State.WORK), result.stats().nanos(State.IO_WAIT),
                result.errors(), lost, at);
    }
}
