package org.concurrencylab.faults;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.List;

/// A small run made by hand, for writing and reading run files.
final class RunJsonSample {
    private RunJsonSample() {}

    /// One thread, two tasks, the second failed.
    static RunResult tiny() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(1).withTasks(2).withWarmup(false);
        List<Segment> segments = List.of(
                Segment.closed(0, 0, State.IO_WAIT, 0, 90_000_000, "GET /large"),
                new Segment(0, 1, State.IO_WAIT, 90_000_000, 180_000_000, "GET /small", "HTTP 503 Service Unavailable", false));
        return new RunResult(spec, 180_000_000, 2, 1, false, List.of(new Lane(0, "pool-1", LaneKind.THREAD)), segments,
                List.of(TaskOutcome.success(0, "GET /large #1", "49,152 bytes"),
                        TaskOutcome.failure(1, "GET /small #2", "HTTP 503 Service Unavailable")),
                RunStats.of(180_000_000, 1_000_000, segments));
    }
}
