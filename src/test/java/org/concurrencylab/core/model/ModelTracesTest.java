package org.concurrencylab.core.model;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The synchronous model and the thread pool on both workloads, through the engine, against the
/// embedded demo sites with a small latency. Everything asserted is structure: lanes, overlaps,
/// counts and exact results.
@Timeout(60)
class ModelTracesTest {
    private static final int LATENCY_MS = 20;
    private static final int DOWNLOADS = 30;
    private static final int NUMBERS = 8;
    private static final long BASE = 200_000;
    private static final int POOL = 4;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(LATENCY_MS));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunSpec downloads(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(POOL).withTasks(DOWNLOADS)
                .with(RunParams.LATENCY_MS, LATENCY_MS).withWarmup(false);
    }

    private static RunSpec sums(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.CPU, model).withWorkers(POOL).withTasks(NUMBERS).with(RunParams.BASE, BASE)
                .withWarmup(false);
    }

    private static RunResult run(RunSpec spec) throws Exception {
        var handle = engine.start(spec);
        RunResult result = handle.result().get(30, TimeUnit.SECONDS);
        assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
        assertThat(handle.done()).isEqualTo(spec.tasks());
        return result;
    }

    /// The lanes' segments, each CPU step whole (see [SegmentChecks#cpuSteps]).
    private static List<Segment> onLanes(RunResult result) {
        return SegmentChecks.cpuSteps(result.segments()).stream().filter(s -> s.lane() != Segment.NO_LANE).toList();
    }

    private static Map<Integer, List<Segment>> byTask(List<Segment> segments) {
        return segments.stream().collect(Collectors.groupingBy(Segment::task));
    }

    private static void assertEveryTaskFinishedWithoutErrors(RunResult result, int tasks) {
        assertThat(result.cancelled()).isFalse();
        assertThat(result.errors()).isZero();
        assertThat(result.tasks()).isEqualTo(tasks);
        assertThat(result.outcomes()).extracting(TaskOutcome::task)
                .containsExactlyElementsOf(IntStream.range(0, tasks).boxed().toList());
        assertThat(result.outcomes()).allMatch(TaskOutcome::ok);
        assertThat(result.segments()).noneMatch(Segment::open).noneMatch(Segment::failed);
    }

    private static void assertWellFormedLanes(RunResult result, int lanes) {
        assertThat(result.lanes()).hasSize(lanes).allMatch(l -> l.kind() == LaneKind.THREAD);
        assertThat(onLanes(result)).allSatisfy(s -> assertThat(s.lane()).isBetween(0, lanes - 1));
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        assertThat(result.segments()).filteredOn(s -> s.lane() == Segment.NO_LANE)
                .allMatch(s -> s.state() == State.QUEUED);
    }

    private static void assertEveryDownloadFetchedThenParsed(RunResult result) {
        Map<Integer, List<Segment>> tasks = byTask(onLanes(result));
        assertThat(tasks).hasSize(result.tasks());
        tasks.forEach((task, segments) -> {
            List<Segment> io = segments.stream().filter(s -> s.state() == State.IO_WAIT).toList();
            List<Segment> work = segments.stream().filter(s -> s.state() == State.WORK).toList();
            assertThat(io).as("I/O waits of task %d", task).hasSize(1);
            assertThat(work).as("work of task %d", task).hasSize(1);
            assertThat(io.getFirst().end()).isLessThanOrEqualTo(work.getFirst().start());
            assertThat(io.getFirst().lane()).isEqualTo(work.getFirst().lane());
            assertThat(io.getFirst().label()).contains("bytes");
        });
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.result()).contains("bytes").contains("links"));
    }

    private static void assertEverySumIsExact(RunResult result) {
        Map<Integer, List<Segment>> tasks = byTask(onLanes(result));
        assertThat(tasks).hasSize(NUMBERS);
        tasks.forEach((task, segments) -> assertThat(segments).as("task %d", task)
                .extracting(Segment::state).containsOnly(State.WORK));
        for (TaskOutcome outcome : result.outcomes()) {
            assertThat(outcome.result()).isEqualTo(SumOfSquares.expected(BASE + outcome.task()).toString());
        }
    }

    @Test
    void the_synchronous_model_downloads_on_one_lane_one_task_after_another() throws Exception {
        RunResult result = run(downloads(ModelKind.SYNC));

        assertEveryTaskFinishedWithoutErrors(result, DOWNLOADS);
        assertWellFormedLanes(result, 1);
        assertThat(result.lanes()).extracting(Lane::name).containsExactly("main");
        assertEveryDownloadFetchedThenParsed(result);
        assertThat(SegmentChecks.maxOpenAtOnce(onLanes(result), s -> true)).isEqualTo(1);
        List<Integer> taskOrder = onLanes(result).stream().map(Segment::task).toList();
        assertThat(taskOrder).isSorted();
        assertThat(result.stats().peakConcurrency()).isEqualTo(1);
    }

    @Test
    void a_pool_of_n_never_has_more_than_n_io_waits_at_once_and_reaches_n() throws Exception {
        RunResult result = run(downloads(ModelKind.THREADS));

        assertEveryTaskFinishedWithoutErrors(result, DOWNLOADS);
        assertWellFormedLanes(result, POOL);
        assertThat(result.lanes()).extracting(Lane::name).containsExactly("pool-1", "pool-2", "pool-3", "pool-4");
        assertEveryDownloadFetchedThenParsed(result);
        assertThat(SegmentChecks.maxOpenAtOnce(result.segments(), s -> s.state() == State.IO_WAIT)).isEqualTo(POOL);
        assertThat(SegmentChecks.maxOpenAtOnce(onLanes(result), s -> true)).isEqualTo(POOL);
        assertThat(result.stats().peakConcurrency()).isEqualTo(POOL);
    }

    @Test
    void pool_tasks_queued_behind_busy_workers_have_a_queued_segment_before_they_run() throws Exception {
        RunResult result = run(downloads(ModelKind.THREADS));

        Map<Integer, List<Segment>> queued = byTask(result.segments().stream()
                .filter(s -> s.state() == State.QUEUED).toList());
        assertThat(queued.values()).allSatisfy(list -> assertThat(list).hasSize(1)
                .allMatch(s -> s.lane() == Segment.NO_LANE));
        // a task beyond the first N cannot be picked up before a worker finished a 20 ms download
        for (int task = POOL; task < DOWNLOADS; task++) assertThat(queued).containsKey(task);
        Map<Integer, List<Segment>> running = byTask(onLanes(result));
        queued.forEach((task, list) -> {
            long firstRun = running.get(task).stream().mapToLong(Segment::start).min().orElseThrow();
            assertThat(list.getFirst().end()).isLessThanOrEqualTo(firstRun);
        });
    }

    @Test
    void the_synchronous_model_sums_exactly_on_one_lane() throws Exception {
        RunResult result = run(sums(ModelKind.SYNC));

        assertEveryTaskFinishedWithoutErrors(result, NUMBERS);
        assertWellFormedLanes(result, 1);
        assertEverySumIsExact(result);
        assertThat(result.stats().nanos(State.IO_WAIT)).isZero();
        assertThat(result.stats().nanos(State.WORK)).isPositive();
    }

    @Test
    void a_pool_of_n_sums_exactly_with_at_most_n_tasks_working_at_once() throws Exception {
        RunResult result = run(sums(ModelKind.THREADS));

        assertEveryTaskFinishedWithoutErrors(result, NUMBERS);
        assertWellFormedLanes(result, POOL);
        assertEverySumIsExact(result);
        assertThat(SegmentChecks.maxOpenAtOnce(result.segments(), s -> s.state() == State.WORK))
                .isBetween(1, POOL);
        assertThat(result.segments()).filteredOn(s -> s.state() == State.QUEUED).isNotEmpty();
    }

    @Test
    void the_synchronous_model_ignores_a_worker_count() {
        assertThat(downloads(ModelKind.SYNC).workers()).isEqualTo(1);
        assertThat(downloads(ModelKind.SYNC).withWorkers(7).workers()).isEqualTo(1);
        assertThat(downloads(ModelKind.THREADS).workers()).isEqualTo(POOL);
    }
}
