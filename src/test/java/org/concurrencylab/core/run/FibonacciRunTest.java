package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Fibonacci;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The Fibonacci workload (the article's 2024 edition) through the engine, on every model the
/// CPU workload runs on: the right tasks, the model's lanes, every result the exact fib(n); with
/// the simulated GIL, one lane runs code at a time, as for the sums. Asserted on structure and
/// exact results, never on timings.
@Timeout(120)
class FibonacciRunTest {
    private static final int TASKS = 6;
    private static final int N = 27;
    private static final int POOL = 3;
    /// The GIL is handed over between two recorder calls, so lanes may seem to overlap for a
    /// moment at a hand-over (as in GilTest).
    private static final long HAND_OVER_TOLERANCE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunSpec fib(ModelKind model, int n) {
        RunSpec spec = RunSpec.defaults(WorkloadKind.FIB, model).withTasks(TASKS).with(RunParams.FIB_N, n).withWarmup(false);
        return model.hasWorkers() ? spec.withWorkers(model == ModelKind.PROCESSES ? 2 : POOL) : spec;
    }

    private static RunResult run(RunSpec spec) throws Exception {
        RunResult result = EngineRuns.finished(engine, spec, 90);
        assertThat(result.tasks()).isEqualTo(spec.tasks());
        assertThat(result.segments()).noneMatch(Segment::open).noneMatch(Segment::failed);
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        return result;
    }

    private static void assertEveryFibIsExact(RunResult result, int n) {
        assertThat(result.outcomes()).extracting(TaskOutcome::task)
                .containsExactlyElementsOf(IntStream.range(0, result.tasks()).boxed().toList());
        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.name()).isEqualTo("fib(" + n + ") #" + (o.task() + 1));
            assertThat(o.result()).isEqualTo(Long.toString(Fibonacci.expected(n)));
        });
    }

    /// Every task computes on one lane and never waits for I/O.
    private static void assertEveryTaskOnlyComputes(RunResult result) {
        Map<Integer, List<Segment>> byTask = new TreeMap<>();
        for (Segment s : SegmentChecks.cpuSteps(result.segments())) {
            if (s.lane() != Segment.NO_LANE && s.task() != Segment.NO_TASK) byTask.computeIfAbsent(s.task(), t -> new ArrayList<>()).add(s);
        }
        assertThat(byTask).hasSize(result.tasks());
        byTask.forEach((task, segments) -> {
            assertThat(segments).as("task %d", task).extracting(Segment::state).contains(State.WORK)
                    .doesNotContain(State.IO_WAIT);
            assertThat(segments).filteredOn(s -> s.state() == State.WORK).first()
                    .satisfies(s -> assertThat(s.label()).isEqualTo("fib(" + result.spec().fibN() + ")"));
            assertThat(segments.stream().filter(s -> s.state() == State.WORK).map(Segment::lane).distinct())
                    .as("task %d computes on one lane", task).hasSize(1);
        });
    }

    /// How long WORK segments on two different lanes run at the same time, one entry per
    /// overlapping pair.
    private static List<Long> crossLaneWorkOverlaps(List<Segment> segments) {
        List<Segment> sorted = segments.stream()
                .filter(s -> s.state() == State.WORK && s.lane() != Segment.NO_LANE && s.duration() > 0)
                .sorted(Comparator.comparingLong(Segment::start)).toList();
        List<Long> overlaps = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Segment a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < a.end(); j++) {
                Segment b = sorted.get(j);
                if (b.lane() != a.lane()) overlaps.add(Math.min(a.end(), b.end()) - b.start());
            }
        }
        return overlaps;
    }

    @Test
    void the_defaults_are_the_article_s_fib_35_twenty_times() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS);

        assertThat(spec.tasks()).isEqualTo(20);
        assertThat(spec.fibN()).isEqualTo(35);
        assertThat(spec.toWorkload()).isEqualTo(Fibonacci.articleDefault());
        assertThat(spec.applied()).containsEntry(RunParams.FIB_N, 35).doesNotContainKeys(RunParams.BASE, RunParams.LATENCY_MS);
        assertThat(spec.usesDemoSites()).isFalse();
        assertThat(WorkloadKind.byId("fib")).contains(WorkloadKind.FIB);
        assertThat(WorkloadKind.FIB.title()).isEqualTo("Fibonacci");
        assertThat(WorkloadKind.FIB.taskNoun()).isEqualTo("numbers");
        assertThat(WorkloadKind.FIB.computes()).isTrue();
        assertThat(RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).applied()).doesNotContainKey(RunParams.FIB_N);
    }

    @Test
    void the_n_is_checked_against_the_table_s_range_and_taken_only_up_to_40_by_cpython() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS);

        assertThat(RunParams.FIB_N.range(spec)).isEqualTo(new Param.Range(1, 45, null));
        assertThat(spec.with(RunParams.FIB_N, 1).fibN()).isEqualTo(1);
        assertThat(spec.with(RunParams.FIB_N, 45).fibN()).isEqualTo(45);
        assertThatThrownBy(() -> spec.with(RunParams.FIB_N, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the n of fib(n) must be between 1 and 45, was 0");
        assertThatThrownBy(() -> spec.with(RunParams.FIB_N, 46))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the n of fib(n) must be between 1 and 45, was 46");

        assertThat(spec.with(RunParams.FIB_N, 40).withRuntime(RuntimeKind.PYTHON).fibN()).isEqualTo(40);
        assertThatThrownBy(() -> spec.with(RunParams.FIB_N, 41).withRuntime(RuntimeKind.PYTHON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the n of fib(n) must not be more than 40")
                .hasMessageEndingWith("was 41");
        assertThat(RunSpec.defaults(WorkloadKind.FIB, ModelKind.VIRTUAL).with(RunParams.FIB_N, 45).fibN())
                .as("virtual threads have no Python program: Java's range").isEqualTo(45);
    }

    @Test
    void the_synchronous_loop_computes_every_fib_exactly_on_one_lane_one_after_another() throws Exception {
        RunResult result = run(fib(ModelKind.SYNC, N));

        assertThat(result.lanes()).extracting(Lane::name).containsExactly("main");
        assertEveryTaskOnlyComputes(result);
        assertEveryFibIsExact(result, N);
        assertThat(result.outcomes()).extracting(TaskOutcome::result).containsOnly("196418");
        assertThat(SegmentChecks.cpuSteps(result.segments()).stream().filter(s -> s.state() == State.WORK).map(Segment::task).toList())
                .isSorted();
    }

    @Test
    void a_thread_pool_computes_on_each_of_its_threads() throws Exception {
        RunResult result = run(fib(ModelKind.THREADS, N));

        assertThat(result.lanes()).hasSize(POOL).allMatch(l -> l.kind() == LaneKind.THREAD);
        assertEveryTaskOnlyComputes(result);
        assertEveryFibIsExact(result, N);
        assertThat(result.segments()).filteredOn(s -> s.state() == State.LOCK_WAIT).as("no GIL, no lock").isEmpty();
    }

    @Test
    void the_event_loop_computes_every_fib_on_its_one_thread() throws Exception {
        RunResult result = run(fib(ModelKind.EVENTLOOP, N));

        assertThat(result.lanes()).singleElement().satisfies(l -> assertThat(l.kind()).isEqualTo(LaneKind.LOOP));
        assertEveryTaskOnlyComputes(result);
        assertEveryFibIsExact(result, N);
        assertThat(SegmentChecks.maxOpenAtOnce(result.segments(), s -> s.state() == State.WORK)).isEqualTo(1);
    }

    @Test
    void virtual_threads_compute_one_task_each() throws Exception {
        RunResult result = run(fib(ModelKind.VIRTUAL, N));

        assertThat(result.lanes()).hasSize(TASKS).allMatch(l -> l.kind() == LaneKind.VIRTUAL_THREAD);
        assertEveryTaskOnlyComputes(result);
        assertEveryFibIsExact(result, N);
    }

    @Test
    void worker_processes_compute_the_fibs_they_are_sent() throws Exception {
        RunResult result = run(fib(ModelKind.PROCESSES, N));

        assertThat(result.lanes()).hasSize(2).allMatch(l -> l.kind() == LaneKind.PROCESS);
        assertThat(result.segments()).filteredOn(s -> s.state() == State.STARTUP).hasSize(2);
        assertEveryTaskOnlyComputes(result);
        assertEveryFibIsExact(result, N);
    }

    @Test
    void under_the_gil_a_thread_pool_runs_code_on_one_lane_at_a_time_and_every_fib_stays_exact() throws Exception {
        // fib(30) is some milliseconds: a task is handed over at least once on a 1 ms switch
        RunResult result = run(fib(ModelKind.THREADS, 30).withGil(true).with(RunParams.SWITCH_MS, 1));

        assertThat(result.lanes()).hasSize(POOL);
        assertThat(crossLaneWorkOverlaps(result.segments())).as("WORK overlaps across lanes, ns")
                .allSatisfy(ns -> assertThat(ns).isLessThanOrEqualTo(HAND_OVER_TOLERANCE_NANOS));
        SegmentChecks.byLane(result.segments()).forEach((lane, list) -> assertThat(list).as("lane %d", lane)
                .anyMatch(s -> s.state() == State.LOCK_WAIT).anyMatch(s -> s.state() == State.WORK));
        assertThat(result.segments()).anyMatch(s -> s.state() == State.LOCK_WAIT && s.label().startsWith("GIL handed over"));
        assertThat(result.segments()).filteredOn(s -> s.state() == State.IO_WAIT).isEmpty();
        assertEveryFibIsExact(result, 30);
    }

    @Test
    void under_the_gil_virtual_threads_take_turns_too() throws Exception {
        RunResult result = run(fib(ModelKind.VIRTUAL, 30).withGil(true));

        assertThat(result.lanes()).hasSize(TASKS);
        assertThat(crossLaneWorkOverlaps(result.segments())).as("WORK overlaps across lanes, ns")
                .allSatisfy(ns -> assertThat(ns).isLessThanOrEqualTo(HAND_OVER_TOLERANCE_NANOS));
        assertThat(result.segments()).anyMatch(s -> s.state() == State.LOCK_WAIT);
        assertEveryFibIsExact(result, 30);
    }
}
