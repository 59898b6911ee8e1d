package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/// The twins' traces have the Java runs' shape: lanes named as the Java's, one per Python
/// thread, process or event-loop task; each task on one lane; no lane's segments overlapping;
/// everything within the run; a process's start-up first on its lane; the GIL's waits drawn
/// amber where the kernel saw the threads wait.
@Timeout(300)
class TwinTraceTest {

    private static void assertWellFormed(Pythons.TwinRun run) {
        assertThat(run.result().failure()).isNull();
        List<Segment> segments = run.segments();
        SegmentChecks.assertNoOverlapWithinLanes(segments);
        assertThat(segments).allSatisfy(s -> {
            assertThat(s.start()).as("%s starts within the run", s).isGreaterThanOrEqualTo(0);
            assertThat(s.end()).as("%s ends within the run", s).isLessThanOrEqualTo(run.endedAt());
            assertThat(s.open()).isFalse();
        });
        assertThat(run.recorder().openNow()).as("nothing left open").isEmpty();
        // each task's states are on one lane, and begin once it has left the queue
        Map<Integer, List<Segment>> byTask = segments.stream().filter(s -> s.task() != Segment.NO_TASK && s.lane() != Segment.NO_LANE
                        && run.lanes().get(s.lane()).kind() != LaneKind.TASK)
                .collect(Collectors.groupingBy(Segment::task));
        for (var entry : byTask.entrySet()) {
            assertThat(entry.getValue().stream().map(Segment::lane).distinct()).as("task %d's lanes", entry.getKey()).hasSize(1);
            segments.stream().filter(s -> s.lane() == Segment.NO_LANE && s.task() == entry.getKey()).forEach(queued ->
                    assertThat(entry.getValue().getFirst().start()).isGreaterThanOrEqualTo(queued.end()));
        }
    }

    @Test
    void five_threads_on_the_sums_take_turns_at_the_gil_and_the_waits_are_drawn() throws Exception {
        TwinInputs.Sums inputs = TwinInputs.sums(20, 500_000);
        Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU), inputs, 5));

        assertWellFormed(run);
        assertThat(run.lanes()).extracting(Lane::name).containsExactly("pool-1", "pool-2", "pool-3", "pool-4", "pool-5");
        assertThat(run.lanes()).extracting(Lane::kind).containsOnly(LaneKind.THREAD);
        List<Segment> segments = run.segments();
        assertThat(segments.stream().filter(s -> s.state() == State.QUEUED).map(Segment::task).distinct())
                .as("every task waited in the queue, for a moment at least").hasSize(20);
        assertThat(segments).filteredOn(s -> s.state() == State.QUEUED).allMatch(s -> s.lane() == Segment.NO_LANE);
        List<Segment> waits = segments.stream().filter(s -> s.state() == State.LOCK_WAIT).toList();
        assertThat(waits).isNotEmpty().allMatch(s -> s.label().equals("waiting for the GIL") && s.task() >= 0);
        assertThat(segments).filteredOn(s -> s.state() == State.WORK).allMatch(s -> s.label().matches("n = 500,0\\d\\d"));

        GilStats gil = run.result().gil();
        assertThat(gil.steps()).isEqualTo(20);
        assertThat(gil.cpuNanos() + gil.runqueueNanos() + gil.waitNanos()).isEqualTo(gil.wallNanos());
        if (gil.sampled()) {
            assertThat(gil.periodNanos()).as("five threads take turns at the GIL: sampled every millisecond")
                    .isEqualTo(1_000_000);
            // four threads of five wait while one runs: far above 40 % whatever else the machine does
            assertThat(gil.waitShare()).as("the GIL wait share of %s", gil).isGreaterThan(0.4);
            long drawn = waits.stream().mapToLong(Segment::duration).sum();
            // the same waits: a lane's segments never overlap, so a piece that the clock handshake puts a
            // little before the end of the one before it starts at that end (a few ms in all on a busy machine)
            assertThat((double) drawn).as("the LOCK_WAIT drawn").isCloseTo(gil.drawnNanos(), withinPercentage(5));
            // one thread at a time runs Python code: the CPU drawn is one core's worth, not the time the
            // threads were runnable (a thread the kernel keeps waiting for a core is drawn READY)
            List<Segment> onLanes = segments.stream().filter(s -> s.lane() != Segment.NO_LANE).toList();
            long span = onLanes.stream().mapToLong(Segment::end).max().orElseThrow()
                    - onLanes.stream().mapToLong(Segment::start).min().orElseThrow();
            long work = onLanes.stream().filter(s -> s.state() == State.WORK).mapToLong(Segment::duration).sum();
            long ready = onLanes.stream().filter(s -> s.state() == State.READY).mapToLong(Segment::duration).sum();
            // (within the sampling's resolution: a few ms per switch, more while the busy machine keeps the
            // sampler itself from a core: 15 % of a short run with another program on one core; drawing R
            // as WORK made the CPU 1.8 times the run here)
            assertThat(work).as("CPU drawn in a run of %,d ns", span).isLessThan(span + span * 15 / 100);
            assertThat(overlapOfWork(onLanes)).as("time two lanes are drawn on the CPU at once, of %,d ns", span)
                    .isLessThan(span / 5);
            assertThat((double) ready).as("READY drawn").isCloseTo(gil.runqueueNanos(), withinPercentage(20));
            assertThat(segments).filteredOn(s -> s.state() == State.READY)
                    .allMatch(s -> s.label().equals("ready, waiting for a core"));
        }
        assertThat(run.result().output()).singleElement().asString().matches("20 sums in \\d+\\.\\d\\d s");
    }

    /// The time during which two lanes or more are drawn in WORK at once.
    private static long overlapOfWork(List<Segment> segments) {
        List<long[]> edges = new ArrayList<>();
        segments.stream().filter(s -> s.state() == State.WORK).forEach(s -> {
            edges.add(new long[] {s.start(), 1});
            edges.add(new long[] {s.end(), -1});
        });
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        long overlap = 0;
        long last = 0;
        int working = 0;
        for (long[] edge : edges) {
            if (working >= 2) overlap += edge[0] - last;
            last = edge[0];
            working += (int) edge[1];
        }
        return overlap;
    }

    @Test
    void one_thread_on_the_sums_waits_for_no_gil_and_runs_the_tasks_in_order() throws Exception {
        Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU),
                TwinInputs.sums(6, 300_000), 5));

        assertWellFormed(run);
        assertThat(run.lanes()).extracting(Lane::name).containsExactly("main");
        List<Segment> work = run.onLane(0);
        assertThat(work.stream().map(Segment::task).distinct().toList()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(run.segments()).noneMatch(s -> s.state() == State.QUEUED);
        GilStats gil = run.result().gil();
        assertThat(gil.steps()).isEqualTo(6);
        if (gil.sampled()) {
            assertThat(gil.waitShare()).as("alone, %s", gil).isLessThan(0.2);
            // no other thread computes: only its waits for a core are drawn, whose lengths need no fine period
            assertThat(gil.periodNanos()).isEqualTo(5_000_000);
        }
    }

    @Test
    void a_process_pool_has_one_lane_per_process_its_start_up_first_on_aligned_clocks() throws Exception {
        Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.PROCESSES, TwinWorkload.CPU),
                TwinInputs.sums(8, 200_000), 2));

        assertWellFormed(run);
        assertThat(run.lanes()).hasSize(2).allSatisfy(lane -> {
            assertThat(lane.kind()).isEqualTo(LaneKind.PROCESS);
            assertThat(lane.name()).matches("process " + (lane.id() + 1) + " \\(pid \\d+\\)");
        });
        List<Segment> queued = run.segments().stream().filter(s -> s.lane() == Segment.NO_LANE).toList();
        assertThat(queued).extracting(Segment::state).containsOnly(State.QUEUED);
        long submitted = queued.getFirst().start();
        assertThat(queued).as("map submitted every task at once").allMatch(s -> s.start() == submitted);
        long created = run.onLane(0).getFirst().start();
        for (Lane lane : run.lanes()) {
            List<Segment> onLane = run.onLane(lane.id());
            Segment startup = onLane.getFirst();
            assertThat(startup.state()).isEqualTo(State.STARTUP);
            assertThat(startup.task()).isEqualTo(Segment.NO_TASK);
            assertThat(startup.start()).as("from the pool's creation in the parent").isEqualTo(created);
            assertThat(startup.label()).contains("starting process " + lane.name().replaceAll(".*pid (\\d+)\\)", "$1"));
            assertThat(onLane.subList(1, onLane.size())).isNotEmpty().allSatisfy(s -> {
                // a process waits for no GIL; it may wait for a core, on two cores with the JVM beside it
                assertThat(s.state()).isIn(State.WORK, State.READY);
                assertThat(s.start()).isGreaterThanOrEqualTo(startup.end());
            });
        }
        assertThat(created).as("the pool is made in main(), before the tasks are submitted").isLessThanOrEqualTo(submitted);
        assertThat(run.result().startMethod()).isNotEmpty();
    }

    @Test
    void a_spawned_process_pool_has_the_same_shape() throws Exception {
        Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.PROCESSES, TwinWorkload.FIB),
                new TwinInputs.Fibs(List.of(18, 19, 20, 21)), 2).withStartMethod(TwinRequest.StartMethod.SPAWN));

        assertWellFormed(run);
        assertThat(run.result().startMethod()).isEqualTo("spawn");
        assertThat(run.results()).containsExactly("2584", "4181", "6765", "10946");
        assertThat(run.lanes()).hasSize(2).allMatch(l -> run.onLane(l.id()).getFirst().state() == State.STARTUP);
    }

    @Test
    void the_event_loop_has_its_lane_and_one_per_task_and_waits_for_the_pages_together() throws Exception {
        try (DemoSites sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(30))) {
            TwinInputs.Pages pages = TwinInputs.pages(6, sites.pages());
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.EVENTLOOP, TwinWorkload.DOWNLOAD), pages, 1)
                    .withVariant(TwinVariant.STDLIB));

            assertWellFormed(run);
            assertThat(run.lanes()).extracting(Lane::name)
                    .containsExactly("event loop", "task 1", "task 2", "task 3", "task 4", "task 5", "task 6");
            assertThat(run.lanes().getFirst().kind()).isEqualTo(LaneKind.LOOP);
            List<Segment> loop = run.onLane(0);
            assertThat(loop).anyMatch(s -> s.state() == State.WORK && s.task() >= 0);
            assertThat(loop).filteredOn(s -> s.state() == State.IO_WAIT)
                    .isNotEmpty().allMatch(s -> s.task() == Segment.NO_TASK && s.label().matches("waiting for I/O: \\d in flight"));
            for (int task = 0; task < 6; task++) {
                List<Segment> own = run.onLane(task + 1);
                assertThat(own.getFirst().state()).isEqualTo(State.QUEUED);
                Segment io = own.stream().filter(s -> s.state() == State.IO_WAIT).findFirst().orElseThrow();
                assertThat(io.label()).startsWith(pages.pages().get(task).toString()).endsWith(" bytes)");
            }
            long inFlight = SegmentChecks.maxOpenAtOnce(run.segments(), s -> s.state() == State.IO_WAIT && s.task() >= 0);
            assertThat(inFlight).as("the downloads overlap on one thread").isGreaterThan(1);
        }
    }

    @Test
    void pool_threads_wait_for_pages_in_red_and_parse_in_blue() throws Exception {
        try (DemoSites sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(20))) {
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.DOWNLOAD),
                    TwinInputs.pages(9, sites.pages()), 3).withVariant(TwinVariant.STDLIB));

            assertWellFormed(run);
            assertThat(run.lanes()).extracting(Lane::name).containsExactly("pool-1", "pool-2", "pool-3");
            List<Segment> io = run.segments().stream().filter(s -> s.state() == State.IO_WAIT).toList();
            assertThat(io).hasSize(9).allMatch(s -> s.label().matches("http://127\\.0\\.0\\.1:\\d+/(large|small) \\([\\d,]+ bytes\\)"));
            assertThat(run.segments()).filteredOn(s -> s.state() == State.WORK && s.label().startsWith("parse /")).hasSize(9);
            assertThat(SegmentChecks.maxOpenAtOnce(io, s -> true)).as("three threads wait at once").isGreaterThan(1);
        }
    }

    @Test
    void the_diagram_can_draw_the_twin_while_it_runs() throws Exception {
        PythonTwin twin = new PythonTwin(Pythons.require());
        TwinRequest request = TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU), TwinInputs.sums(10, 600_000), 3);
        RunControl control = new RunControl();
        try (PreparedTwin prepared = twin.prepare(request, null, control)) {
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            CompletableFuture<TwinResult> done = CompletableFuture.supplyAsync(() -> {
                try {
                    return prepared.run(recorder, control, new Outcomes(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean sawOpen = false;
            while (!done.isDone() && !sawOpen) {
                sawOpen = recorder.openNow().stream().anyMatch(s -> s.lane() >= 0 && s.task() >= 0
                        && (s.state() == State.WORK || s.state() == State.LOCK_WAIT));
                Thread.sleep(2);
            }
            assertThat(sawOpen).as("a CPU step drawn open while it ran").isTrue();
            assertThat(done.get(60, TimeUnit.SECONDS).failure()).isNull();
        }
    }
}
