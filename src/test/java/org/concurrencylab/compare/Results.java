package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.CounterResult;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.List;

/// Finished runs with chosen numbers, for testing what is computed from them.
final class Results {
    private Results() {}

    static final long MS = 1_000_000L;

    static RunSpec spec(WorkloadKind workload, ModelKind model) {
        return RunSpec.defaults(workload, model);
    }

    /// A run of `spec` that took `wallMs`, one lane working `workMs` of it.
    static RunResult run(RunSpec spec, long wallMs, long workMs) {
        return run(spec, wallMs, workMs, 0, 0, null);
    }

    /// … whose first lane first started up for `startupMs`, with `errors` failed tasks and an
    /// optional race counter.
    static RunResult run(RunSpec spec, long wallMs, long workMs, long startupMs, int errors, CounterResult counter) {
        List<Segment> segments = new ArrayList<>();
        if (startupMs > 0) segments.add(Segment.closed(0, Segment.NO_TASK, State.STARTUP, 0, startupMs * MS, ""));
        long workStart = startupMs * MS;
        if (workMs > 0) segments.add(Segment.closed(0, 0, State.WORK, workStart, workStart + workMs * MS, ""));
        long ioEnd = wallMs * MS;
        if (ioEnd > workStart + workMs * MS) segments.add(Segment.closed(0, 0, State.IO_WAIT, workStart + workMs * MS, ioEnd, ""));
        List<SystemSample> samples = List.of(new SystemSample(0, 10 + spec.workers(), 0, 100, 1 << 20));
        return new RunResult(spec, wallMs * MS, spec.tasks(), errors, false, List.of(new Lane(0, "lane", LaneKind.THREAD)),
                segments, List.of(), RunStats.of(wallMs * MS, workMs * MS, segments), 0, counter, samples);
    }
}
