package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The race workload through the engine: what the shared counter reads at the end, per counter
/// mode and model, and how the result reports it.
@Timeout(60)
class RaceRunTest {
    private static final int TASKS = 400;
    private static final int INCREMENTS = 250;
    private static final long EXPECTED = (long) TASKS * INCREMENTS;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunSpec race(ModelKind model, Step.CounterMode mode) {
        return RunSpec.defaults(WorkloadKind.RACE, model).withTasks(TASKS).with(RunParams.INCREMENTS, INCREMENTS)
                .with(RunParams.COUNTER_MODE, mode).withWarmup(false);
    }

    private static RunResult run(RunSpec spec) throws Exception {
        return EngineRuns.finished(engine, spec, 30);
    }

    private static void assertNothingLost(RunResult result) {
        CounterResult counter = result.counter();
        assertThat(counter).isNotNull();
        assertThat(counter.expected()).isEqualTo((long) result.spec().tasks() * result.spec().increments());
        assertThat(counter.actual()).isEqualTo(counter.expected());
        assertThat(counter.lost()).isZero();
        assertThat(counter.workerCounts()).isEmpty();
    }

    static Stream<Arguments> safeModesUnderParallelModels() {
        List<Arguments> cases = new ArrayList<>();
        for (ModelKind model : List.of(ModelKind.THREADS, ModelKind.VIRTUAL)) {
            for (Step.CounterMode mode : List.of(Step.CounterMode.SYNCHRONIZED, Step.CounterMode.ATOMIC)) {
                cases.add(Arguments.of(model, mode));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} under {0}")
    @MethodSource("safeModesUnderParallelModels")
    void synchronized_and_atomic_counters_lose_nothing_under_parallel_models(ModelKind model, Step.CounterMode mode)
            throws Exception {
        RunResult result = run(race(model, mode).withWorkers(model.hasWorkers() ? 4 : 1));

        assertNothingLost(result);
        assertThat(result.counter().expected()).isEqualTo(EXPECTED);
    }

    @Test
    void an_unsafe_counter_loses_nothing_on_one_thread() throws Exception {
        RunResult result = run(race(ModelKind.SYNC, Step.CounterMode.UNSAFE));

        assertNothingLost(result);
        assertThat(result.lanes()).hasSize(1);
    }

    @Test
    void an_unsafe_counter_loses_nothing_under_the_gil_because_it_is_handed_over_between_increments() throws Exception {
        RunResult result = run(race(ModelKind.THREADS, Step.CounterMode.UNSAFE).withWorkers(4).withGil(true).with(RunParams.SWITCH_MS, 1));

        assertNothingLost(result);
        assertThat(result.segments()).filteredOn(s -> s.state() == State.LOCK_WAIT).isNotEmpty();
        assertThat(result.summaryLine()).contains(" gil ");
    }

    @Test
    void an_unsafe_counter_under_threads_reports_what_it_lost_consistently() throws Exception {
        RunResult result = run(race(ModelKind.THREADS, Step.CounterMode.UNSAFE).withWorkers(4));

        CounterResult counter = result.counter();
        assertThat(counter.expected()).isEqualTo(EXPECTED);
        assertThat(counter.actual()).isBetween(1L, EXPECTED);
        assertThat(counter.lost()).isEqualTo(counter.expected() - counter.actual()).isNotNegative();
        assertThat(result.summaryLine())
                .contains(" counter=" + counter.actual() + " expected=" + EXPECTED + " lost=" + counter.lost());
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
    }

    @Test
    void an_unsafe_counter_hammered_by_four_threads_loses_updates() throws Exception {
        RunSpec spec = race(ModelKind.THREADS, Step.CounterMode.UNSAFE).withWorkers(4).withTasks(2_000)
                .with(RunParams.INCREMENTS, 2_000);
        List<Long> lost = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            CounterResult counter = run(spec).counter();
            assertThat(counter.expected()).isEqualTo(4_000_000L);
            assertThat(counter.lost()).isEqualTo(counter.expected() - counter.actual()).isNotNegative();
            lost.add(counter.lost());
            if (counter.lost() > 0) break;
        }

        assertThat(lost).as("updates lost per attempt").anyMatch(n -> n > 0);
    }

    @Test
    void the_summary_line_of_a_race_names_the_counter_and_what_was_lost() throws Exception {
        RunResult result = run(race(ModelKind.VIRTUAL, Step.CounterMode.ATOMIC));

        assertThat(result.summaryLine())
                .startsWith("race virtual workers=1 tasks=" + TASKS + " errors=0 wall=")
                .endsWith(" counter=" + EXPECTED + " expected=" + EXPECTED + " lost=0" + carriers(result));
    }

    @Test
    void other_workloads_have_no_counter() throws Exception {
        RunResult result = run(RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withTasks(2).with(RunParams.BASE, 1_000)
                .withWarmup(false));

        assertThat(result.counter()).isNull();
        assertThat(result.summaryLine()).doesNotContain("counter=").doesNotContain("lost=");
    }

    @Test
    void a_race_on_the_event_loop_draws_the_loop_alone_its_queued_tasks_off_the_lanes() throws Exception {
        RunResult result = run(race(ModelKind.EVENTLOOP, Step.CounterMode.UNSAFE));

        assertThat(result.lanes()).as("no lane per task: a race task never waits").singleElement()
                .satisfies(lane -> assertThat(lane.name()).isEqualTo("event loop"));
        assertThat(result.segments()).filteredOn(s -> s.lane() == Segment.NO_LANE).isNotEmpty()
                .allMatch(s -> s.state() == State.QUEUED);
        assertThat(result.counter().actual()).as("no switch without an await: nothing lost")
                .isEqualTo((long) TASKS * INCREMENTS);
    }

    @Test
    void every_race_task_runs_its_increments_as_one_stretch_of_work() throws Exception {
        RunResult result = run(race(ModelKind.THREADS, Step.CounterMode.ATOMIC).withWorkers(4));

        List<Segment> work = SegmentChecks.cpuSteps(result.segments()).stream().filter(s -> s.state() == State.WORK).toList();
        assertThat(work).hasSize(TASKS).extracting(Segment::task).doesNotHaveDuplicates();
        assertThat(work).allSatisfy(s -> assertThat(s.label()).isEqualTo("counter += 1, 250 times (atomic)"));
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.result()).isEqualTo("250 increments"));
    }

    private static String carriers(RunResult result) {
        return result.carriers() > 0 ? " carriers=" + result.carriers() : "";
    }
}
