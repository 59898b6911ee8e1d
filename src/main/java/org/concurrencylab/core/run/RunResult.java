package org.concurrencylab.core.run;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;

import java.util.List;

/// What a finished (or stopped) run did: its whole trace and outcome. Immutable.
///
/// @param spec      what was run
/// @param wallNanos wall-clock time from the first task submitted to the last task finished
/// @param tasks     tasks in the run
/// @param errors    tasks that failed
/// @param cancelled true if the run was stopped before all tasks ran
/// @param lanes     the workers
/// @param segments  every segment, ordered by start time
/// @param outcomes  each finished task's outcome, in task order
/// @param stats     derived numbers
public record RunResult(RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled,
                        List<Lane> lanes, List<Segment> segments, List<TaskOutcome> outcomes, RunStats stats) {
    public RunResult {
        lanes = List.copyOf(lanes);
        segments = List.copyOf(segments);
        outcomes = List.copyOf(outcomes);
    }

    /// Tasks that finished, successfully or not.
    public int completed() {
        return outcomes.size();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /// The one-line summary the command line prints.
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "%s %s workers=%d tasks=%d errors=%d wall=%.3fs%s",
                spec.workload().id(), spec.model().id(), spec.workers(), tasks, errors, wallSeconds(),
                cancelled ? " cancelled" : "");
    }
}
