package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.DownloadSites;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// One virtual thread per task, driven through a [RunContext] directly against the embedded
/// demo sites: a lane per task, a shared connection limit that queues downloads on their own
/// lanes, a few carriers, and a stop that ends the run at once.
@Timeout(60)
class VirtualThreadModelTest {
    private static final int DOWNLOADS = 60;
    private static final int MAX_CONNECTIONS = 10;
    /// The default scheduler's parallelism is the core count; allow a little compensation.
    private static final int CARRIER_MARGIN = 2;

    private static DemoSites sites;
    private static Http http;

    @BeforeAll
    static void startSites() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(20));
        http = Http.createDefault();
    }

    @AfterAll
    static void stopSites() {
        sites.close();
        http.close();
    }

    private static RunContext context(List<TaskPlan> plans, RunControl control) {
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), control, http,
                new Outcomes(plans.size()));
    }

    private static List<TaskPlan> downloads(int count, List<URI> pages) {
        return new DownloadSites(count, pages).plan(List.of());
    }

    /// The lanes' segments, each CPU step whole (see [SegmentChecks#cpuSteps]).
    private static List<Segment> onLanes(List<Segment> segments) {
        return SegmentChecks.cpuSteps(segments).stream().filter(s -> s.lane() != Segment.NO_LANE).toList();
    }

    @Test
    void every_task_runs_on_a_virtual_thread_lane_of_its_own() throws Exception {
        RunContext context = context(downloads(DOWNLOADS, sites.pages()), new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);

        List<Lane> lanes = context.recorder().lanes();
        assertThat(lanes).hasSize(DOWNLOADS).allMatch(l -> l.kind() == LaneKind.VIRTUAL_THREAD);
        assertThat(lanes).extracting(Lane::name)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, DOWNLOADS).mapToObj(i -> "vthread " + i).toList());
        List<Segment> segments = context.recorder().finished();
        assertThat(context.recorder().openNow()).isEmpty();
        assertThat(onLanes(segments)).allSatisfy(s -> assertThat(s.lane()).as("lane of task %d", s.task()).isEqualTo(s.task()));
        SegmentChecks.assertNoOverlapWithinLanes(segments);
        Map<Integer, List<Segment>> byLane = SegmentChecks.byLane(SegmentChecks.cpuSteps(segments));
        assertThat(byLane).hasSize(DOWNLOADS);
        byLane.forEach((lane, list) -> {
            assertThat(list).as("lane %d", lane).filteredOn(s -> s.state() == State.IO_WAIT).hasSize(1);
            assertThat(list).as("lane %d", lane).filteredOn(s -> s.state() == State.WORK).hasSize(1);
        });
    }

    @Test
    void every_task_has_an_outcome_and_the_connection_limit_is_reached() throws Exception {
        RunContext context = context(downloads(DOWNLOADS, sites.pages()), new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);

        assertThat(context.outcomes().done()).isEqualTo(DOWNLOADS);
        assertThat(context.outcomes().errors()).isZero();
        assertThat(context.outcomes().list()).extracting(TaskOutcome::task)
                .containsExactlyElementsOf(IntStream.range(0, DOWNLOADS).boxed().toList());
        assertThat(context.outcomes().list()).allSatisfy(o -> assertThat(o.result()).contains("links"));
        int ioAtOnce = SegmentChecks.maxOpenAtOnce(context.recorder().finished(), s -> s.state() == State.IO_WAIT);
        assertThat(ioAtOnce).as("I/O waits open at once").isGreaterThanOrEqualTo(MAX_CONNECTIONS);
    }
    @Test
    void never_more_downloads_wait_for_io_at_once_than_there_are_connections() throws Exception {
        RunContext context = context(downloads(DOWNLOADS, sites.pages()), new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);

        int ioAtOnce = SegmentChecks.maxOpenAtOnce(context.recorder().finished(), s -> s.state() == State.IO_WAIT);
        assertThat(ioAtOnce).as("I/O waits open at once").isLessThanOrEqualTo(MAX_CONNECTIONS);
    }

    @Test
    void downloads_beyond_the_connection_limit_queue_on_their_own_lane() throws Exception {
        RunContext context = context(downloads(DOWNLOADS, sites.pages()), new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);

        List<Segment> segments = context.recorder().finished();
        List<Segment> waiting = segments.stream().filter(s -> s.state() == State.QUEUED && s.lane() >= 0).toList();
        // 60 downloads, 10 connections: at least the tasks that came after the first 10 wait
        assertThat(waiting).hasSizeGreaterThanOrEqualTo(DOWNLOADS / 2)
                .allSatisfy(s -> {
                    assertThat(s.label()).startsWith("waiting for a free connection");
                    assertThat(s.lane()).isEqualTo(s.task());
                });
        Map<Integer, List<Segment>> byLane = SegmentChecks.byLane(segments);
        for (Segment wait : waiting) {
            List<Segment> lane = byLane.get(wait.lane());
            Segment next = lane.get(lane.indexOf(wait) + 1);
            assertThat(next.state()).as("after waiting for a connection, task %d", wait.task()).isEqualTo(State.IO_WAIT);
        }
    }

    @Test
    void a_few_carrier_threads_carry_every_virtual_thread() throws Exception {
        RunContext context = context(downloads(DOWNLOADS, sites.pages()), new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);

        assertThat(context.facts().carrierCount())
                .isBetween(1, Runtime.getRuntime().availableProcessors() + CARRIER_MARGIN);
    }

    @Test
    void under_the_gil_virtual_threads_sum_exactly_and_wait_for_the_lock() throws Exception {
        List<TaskPlan> plans = new SumOfSquares(4, 200_000).plan(List.of());
        RunContext context = context(plans, new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, new Gil(1)).run(context);

        assertThat(context.outcomes().list()).hasSize(4).allSatisfy(o ->
                assertThat(o.result()).isEqualTo(SumOfSquares.expected(200_000L + o.task()).toString()));
        List<Segment> segments = context.recorder().finished();
        assertThat(segments).filteredOn(s -> s.state() == State.LOCK_WAIT && s.label().startsWith("GIL handed over"))
                .isNotEmpty();
    }

    @Test
    void a_stop_mid_run_returns_within_a_second_with_the_unfinished_tasks_cancelled() throws Exception {
        List<URI> slow = sites.pages().stream().map(p -> URI.create(p + "?latency=200")).toList();
        int tasks = 200;
        RunControl control = new RunControl();
        RunContext context = context(downloads(tasks, slow), control);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                new VirtualThreadModel(MAX_CONNECTIONS, null).run(context);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (context.outcomes().done() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(run).as("still running when stopped").isNotDone();

        control.cancel();
        run.get(1, TimeUnit.SECONDS);

        assertThat(context.outcomes().done()).isGreaterThan(0).isLessThan(tasks);
        assertThat(context.recorder().openNow()).isEmpty();
        List<Segment> segments = context.recorder().finished();
        assertThat(segments).filteredOn(Segment::failed).hasSizeGreaterThanOrEqualTo(tasks - context.outcomes().done())
                .allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
        assertThat(segments).filteredOn(s -> s.failed() && s.state() == State.QUEUED && s.lane() >= 0)
                .as("stopped while waiting for a connection").isNotEmpty();
        SegmentChecks.assertNoOverlapWithinLanes(segments);
    }
    @Test
    void a_stop_under_the_gil_ends_every_task_cleanly() throws Exception {
        List<TaskPlan> plans = new SumOfSquares(6, 50_000_000L).plan(List.of());
        RunControl control = new RunControl();
        RunContext context = context(plans, control);
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        try {
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                control.cancel();
            });

            new VirtualThreadModel(MAX_CONNECTIONS, new Gil(5)).run(context);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(uncaught).isEmpty();
        assertThat(context.recorder().openNow()).as("spans left open").isEmpty();
        assertThat(context.outcomes().done()).isZero();
    }

    @Test
    void at_least_one_connection_is_required() {
        assertThatThrownBy(() -> new VirtualThreadModel(0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max connections");
    }

    @Test
    @Timeout(20)
    void a_heavy_parse_on_a_virtual_thread_ends_after_its_parse_time_though_its_cpu_clock_reads_minus_one() throws Exception {
        // a virtual thread's CPU time cannot be read (-1): the heavy parse must still end
        List<TaskPlan> plans = new org.concurrencylab.core.workload.MixedWork(4, List.of(), 15).plan(sites.pages());
        RunContext context = context(plans, new RunControl());

        new VirtualThreadModel(MAX_CONNECTIONS, new Gil(5)).run(context);

        assertThat(context.outcomes().errors()).isZero();
        assertThat(context.outcomes().done()).isEqualTo(4);
        Map<Integer, List<Segment>> byTask = onLanes(context.recorder().finished()).stream()
                .collect(java.util.stream.Collectors.groupingBy(Segment::task));
        byTask.forEach((task, segments) -> assertThat(segments.stream().filter(seg -> seg.state() == State.WORK)
                .mapToLong(Segment::duration).sum()).as("parse time of task %d", task).isGreaterThanOrEqualTo(15_000_000L));
    }
}
