package org.concurrencylab.worker;

import org.concurrencylab.CommandLines;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.Http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// Running the process pool in tests: one run on a background thread, and the structural
/// checks every process-pool trace must pass.
final class PoolRuns {
    private static final Pattern PID = Pattern.compile("process \\d+ \\(pid (\\d+)\\)");

    private PoolRuns() {}

    /// A run in progress or done.
    record PoolRun(ProcessPoolModel model, RunContext context, CompletableFuture<Void> done) {
        TraceRecorder recorder() {
            return context.recorder();
        }

        /// Waits for the run to return.
        PoolRun await() throws Exception {
            done.get(60, TimeUnit.SECONDS);
            return this;
        }

        List<Lane> lanes() {
            return recorder().lanes();
        }

        /// The finished segments, by start.
        List<Segment> segments() {
            List<Segment> all = new ArrayList<>(recorder().finished());
            all.sort(Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane));
            return all;
        }

        /// The lanes' segments, each CPU step whole (see [SegmentChecks#cpuSteps]).
        List<Segment> onLanes() {
            return SegmentChecks.cpuSteps(segments()).stream().filter(s -> s.lane() != Segment.NO_LANE).toList();
        }

        List<TaskOutcome> outcomes() {
            return context.outcomes().list();
        }

        /// The pid in the name of `lane`.
        long pid(int lane) {
            Matcher m = PID.matcher(lanes().get(lane).name());
            assertThat(m.matches()).as("lane name %s", lanes().get(lane).name()).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    /// Starts a run of `plans` on `workers` processes of `pool` on a background thread.
    static PoolRun start(WorkerPool pool, int workers, List<TaskPlan> plans, Http http) {
        return start(pool, workers, plans, http, true);
    }

    /// As [#start(WorkerPool, int, List, Http)]; without `keepWarm` the run starts its own processes.
    static PoolRun start(WorkerPool pool, int workers, List<TaskPlan> plans, Http http, boolean keepWarm) {
        RunContext context = new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), new RunControl(), http,
                new Outcomes(plans.size()));
        ProcessPoolModel model = new ProcessPoolModel(workers, pool, keepWarm);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("test-run").start(() -> {
            try {
                model.run(context);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return new PoolRun(model, context, done);
    }

    static PoolRun run(WorkerPool pool, int workers, List<TaskPlan> plans, Http http) throws Exception {
        return start(pool, workers, plans, http).await();
    }

    /// Lanes are processes, segments of a lane never overlap, nothing is left open, task-only
    /// segments are QUEUED, STARTUP comes first on its lane, and every task has one outcome.
    static void assertWellFormed(PoolRun run, int processes) {
        assertThat(run.lanes()).hasSize(processes).allSatisfy(lane -> {
            assertThat(lane.kind()).isEqualTo(org.concurrencylab.core.trace.LaneKind.PROCESS);
            assertThat(lane.name()).matches(PID);
        });
        assertThat(run.recorder().openNow()).isEmpty();
        assertThat(run.segments()).noneMatch(Segment::open);
        SegmentChecks.assertNoOverlapWithinLanes(run.segments());
        assertThat(run.segments()).filteredOn(s -> s.lane() == Segment.NO_LANE).allMatch(s -> s.state() == State.QUEUED);
        assertThat(run.segments()).filteredOn(s -> s.state() == State.STARTUP)
                .allMatch(s -> s.lane() != Segment.NO_LANE && s.task() == Segment.NO_TASK);
        SegmentChecks.byLane(run.segments()).forEach((lane, list) -> {
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).state()).as("lane %d: STARTUP only first", lane).isNotEqualTo(State.STARTUP);
            }
        });
        int tasks = run.context().plans().size();
        assertThat(run.outcomes()).extracting(TaskOutcome::task)
                .containsExactlyElementsOf(IntStream.range(0, tasks).boxed().toList());
        assertThat(run.context().outcomes().done()).isEqualTo(tasks);
        Map<Integer, List<Segment>> queued = byTask(run.segments().stream().filter(s -> s.state() == State.QUEUED).toList());
        Map<Integer, List<Segment>> running = byTask(run.onLanes().stream().filter(s -> s.task() != Segment.NO_TASK).toList());
        queued.forEach((task, list) -> {
            assertThat(list).as("QUEUED of task %d", task).hasSize(1);
            if (running.containsKey(task)) {
                long firstRun = running.get(task).stream().mapToLong(Segment::start).min().orElseThrow();
                assertThat(list.getFirst().end()).isLessThanOrEqualTo(firstRun);
            }
        });
    }

    static Map<Integer, List<Segment>> byTask(List<Segment> segments) {
        return segments.stream().collect(Collectors.groupingBy(Segment::task));
    }

    /// The live children of this JVM that run a worker main class.
    static List<ProcessHandle> liveWorkerChildren() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> CommandLines.of(p).contains("org.concurrencylab.worker."))
                .toList();
    }
}
