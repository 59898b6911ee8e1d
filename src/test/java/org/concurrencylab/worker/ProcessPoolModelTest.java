package org.concurrencylab.worker;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.Http;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencylab.worker.PoolRuns.assertWellFormed;
import static org.concurrencylab.worker.PoolRuns.byTask;

/// The process pool on every workload, against the embedded demo sites with a small latency.
/// Everything asserted is structure: lanes, start-up, overlaps, counts and exact results. The
/// processes of one pool serve all tests but the first, as they serve all runs of the app.
@Timeout(120)
class ProcessPoolModelTest {
    private static final int PROCESSES = 2;
    private static final int LATENCY_MS = 20;

    private static DemoSites sites;
    private static Http http;
    private static WorkerPool pool;

    @BeforeAll
    static void start() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(LATENCY_MS));
        http = Http.createDefault();
        pool = new WorkerPool();
    }

    @AfterAll
    static void stop() {
        pool.close();
        http.close();
        sites.close();
    }

    private static List<TaskPlan> sums(int count, long base) {
        return new SumOfSquares(count, base).plan(List.of());
    }

    private static void assertEverySumIsExact(PoolRuns.PoolRun run, long base) {
        assertThat(run.outcomes()).allSatisfy(o -> {
            assertThat(o.ok()).as("task %d: %s", o.task(), o.error()).isTrue();
            assertThat(o.result()).isEqualTo(SumOfSquares.expected(base + o.task()).toString());
        });
        byTask(run.onLanes().stream().filter(s -> s.task() != Segment.NO_TASK).toList()).forEach((task, segments) ->
                assertThat(segments).as("task %d", task).hasSize(1).allMatch(s -> s.state() == State.WORK && !s.failed()));
    }

    @Test
    void a_new_pool_draws_each_process_starting_up_then_reuses_the_processes_without_start_up() throws Exception {
        try (WorkerPool fresh = new WorkerPool()) {
            PoolRuns.PoolRun first = PoolRuns.run(fresh, PROCESSES, sums(6, 200_000), http);

            assertWellFormed(first, PROCESSES);
            assertThat(first.model().kind()).isEqualTo(ModelKind.PROCESSES);
            assertThat(first.model().workers()).isEqualTo(PROCESSES);
            SegmentChecks.byLane(first.segments()).forEach((lane, segments) -> {
                Segment startup = segments.getFirst();
                assertThat(startup.state()).as("lane %d begins with its start-up", lane).isEqualTo(State.STARTUP);
                assertThat(startup.start()).isNotNegative();
                assertThat(startup.label()).contains("worker process " + first.pid(lane));
            });
            assertThat(SegmentChecks.byLane(first.segments())).hasSize(PROCESSES);
            assertEverySumIsExact(first, 200_000);
            // tasks wait while the processes start
            assertThat(first.segments()).filteredOn(s -> s.state() == State.QUEUED).hasSizeGreaterThanOrEqualTo(PROCESSES);

            // on a loaded machine one process may have done all the tasks before the other was ready
            assertThat(fresh.awaitStarted(PROCESSES, 30_000)).isTrue();
            PoolRuns.PoolRun second = PoolRuns.run(fresh, PROCESSES, sums(6, 200_000), http);

            assertWellFormed(second, PROCESSES);
            assertThat(second.segments()).noneMatch(s -> s.state() == State.STARTUP);
            assertThat(List.of(second.pid(0), second.pid(1))).containsExactly(first.pid(0), first.pid(1));
            assertEverySumIsExact(second, 200_000);
            assertThat(second.onLanes().getFirst().start()).as("the first task starts at once").isLessThan(50_000_000L);
        }
    }

    @Test
    void a_pool_started_inside_the_run_draws_its_start_up_every_run_and_leaves_no_process_behind() throws Exception {
        try (WorkerPool pool = new WorkerPool()) {
            PoolRuns.PoolRun first = PoolRuns.start(pool, PROCESSES, sums(4, 200_000), http, false).await();
            assertThat(pool.processes()).as("processes left after the run").isEmpty();
            PoolRuns.PoolRun second = PoolRuns.start(pool, PROCESSES, sums(4, 200_000), http, false).await();
            assertThat(pool.processes()).as("processes left after the run").isEmpty();

            for (PoolRuns.PoolRun run : List.of(first, second)) {
                assertWellFormed(run, PROCESSES);
                assertEverySumIsExact(run, 200_000);
                SegmentChecks.byLane(run.segments()).forEach((lane, segments) -> assertThat(segments.getFirst().state())
                        .as("lane %d begins with its start-up", lane).isEqualTo(State.STARTUP));
            }
            assertThat(List.of(second.pid(0), second.pid(1))).as("new processes").doesNotContain(first.pid(0), first.pid(1));
        }
    }

    @Test
    void sums_run_side_by_side_one_task_per_process_at_a_time_and_are_exact() throws Exception {
        long base = 1_000_000;
        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, sums(8, base), http);

        assertWellFormed(run, PROCESSES);
        assertEverySumIsExact(run, base);
        assertThat(SegmentChecks.maxOpenAtOnce(run.segments(), s -> s.state() == State.WORK)).isBetween(1, PROCESSES);
        assertThat(run.onLanes()).filteredOn(s -> s.state() == State.WORK).extracting(Segment::lane)
                .containsOnly(0, 1).contains(0, 1);
        assertThat(run.onLanes()).filteredOn(s -> s.state() == State.WORK)
                .allSatisfy(s -> assertThat(s.label()).startsWith("n = "));
    }

    @Test
    void each_download_waits_for_io_then_parses_on_one_process_with_its_own_http_client() throws Exception {
        int downloads = 12;
        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, DownloadSites.demo(downloads).plan(sites.pages()), http);

        assertWellFormed(run, PROCESSES);
        assertThat(run.outcomes()).allSatisfy(o -> {
            assertThat(o.ok()).as("task %d: %s", o.task(), o.error()).isTrue();
            assertThat(o.result()).contains("bytes").contains("links");
        });
        Map<Integer, List<Segment>> tasks = byTask(run.onLanes().stream().filter(s -> s.task() != Segment.NO_TASK).toList());
        assertThat(tasks).hasSize(downloads);
        tasks.forEach((task, segments) -> {
            assertThat(segments).as("task %d: %s", task, segments).extracting(Segment::state).containsExactly(State.IO_WAIT, State.WORK);
            assertThat(segments.get(0).lane()).isEqualTo(segments.get(1).lane());
            assertThat(segments.get(0).end()).isLessThanOrEqualTo(segments.get(1).start());
            assertThat(segments.get(0).label()).contains("bytes");
            assertThat(segments.get(0).duration()).as("the demo sites' latency")
                    .isGreaterThanOrEqualTo((LATENCY_MS - 2) * 1_000_000L);
            // the wait was drawn live and ended when the parent heard of it; the parse after it
            // keeps the length the process measured
            assertThat(segments.get(1).duration()).as("task %d's parse", task).isPositive();
        });
        assertThat(SegmentChecks.maxOpenAtOnce(run.segments(), s -> s.state() == State.IO_WAIT)).isBetween(1, PROCESSES);
    }

    @Test
    void a_failing_download_fails_its_task_with_the_status_on_its_segment() throws Exception {
        URI failing = sites.baseUri().resolve("/status/500");
        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, new DownloadSites(4, List.of(failing)).plan(List.of()), http);

        assertWellFormed(run, PROCESSES);
        assertThat(run.outcomes()).hasSize(4).allSatisfy(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).contains("500");
        });
        assertThat(run.segments()).filteredOn(Segment::failed).hasSize(4).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(State.IO_WAIT);
            assertThat(s.error()).contains("500");
        });
        assertThat(run.segments()).noneMatch(s -> s.state() == State.WORK);
    }

    @Test
    void in_a_race_each_process_counts_only_its_own_increments_and_the_parents_counter_stays_zero() throws Exception {
        RaceCondition race = new RaceCondition(60, 1_000, Step.CounterMode.UNSAFE);
        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, race.plan(List.of()), http);

        assertWellFormed(run, PROCESSES);
        assertThat(run.outcomes()).allMatch(TaskOutcome::ok);
        assertThat(run.context().counter().value(Step.CounterMode.UNSAFE)).isZero();
        List<Long> counts = run.model().childCounts();
        assertThat(counts).hasSizeBetween(1, PROCESSES);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(race.expected());
        assertThat(run.context().facts().workerCounts()).isEqualTo(counts);
    }
}
