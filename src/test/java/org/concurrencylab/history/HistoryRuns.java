package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/// Runs and a clock for history tests.
public final class HistoryRuns {
    private HistoryRuns() {}

    /// A clock that moves one second on at every reading, so saves are ordered.
    public static Clock ticking() {
        Instant[] now = {Instant.parse("2026-03-01T14:05:09Z")};
        return new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() {
                Instant t = now[0];
                now[0] = t.plus(Duration.ofSeconds(1));
                return t;
            }
        };
    }

    /// A finished run with a trace of every kind of segment.
    public static RunResult run(ModelKind model, int tasks) {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withTasks(tasks);
        List<Lane> lanes = List.of(new Lane(0, "pool-1", LaneKind.THREAD), new Lane(1, "pool-2", LaneKind.THREAD));
        List<Segment> segments = new ArrayList<>();
        List<TaskOutcome> outcomes = new ArrayList<>();
        long t = 0;
        for (int task = 0; task < tasks; task++) {
            int lane = task % 2;
            segments.add(new Segment(Segment.NO_LANE, task, State.QUEUED, 0, t, "", null, false));
            segments.add(Segment.closed(lane, task, State.WORK, t, t + 1_000, "GET /page"));
            segments.add(new Segment(lane, task, State.IO_WAIT, t + 1_000, t + 90_000_000, "GET /page", task == 2 ? "HTTP 500" : null, false));
            outcomes.add(task == 2 ? TaskOutcome.failure(task, "page " + task, "HTTP 500") : TaskOutcome.success(task, "page " + task, "12 kB"));
            t += 45_000_000;
        }
        segments.sort(java.util.Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane));
        long wall = t + 90_000_000;
        return new RunResult(spec, wall, tasks, tasks > 2 ? 1 : 0, false, lanes, segments, outcomes, RunStats.of(wall, 5_000_000, segments),
                0, null, List.of(new SystemSample(1_000_000, 21, 0, 37.5, 12 << 20)));
    }
}
