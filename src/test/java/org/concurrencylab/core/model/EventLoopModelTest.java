package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.MixedWork;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The event loop driven through a [RunContext] against the embedded demo sites. What is
/// asserted is the structure of the trace (who runs where, what overlaps, what waits for what),
/// never a speed.
@Timeout(60)
class EventLoopModelTest {
    private static final int LATENCY_MS = 60;

    private static DemoSites sites;
    private static AsyncHttp http;

    @BeforeAll
    static void start() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(LATENCY_MS));
        http = AsyncHttp.createDefault();
        // loads the client's classes and opens the connections the runs below use
        run(200, new DownloadSites(400, withLatency(0)).plan(List.of()));
    }

    @AfterAll
    static void stop() {
        if (http != null) http.close();
        if (sites != null) sites.close();
    }

    /// What a run left behind.
    private record Run(RunContext context, List<Segment> segments) {
        List<Lane> lanes() {
            return context.recorder().lanes();
        }

        List<TaskOutcome> outcomes() {
            return context.outcomes().list();
        }

        List<Segment> onLoop() {
            return segments.stream().filter(s -> s.lane() == 0).sorted(Comparator.comparingLong(Segment::start)).toList();
        }

        List<Segment> onTasks(State state) {
            return segments.stream().filter(s -> s.lane() > 0 && s.state() == state).toList();
        }

        Map<Integer, List<Segment>> byTask(Predicate<Segment> which) {
            return segments.stream().filter(which).collect(Collectors.groupingBy(Segment::task));
        }
    }

    private static RunContext context(List<TaskPlan> plans) {
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), new RunControl(), null, new Outcomes(plans.size()));
    }

    private static Run run(int maxConnections, List<TaskPlan> plans) throws InterruptedException {
        RunContext context = context(plans);
        new EventLoopModel(maxConnections, http).run(context);
        return finished(context);
    }

    private static Run finished(RunContext context) {
        assertThat(context.recorder().openNow()).as("spans left open").isEmpty();
        List<Segment> segments = context.recorder().finished();
        SegmentChecks.assertNoOverlapWithinLanes(segments);
        // each CPU step whole, however long the loop waited for a core within it
        return new Run(context, SegmentChecks.cpuSteps(segments));
    }

    private static List<TaskPlan> downloads(int requests) {
        return DownloadSites.demo(requests).plan(sites.pages());
    }

    /// The demo pages with a latency of their own.
    private static List<URI> withLatency(int millis) {
        return sites.pages().stream().map(page -> URI.create(page + "?latency=" + millis)).toList();
    }

    /// Downloads that take long enough that every request is sent before the first answer.
    private static List<TaskPlan> slowDownloads(int requests) {
        return new DownloadSites(requests, withLatency(300)).plan(List.of());
    }

    private static List<TaskPlan> fetches(List<URI> urls) {
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) plans.add(new TaskPlan(i, "GET #" + i, List.of(new Step.Fetch(urls.get(i)))));
        return plans;
    }

    private static void assertEveryTaskSucceeded(Run run, int tasks) {
        assertThat(run.context().outcomes().done()).isEqualTo(tasks);
        assertThat(run.context().outcomes().errors()).isZero();
        assertThat(run.segments()).noneMatch(Segment::failed);
    }

    @Test
    void one_loop_lane_runs_every_tasks_code_and_each_task_has_a_lane_for_its_waits() throws Exception {
        Run run = run(100, downloads(40));

        assertEveryTaskSucceeded(run, 40);
        assertThat(run.lanes()).hasSize(41);
        assertThat(run.lanes().getFirst()).isEqualTo(new Lane(0, "event loop", LaneKind.LOOP));
        assertThat(run.lanes().subList(1, 41)).allMatch(l -> l.kind() == LaneKind.TASK);
        assertThat(run.lanes().get(1).name()).isEqualTo("task 1");
        // all code ran on the loop: every WORK is there (each task's send, then its parse), never two at once
        List<Segment> work = run.segments().stream().filter(s -> s.state() == State.WORK).toList();
        assertThat(work).allMatch(s -> s.lane() == 0).hasSize(80).allMatch(s -> s.task() >= 0);
        assertThat(SegmentChecks.maxOpenAtOnce(run.onLoop(), s -> true)).isEqualTo(1);
        // each task's request, on its own lane, is sent by the loop and ends before its parse on the loop begins
        Map<Integer, List<Segment>> io = run.byTask(s -> s.state() == State.IO_WAIT && s.lane() > 0);
        Map<Integer, List<Segment>> code = run.byTask(s -> s.state() == State.WORK);
        for (int task = 0; task < 40; task++) {
            Segment request = io.get(task).getFirst();
            assertThat(io.get(task)).hasSize(1);
            assertThat(request.lane()).isEqualTo(task + 1);
            assertThat(request.label()).contains("bytes");
            List<Segment> steps = code.get(task);
            assertThat(steps).hasSize(2);
            assertThat(steps.getFirst().label()).startsWith("send http://");
            assertThat(steps.getLast().label()).startsWith("parse ");
            assertThat(steps.getFirst().start()).isLessThanOrEqualTo(request.start());
            assertThat(request.end()).isLessThanOrEqualTo(steps.getLast().start());
        }
        // while requests were in flight and nothing was ready, the loop waited
        assertThat(run.onLoop()).anyMatch(s -> s.state() == State.IO_WAIT && s.task() == Segment.NO_TASK);
        assertThat(run.outcomes()).allSatisfy(o -> assertThat(o.result()).contains("bytes").contains("links"));
    }

    @Test
    void with_room_for_every_request_all_160_are_in_flight_at_one_instant() throws Exception {
        Run run = run(200, slowDownloads(160));

        assertEveryTaskSucceeded(run, 160);
        assertThat(run.onTasks(State.IO_WAIT)).hasSize(160);
        assertThat(SegmentChecks.maxOpenAtOnce(run.onTasks(State.IO_WAIT), s -> true)).isEqualTo(160);
        assertThat(run.segments()).noneMatch(s -> s.label().startsWith("waiting for a free connection"));
    }

    @Test
    void at_100_connections_no_more_than_100_requests_are_in_flight_and_the_others_queue_for_one() throws Exception {
        Run run = run(100, slowDownloads(160));

        assertEveryTaskSucceeded(run, 160);
        assertThat(SegmentChecks.maxOpenAtOnce(run.onTasks(State.IO_WAIT), s -> true)).isEqualTo(100);
        Map<Integer, List<Segment>> queued = run.byTask(s -> s.state() == State.QUEUED
                && s.label().startsWith("waiting for a free connection"));
        // the first 100 take every connection before any response can come back
        assertThat(queued.keySet()).hasSize(60).allMatch(task -> task >= 100);
        Map<Integer, List<Segment>> io = run.byTask(s -> s.state() == State.IO_WAIT && s.lane() > 0);
        queued.forEach((task, list) -> {
            assertThat(list).hasSize(1).allMatch(s -> s.lane() == task + 1);
            assertThat(list.getFirst().end()).isLessThanOrEqualTo(io.get(task).getFirst().start());
        });
    }

    @Test
    void a_long_parse_holds_the_loop_so_responses_that_arrive_wait_until_it_is_done() throws Exception {
        int tasks = 10;
        int cpuMs = 15;
        // the answers come 5 ms apart, while each heavy parse takes 15 ms
        List<URI> staggered = new ArrayList<>();
        for (int i = 0; i < tasks; i++) staggered.add(URI.create(sites.pages().getLast() + "?latency=" + (40 + 5 * i)));
        Run run = run(100, new MixedWork(tasks, staggered, cpuMs).plan(List.of()));

        assertEveryTaskSucceeded(run, tasks);
        List<Segment> work = run.onLoop().stream().filter(s -> s.state() == State.WORK && s.label().startsWith("heavy parse")).toList();
        assertThat(work).hasSize(tasks);
        // responses arrive while the loop runs another task's heavy parse...
        long arrivedWhileBusy = run.onTasks(State.IO_WAIT).stream()
                .filter(io -> work.stream().anyMatch(w -> w.task() != io.task() && w.start() < io.end() && io.end() < w.end()))
                .count();
        assertThat(arrivedWhileBusy).isGreaterThanOrEqualTo(tasks / 2);
        // ...and those tasks are ready but wait (QUEUED) while the loop is busy elsewhere
        List<Segment> ready = run.onTasks(State.QUEUED).stream().filter(s -> s.label().startsWith("ready")).toList();
        assertThat(ready).hasSize(tasks);
        long readyNanos = ready.stream().mapToLong(Segment::duration).sum();
        long readyWhileOthersWork = 0;
        for (Segment r : ready) {
            for (Segment w : work) {
                if (w.task() != r.task()) readyWhileOthersWork += Math.max(0, Math.min(r.end(), w.end()) - Math.max(r.start(), w.start()));
            }
        }
        assertThat((double) readyWhileOthersWork).isGreaterThan(0.9 * readyNanos);
        // the last one waited for many of the others' parses: starvation, not latency
        assertThat(ready.stream().mapToLong(Segment::duration).max().orElseThrow())
                .isGreaterThan(TimeUnit.MILLISECONDS.toNanos((long) cpuMs * tasks / 3));
        // the heavy parses ran back to back (after the first, which ran as its response came):
        // the loop never waited for I/O between them, as every response was already there
        for (int i = 2; i < work.size(); i++) {
            long gap = work.get(i).start() - work.get(i - 1).end();
            assertThat(gap).as("gap before parse %d", i).isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertThat(run.onLoop()).filteredOn(s -> s.start() >= work.get(1).start())
                .noneMatch(s -> s.state() == State.IO_WAIT);
    }

    @Test
    void failing_requests_fail_their_tasks_with_a_readable_reason_and_the_run_finishes() throws Exception {
        List<URI> urls = List.of(sites.baseUri().resolve("/status/500"), URI.create("http://127.0.0.1:1/"),
                sites.pages().getLast(), sites.baseUri().resolve("/status/500"), URI.create("http://127.0.0.1:1/"));

        Run run = run(100, fetches(urls));

        assertThat(run.outcomes()).hasSize(5);
        assertThat(run.outcomes()).extracting(TaskOutcome::ok).containsExactly(false, false, true, false, false);
        assertThat(run.outcomes()).extracting(TaskOutcome::error).containsExactly(
                "HTTP 500 Internal Server Error", "connection refused: 127.0.0.1:1", null,
                "HTTP 500 Internal Server Error", "connection refused: 127.0.0.1:1");
        List<Segment> failed = run.segments().stream().filter(Segment::failed).toList();
        assertThat(failed).hasSize(4).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(State.IO_WAIT);
            assertThat(s.lane()).isEqualTo(s.task() + 1);
        });
        assertThat(failed).extracting(Segment::error).containsOnly("HTTP 500 Internal Server Error", "connection refused: 127.0.0.1:1");
        // no parse ran: the only code on the loop was sending the five requests
        assertThat(run.segments()).filteredOn(s -> s.state() == State.WORK).hasSize(5)
                .allSatisfy(s -> assertThat(s.label()).startsWith("send "));
    }

    @Test
    void parsing_without_a_page_fails_that_task_on_the_loop_and_the_others_go_on() throws Exception {
        List<TaskPlan> plans = List.of(
                new TaskPlan(0, "parse nothing", List.of(new Step.Parse(1))),
                new TaskPlan(1, "sum", List.of(new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, 1000))));

        Run run = run(100, plans);

        assertThat(run.outcomes()).extracting(TaskOutcome::ok).containsExactly(false, true);
        assertThat(run.outcomes().getFirst().error()).contains("nothing to parse");
        assertThat(run.outcomes().getLast().result()).isEqualTo(SumOfSquares.expected(1000).toString());
        assertThat(run.segments()).filteredOn(Segment::failed).singleElement()
                .satisfies(s -> assertThat(s.lane()).isZero())
                .satisfies(s -> assertThat(s.task()).isZero());
    }

    @Test
    void the_unsafe_counter_loses_no_update_because_one_thread_runs_every_increment() throws Exception {
        RaceCondition race = new RaceCondition(500, 1_000, Step.CounterMode.UNSAFE);
        RunContext context = context(race.plan(List.of()));

        new EventLoopModel(100, http).run(context);

        Run run = finished(context);
        assertThat(context.counter().value(Step.CounterMode.UNSAFE)).isEqualTo(race.expected());
        assertThat(run.context().outcomes().done()).isEqualTo(500);
        assertThat(SegmentChecks.maxOpenAtOnce(run.segments(), s -> s.state() == State.WORK)).isEqualTo(1);
    }

    @Test
    void sleeps_are_timers_so_they_all_wait_at_once() throws Exception {
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < 30; i++) plans.add(new TaskPlan(i, "sleep #" + i, List.of(new Step.Sleep(100), new Step.Sleep(20))));

        Run run = run(100, plans);

        assertEveryTaskSucceeded(run, 30);
        assertThat(run.onTasks(State.IO_WAIT)).hasSize(60).allMatch(s -> s.label().startsWith("sleep "));
        assertThat(SegmentChecks.maxOpenAtOnce(run.onTasks(State.IO_WAIT), s -> true)).isEqualTo(30);
    }

    private static List<String> liveLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter("event-loop"::equals).toList();
    }

    /// Runs `context` on a new thread, cancels it once `ready` holds, and returns how long
    /// `run` took to return after the cancel.
    private static long cancelWhen(RunContext context, Predicate<RunContext> ready) throws Exception {
        CompletableFuture<Throwable> returned = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                new EventLoopModel(100, http).run(context);
                returned.complete(null);
            } catch (Throwable t) {
                returned.complete(t);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ready.test(context) && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(ready.test(context)).as("the run got going").isTrue();
        assertThat(returned).isNotDone();

        long cancelledAt = System.nanoTime();
        context.control().cancel();
        assertThat(returned.get(5, TimeUnit.SECONDS)).isNull();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
        runner.join(1_000);
        return tookMs;
    }

    @Test
    void cancelling_stops_the_requests_in_flight_and_ends_the_loop_thread() throws Exception {
        URI slow = sites.baseUri().resolve("/small?latency=5000");
        RunContext context = context(fetches(Collections.nCopies(50, slow)));

        long tookMs = cancelWhen(context, c -> c.recorder().openNow().stream()
                .filter(s -> s.state() == State.IO_WAIT && s.lane() > 0).count() == 50);

        assertThat(tookMs).as("ms from cancel to return").isLessThan(1_000);
        assertThat(liveLoopThreads()).isEmpty();
        Run run = finished(context);
        assertThat(run.outcomes()).isEmpty();
        assertThat(run.onTasks(State.IO_WAIT)).hasSize(50).allMatch(s -> "cancelled".equals(s.error()));
    }

    @Test
    void cancelling_during_a_long_computation_on_the_loop_returns_at_once() throws Exception {
        RunContext context = context(new SumOfSquares(4, 50_000_000L).plan(List.of()));

        long tookMs = cancelWhen(context, c -> c.recorder().openNow().stream().anyMatch(s -> s.state() == State.WORK));

        assertThat(tookMs).as("ms from cancel to return").isLessThan(1_000);
        assertThat(liveLoopThreads()).isEmpty();
        Run run = finished(context);
        assertThat(run.outcomes()).isEmpty();
        assertThat(run.onLoop()).filteredOn(s -> s.state() == State.WORK).singleElement()
                .satisfies(s -> assertThat(s.error()).isEqualTo("cancelled"));
    }

    private static void assertInterruptingTheCallerEndsTheRun(List<TaskPlan> plans) throws Exception {
        RunContext context = context(plans);
        CompletableFuture<Throwable> returned = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                new EventLoopModel(100, http).run(context);
                returned.complete(null);
            } catch (Throwable t) {
                returned.complete(t);
            }
        });
        Thread.sleep(150);
        assertThat(returned).isNotDone();

        runner.interrupt();

        assertThat(returned.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(liveLoopThreads()).isEmpty();
        assertThat(context.recorder().openNow()).isEmpty();
    }

    @Test
    void an_interrupted_caller_gets_an_interrupted_exception_and_the_loop_ends_while_it_waits_for_io() throws Exception {
        assertInterruptingTheCallerEndsTheRun(fetches(Collections.nCopies(5, sites.baseUri().resolve("/small?latency=5000"))));
    }

    @Test
    void an_interrupted_caller_gets_an_interrupted_exception_and_the_loop_ends_while_it_computes() throws Exception {
        assertInterruptingTheCallerEndsTheRun(new SumOfSquares(4, 50_000_000L).plan(List.of()));
    }

    /// Names of the threads running a CPU step right now.
    private static Set<String> threadsRunningSteps() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(CpuSteps.class.getName())) {
                    names.add(thread.getName());
                    break;
                }
            }
        });
        return names;
    }

    @Test
    void every_step_of_every_task_runs_on_the_event_loop_thread() throws Exception {
        Set<String> seen = new HashSet<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                Set<String> now = threadsRunningSteps();
                synchronized (seen) {
                    seen.addAll(now);
                }
                Thread.yield();
            }
        });
        try {
            Run run = run(100, new MixedWork(12, List.of(), 10).plan(sites.pages()));
            assertEveryTaskSucceeded(run, 12);
        } finally {
            running.set(false);
            sampler.join();
        }

        synchronized (seen) {
            assertThat(seen).containsExactly("event-loop");
        }
    }

    /// Platform threads, but for the virtual-thread scheduler's (`ForkJoinPool-1-worker-2`,
    /// `ForkJoinPool-1-delayScheduler`): the demo sites serve each request on a virtual thread,
    /// and the scheduler's carriers come and go with the server's load.
    private static Set<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().matches("ForkJoinPool-\\d+-.*"))
                .collect(Collectors.toSet());
    }

    @Test
    void a_run_adds_at_most_four_platform_threads_and_ends_its_loop_thread() throws Exception {
        Set<Thread> before = platformThreads();
        Set<String> everAdded = new HashSet<>();
        int[] mostAtOnce = new int[1];
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                Set<Thread> added = platformThreads();
                added.removeAll(before);
                synchronized (everAdded) {
                    added.forEach(t -> everAdded.add(t.getName()));
                    mostAtOnce[0] = Math.max(mostAtOnce[0], added.size());
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        Run run;
        try {
            run = run(1_000, downloads(400));
        } finally {
            running.set(false);
            sampler.join();
        }

        assertEveryTaskSucceeded(run, 400);
        synchronized (everAdded) {
            assertThat(everAdded).as("platform threads that appeared during the run").contains("event-loop");
            assertThat(mostAtOnce[0]).as("platform threads added at once, of %s", everAdded).isLessThanOrEqualTo(4);
        }
        assertThat(liveLoopThreads()).isEmpty();
    }

    @Test
    void the_model_is_the_event_loop_with_one_worker() {
        EventLoopModel model = new EventLoopModel(EventLoopModel.DEFAULT_MAX_CONNECTIONS, http);

        assertThat(model.kind()).isEqualTo(ModelKind.EVENTLOOP);
        assertThat(model.workers()).isEqualTo(1);
        assertThatThrownBy(() -> new EventLoopModel(0, http)).isInstanceOf(IllegalArgumentException.class);
    }
}
