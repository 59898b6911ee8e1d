package org.concurrencylab.faults;

import org.concurrencylab.CommandLines;
import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.net.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/// Runs for the fault suite, and the checks that every fault scenario must pass: the run
/// finished, every task has one outcome, every failure is counted and marked on a segment with
/// its reason, the trace is whole, and the run file reads back identical.
public final class FaultRuns {
    private FaultRuns() {}

    /// Runs `plans` on `model` the way the engine does (its recorder, its outcomes, the same
    /// result), with `http` as the blocking models' client: so a test can give the client short
    /// timeouts, which the engine does not offer. `spec` only describes the run in its file.
    public static RunResult run(RunSpec spec, ConcurrencyModel model, List<TaskPlan> plans, Http http) throws InterruptedException {
        RunControl control = new RunControl();
        RunClock clock = RunClock.startingNow();
        TraceRecorder recorder = TraceRecorder.create(clock);
        Outcomes outcomes = new Outcomes(plans.size());
        model.run(new RunContext(plans, recorder, control, http, outcomes));
        long wall = clock.now();
        recorder.closeAllOpen(control.cancelled() ? "cancelled" : null);
        List<Segment> segments = new ArrayList<>(recorder.finished());
        segments.sort(Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane));
        boolean cancelled = control.cancelled() && outcomes.done() < plans.size();
        return new RunResult(spec, wall, plans.size(), outcomes.errors(), cancelled, recorder.lanes(), segments,
                outcomes.list(), RunStats.of(wall, 0, segments));
    }

    /// The checks every fault scenario passes: nothing open, no lane overlapping itself, one
    /// outcome per finished task (every task, unless the run was stopped), failures counted, each
    /// failure (but a stop) marked on a segment of its task with the same reason, and the run
    /// file written to `dir` reads back identical.
    public static void assertNothingLost(RunResult result, Path dir) throws IOException {
        assertThat(result.segments()).noneMatch(Segment::open);
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        List<Integer> ids = result.outcomes().stream().map(TaskOutcome::task).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted().allMatch(id -> id >= 0 && id < result.tasks());
        if (!result.cancelled()) assertThat(result.outcomes()).as("one outcome per task").hasSize(result.tasks());
        assertThat(result.errors()).as("errors counted").isEqualTo((int) result.outcomes().stream().filter(o -> !o.ok()).count());
        Map<Integer, List<Segment>> failedByTask = result.segments().stream().filter(Segment::failed)
                .collect(Collectors.groupingBy(Segment::task));
        for (TaskOutcome o : result.outcomes()) {
            if (o.ok()) {
                assertThat(o.error()).isNull();
                continue;
            }
            assertThat(o.error()).as("reason of task %d", o.task()).isNotBlank();
            assertThat(failedByTask.getOrDefault(o.task(), List.of())).as("failed segment of task %d", o.task())
                    .anySatisfy(s -> assertThat(s.error()).isEqualTo(o.error()));
        }
        assertRoundTrips(result, dir);
    }

    /// The run file of `result` written to `dir` reads back identical: spec, lanes, every
    /// segment, outcomes and stats.
    public static void assertRoundTrips(RunResult result, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "fault-", ".json");
        RunJson.write(result, file);
        RunResult back = RunJson.read(file);
        assertThat(back.segments()).isEqualTo(result.segments());
        assertThat(back).isEqualTo(result);
        Files.delete(file);
    }

    /// The outcomes of `result` by task id.
    public static Map<Integer, TaskOutcome> byTask(RunResult result) {
        return result.outcomes().stream().collect(Collectors.toMap(TaskOutcome::task, Function.identity()));
    }

    /// The live children of this JVM that run a worker process of the pool (an AOT cache training
    /// run, which ends by itself, is not one).
    public static Set<ProcessHandle> liveWorkerProcesses() {
        return liveChildren(c -> c.contains("org.concurrencylab.worker.") && !c.contains("--train"));
    }

    /// The live children of this JVM whose command line `matches`.
    public static Set<ProcessHandle> liveChildren(Predicate<String> matches) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> matches.test(CommandLines.of(p)))
                .collect(Collectors.toSet());
    }

    /// Waits up to `millis` for the worker processes started since `before` was taken (with
    /// [#liveWorkerProcesses]) to be gone; returns those left. Processes of other tests' pools,
    /// alive before, are not this run's.
    public static Set<ProcessHandle> workerProcessesLeftAfter(long millis, Set<ProcessHandle> before) throws InterruptedException {
        return leftAfter(millis, FaultRuns::liveWorkerProcesses, before);
    }

    /// Waits up to `millis` for the processes `live` lists, but those in `before`, to be gone;
    /// returns those left.
    public static Set<ProcessHandle> leftAfter(long millis, Supplier<Set<ProcessHandle>> live, Set<ProcessHandle> before)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            Set<ProcessHandle> left = new HashSet<>(live.get());
            left.removeAll(before);
            if (left.isEmpty() || System.nanoTime() > deadline) return left;
            Thread.sleep(10);
        }
    }
}
