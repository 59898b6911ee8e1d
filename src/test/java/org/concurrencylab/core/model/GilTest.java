package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The simulated GIL ("Python mode") on a pool of platform threads, driven through a
/// [RunContext] directly: one lane runs code at a time, the others wait for the lock (LOCK_WAIT),
/// I/O waits still overlap, and results stay exact. Asserted on the trace's structure: overlaps,
/// counts of hand-overs, exact sums.
@Timeout(60)
class GilTest {
    private static final int POOL = 4;
    private static final int NUMBERS = 8;
    private static final long BASE = 300_000;
    /// The lock is handed over between two recorder calls (the holder may record the end of its
    /// WORK just after letting go), so lanes may seem to overlap for a moment at a hand-over.
    private static final long HAND_OVER_TOLERANCE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

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

    private static RunContext context(List<TaskPlan> plans) {
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), new RunControl(), http,
                new Outcomes(plans.size()));
    }

    private static List<Segment> run(ConcurrencyModel model, RunContext context) throws InterruptedException {
        model.run(context);
        assertThat(context.recorder().openNow()).isEmpty();
        assertThat(context.outcomes().done()).isEqualTo(context.plans().size());
        assertThat(context.outcomes().errors()).isZero();
        List<Segment> segments = context.recorder().finished();
        SegmentChecks.assertNoOverlapWithinLanes(segments);
        return segments;
    }

    private static List<TaskPlan> sums(int count, long base) {
        return new SumOfSquares(count, base).plan(List.of());
    }

    /// How long segments of `state` on two different lanes run at the same time, one entry per
    /// overlapping pair.
    private static List<Long> crossLaneOverlaps(List<Segment> segments, State state) {
        List<Segment> sorted = segments.stream()
                .filter(s -> s.state() == state && s.lane() != Segment.NO_LANE && s.duration() > 0)
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

    /// Times a lane went from waiting for the GIL straight to running code.
    private static int lockWaitToWork(List<Segment> segments) {
        int count = 0;
        for (List<Segment> lane : SegmentChecks.byLane(segments).values()) {
            for (int i = 1; i < lane.size(); i++) {
                Segment before = lane.get(i - 1);
                Segment after = lane.get(i);
                if (before.state() == State.LOCK_WAIT && after.state() == State.WORK && before.end() == after.start()) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long handedOver(List<Segment> segments) {
        return segments.stream().filter(s -> s.state() == State.LOCK_WAIT && s.label().startsWith("GIL handed over")).count();
    }

    private static void assertSumsAreExact(RunContext context, long base) {
        assertThat(context.outcomes().list()).hasSize(context.plans().size()).allSatisfy(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.result()).isEqualTo(SumOfSquares.expected(base + o.task()).toString());
        });
    }

    @Test
    void under_the_gil_every_lane_waits_for_the_lock_and_the_sums_stay_exact() throws Exception {
        RunContext context = context(sums(NUMBERS, BASE));

        List<Segment> segments = run(new ThreadPoolModel(POOL, new Gil(5)), context);

        assertThat(context.recorder().lanes()).hasSize(POOL);
        Map<Integer, List<Segment>> lanes = SegmentChecks.byLane(segments);
        assertThat(lanes).hasSize(POOL);
        lanes.forEach((lane, list) -> assertThat(list).as("lane %d", lane)
                .anyMatch(s -> s.state() == State.LOCK_WAIT)
                .anyMatch(s -> s.state() == State.WORK));
        assertThat(segments).filteredOn(s -> s.state() == State.IO_WAIT).isEmpty();
        assertSumsAreExact(context, BASE);
    }

    @Test
    void a_hand_over_at_a_checkpoint_ends_the_holders_work_before_the_next_lane_starts_working() throws Exception {
        RunContext context = context(sums(NUMBERS, BASE));

        List<Segment> segments = run(new ThreadPoolModel(POOL, new Gil(1)), context);

        List<Segment> work = segments.stream().filter(s -> s.state() == State.WORK && s.lane() >= 0).toList();
        List<Segment> endedByHandOver = new ArrayList<>();
        for (List<Segment> lane : SegmentChecks.byLane(segments).values()) {
            for (int i = 0; i + 1 < lane.size(); i++) {
                Segment next = lane.get(i + 1);
                if (lane.get(i).state() == State.WORK && next.state() == State.LOCK_WAIT
                        && next.label().startsWith("GIL handed over")) {
                    endedByHandOver.add(lane.get(i));
                }
            }
        }
        assertThat(endedByHandOver).as("WORK segments ended by a hand-over").hasSizeGreaterThanOrEqualTo(POOL);
        for (Segment holder : endedByHandOver) {
            assertThat(work).as("WORK of other lanes starting while lane %d holds the GIL", holder.lane())
                    .filteredOn(s -> s.lane() != holder.lane() && s.start() > holder.start() && s.start() < holder.end())
                    .isEmpty();
        }
    }
    @Test
    void under_the_gil_no_two_lanes_run_code_at_once() throws Exception {
        RunContext context = context(sums(NUMBERS, BASE));

        List<Segment> segments = run(new ThreadPoolModel(POOL, new Gil(5)), context);

        assertThat(crossLaneOverlaps(segments, State.WORK)).as("WORK overlaps across lanes, ns")
                .allSatisfy(ns -> assertThat(ns).isLessThanOrEqualTo(HAND_OVER_TOLERANCE_NANOS));
    }

    @Test
    void four_lanes_under_the_gil_spend_more_time_waiting_for_it_than_running() throws Exception {
        RunContext context = context(sums(NUMBERS, BASE));

        List<Segment> segments = run(new ThreadPoolModel(POOL, new Gil(5)), context);

        long work = segments.stream().filter(s -> s.state() == State.WORK).mapToLong(Segment::duration).sum();
        long lockWait = segments.stream().filter(s -> s.state() == State.LOCK_WAIT).mapToLong(Segment::duration).sum();
        assertThat(lockWait).as("LOCK_WAIT ns against WORK ns %d", work).isGreaterThan(work);
    }

    @Test
    void a_long_switch_interval_hands_the_gil_over_far_less_often_than_a_short_one() throws Exception {
        long base = 2 * BASE;
        RunContext shortSwitch = context(sums(NUMBERS, base));
        RunContext longSwitch = context(sums(NUMBERS, base));

        List<Segment> often = run(new ThreadPoolModel(POOL, new Gil(1)), shortSwitch);
        List<Segment> rarely = run(new ThreadPoolModel(POOL, new Gil(1000)), longSwitch);

        int oftenCount = lockWaitToWork(often);
        int rarelyCount = lockWaitToWork(rarely);
        // with 1000 ms, a task is never interrupted: the GIL changes hands once per task
        assertThat(rarelyCount).as("LOCK_WAIT → WORK with a 1000 ms switch").isEqualTo(NUMBERS);
        assertThat(handedOver(rarely)).isZero();
        assertThat(oftenCount).as("LOCK_WAIT → WORK with a 1 ms switch").isGreaterThan(3 * rarelyCount);
        assertThat(handedOver(often)).isPositive();
        assertSumsAreExact(shortSwitch, base);
        assertSumsAreExact(longSwitch, base);
    }

    @Test
    void downloads_under_the_gil_still_wait_for_io_on_every_lane_at_once() throws Exception {
        int downloads = 16;
        RunContext context = context(DownloadSites.demo(downloads).plan(sites.pages()));

        List<Segment> segments = run(new ThreadPoolModel(POOL, new Gil(5)), context);

        assertThat(SegmentChecks.maxOpenAtOnce(segments, s -> s.state() == State.IO_WAIT && s.lane() >= 0))
                .as("I/O waits open at once").isEqualTo(POOL);
        assertThat(segments).filteredOn(s -> s.state() == State.IO_WAIT && s.lane() >= 0).hasSize(downloads);
        assertThat(segments).as("parsing takes the GIL first").filteredOn(s -> s.state() == State.LOCK_WAIT)
                .hasSizeGreaterThanOrEqualTo(downloads);
        assertThat(context.outcomes().list()).allSatisfy(o -> assertThat(o.result()).contains("links"));
    }

    @Test
    void without_a_gil_pool_threads_run_code_on_several_lanes_at_once() throws Exception {
        RunContext context = context(sums(POOL, 2_000_000));

        List<Segment> segments = run(new ThreadPoolModel(POOL), context);

        assertThat(crossLaneOverlaps(segments, State.WORK)).as("WORK overlaps across lanes")
                .anyMatch(ns -> ns > HAND_OVER_TOLERANCE_NANOS);
        assertThat(SegmentChecks.maxOpenAtOnce(segments, s -> s.state() == State.WORK)).isGreaterThanOrEqualTo(2);
        assertThat(segments).filteredOn(s -> s.state() == State.LOCK_WAIT).isEmpty();
        assertThat(context.outcomes().list()).allSatisfy(o ->
                assertThat(o.result()).isEqualTo(SumOfSquares.expected(2_000_000L + o.task()).toString()));
    }

    @Test
    void the_holder_must_hand_over_only_once_the_interval_is_up_and_another_thread_waits() throws Exception {
        Gil gil = new Gil(1000);
        long now = System.nanoTime();
        long longAgo = now - TimeUnit.SECONDS.toNanos(2);
        gil.acquire();
        CountDownLatch got = new CountDownLatch(1);

        assertThat(gil.mustHandOver(now)).as("nobody waits, interval not up").isFalse();
        assertThat(gil.mustHandOver(longAgo)).as("interval up, nobody waits").isFalse();
        Thread waiter = Thread.ofPlatform().daemon(true).start(() -> {
            gil.acquire();
            got.countDown();
            gil.release();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!gil.mustHandOver(longAgo) && System.nanoTime() < deadline) Thread.sleep(1);

        assertThat(gil.mustHandOver(longAgo)).as("interval up, one waits").isTrue();
        assertThat(gil.mustHandOver(System.nanoTime())).as("one waits, interval not up").isFalse();
        assertThat(got.getCount()).as("the waiter does not run while the lock is held").isEqualTo(1);
        gil.release();
        assertThat(got.await(5, TimeUnit.SECONDS)).as("the waiter got the lock once it was let go").isTrue();
        waiter.join(5_000);
    }

    @Test
    void a_switch_interval_below_one_ms_is_refused() {
        assertThatThrownBy(() -> new Gil(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ms");
    }

    @Test
    void a_thread_stopped_while_waiting_in_acquire_gets_a_cancelled_exception() throws Exception {
        Gil gil = new Gil(5);
        gil.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                gil.acquire();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        while (waiter.getState() != Thread.State.WAITING) Thread.sleep(1);

        waiter.interrupt();
        waiter.join(5_000);
        gil.release();

        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
    }
    @Test
    void a_task_stopped_while_waiting_to_get_the_gil_back_fails_cleanly() throws Exception {
        Gil gil = new Gil(1);
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        LaneTrack lane = recorder.track(recorder.addLane("pool-1", LaneKind.THREAD));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> fromCheck = new AtomicReference<>();
        AtomicReference<Throwable> fromFail = new AtomicReference<>();

        Thread task = Thread.ofPlatform().daemon(true).start(() -> {
            TaskContext context = new TaskContext(lane, 0, new RunControl(), gil, null);
            context.work("sum");
            held.countDown(); // the task holds the GIL before the other thread asks for it
            try {
                other.await();
                Thread.sleep(5);
                while (true) context.check(); // hands over to the other thread, then waits to get it back
            } catch (Throwable t) {
                fromCheck.set(t);
            }
            try {
                context.fail("cancelled");
            } catch (Throwable t) {
                fromFail.set(t);
            }
        });
        Thread holder = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                held.await();
            } catch (InterruptedException e) {
                return;
            }
            other.countDown();
            gil.acquire();
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // end of test
            } finally {
                gil.release();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.openNow().stream().noneMatch(s -> s.label().startsWith("GIL handed over"))
                || task.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("task waits for the GIL").isLessThan(deadline);
            Thread.sleep(1);
        }

        task.interrupt();
        task.join(5_000);
        release.countDown();
        holder.join(5_000);

        assertThat(fromCheck.get()).isInstanceOf(CancelledException.class);
        assertThat(fromFail.get()).as("fail() after a stopped hand-over").isNull();
        assertThat(recorder.finished()).filteredOn(Segment::failed).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(State.LOCK_WAIT));
    }
}
