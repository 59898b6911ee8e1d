package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// How the harness's events become lanes and segments, without Python: names as the Java's,
/// states drawn while open and closed at their exact times, clock offsets applied, and no
/// overlap on a lane whatever the order.
class TwinLanesTest {
    /// Harness time `t` is run time `t - 1000`.
    private static final long OFFSET = 1_000;

    private static TwinTrace trace(TraceRecorder recorder, ModelKind model) {
        RunClock clock = recorder.clock();
        long origin = clock.fromNanoTime(0);
        return new TwinTrace(recorder, model, t -> clock.fromNanoTime(t - OFFSET) - origin, task -> "task #" + (task + 1));
    }

    private static List<Segment> sorted(TraceRecorder recorder) {
        return recorder.finished().stream().sorted(Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane)).toList();
    }

    @Test
    void a_step_split_into_pieces_is_drawn_live_and_closed_at_its_exact_edges() {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        TwinTrace trace = trace(recorder, ModelKind.THREADS);

        trace.began(new HarnessEvent.Began("thread:501", 0, State.WORK, "n = 5", 1_010));
        assertThat(recorder.openNow()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(State.WORK);
            assertThat(s.start()).isEqualTo(10);
        });
        trace.ended(new HarnessEvent.Ended("thread:501", 0, State.WORK, 1_010, 1_020, "n = 5", null));
        trace.began(new HarnessEvent.Began("thread:501", 0, State.LOCK_WAIT, "waiting for the GIL", 1_020));
        trace.ended(new HarnessEvent.Ended("thread:501", 0, State.LOCK_WAIT, 1_020, 1_035, "waiting for the GIL", null));
        trace.began(new HarnessEvent.Began("thread:501", 0, State.WORK, "n = 5", 1_035));
        trace.ended(new HarnessEvent.Ended("thread:501", 0, State.WORK, 1_035, 1_050, "n = 5", null));

        assertThat(recorder.openNow()).isEmpty();
        assertThat(sorted(recorder)).containsExactly(
                Segment.closed(0, 0, State.WORK, 10, 20, "n = 5"),
                Segment.closed(0, 0, State.LOCK_WAIT, 20, 35, "waiting for the GIL"),
                Segment.closed(0, 0, State.WORK, 35, 50, "n = 5"));
    }

    @Test
    void lanes_are_named_as_the_java_models_name_theirs_in_the_order_they_appear() {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        TwinTrace threads = trace(recorder, ModelKind.THREADS);
        threads.ended(new HarnessEvent.Ended("thread:900", 0, State.WORK, 1_000, 1_001, "", null));
        threads.ended(new HarnessEvent.Ended("thread:300", 1, State.WORK, 1_000, 1_001, "", null));
        threads.ended(new HarnessEvent.Ended("thread:900", 2, State.WORK, 1_001, 1_002, "", null));
        assertThat(recorder.lanes()).containsExactly(new Lane(0, "pool-1", LaneKind.THREAD), new Lane(1, "pool-2", LaneKind.THREAD));

        TraceRecorder pool = TraceRecorder.create(RunClock.startingNow());
        trace(pool, ModelKind.PROCESSES).ended(new HarnessEvent.Ended("process:4242", -1, State.STARTUP, 1_000, 1_009, "", null));
        assertThat(pool.lanes()).containsExactly(new Lane(0, "process 1 (pid 4242)", LaneKind.PROCESS));

        TraceRecorder loop = TraceRecorder.create(RunClock.startingNow());
        trace(loop, ModelKind.EVENTLOOP).openLanes(2);
        assertThat(loop.lanes()).containsExactly(new Lane(0, "event loop", LaneKind.LOOP),
                new Lane(1, "task 1", LaneKind.TASK), new Lane(2, "task 2", LaneKind.TASK));

        TraceRecorder sync = TraceRecorder.create(RunClock.startingNow());
        trace(sync, ModelKind.SYNC).openLanes(5);
        assertThat(sync.lanes()).containsExactly(new Lane(0, "main", LaneKind.THREAD));

        assertThat(TwinTrace.validKey("thread:12")).isTrue();
        assertThat(TwinTrace.validKey("loop")).isTrue();
        assertThat(TwinTrace.validKey("thread:")).isFalse();
        assertThat(TwinTrace.validKey("fiber:1")).isFalse();
    }

    @Test
    void a_queued_segment_has_no_lane_and_the_task_s_name() {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        trace(recorder, ModelKind.THREADS).ended(new HarnessEvent.Ended(null, 4, State.QUEUED, 1_000, 1_400, "", null));

        assertThat(recorder.lanes()).isEmpty();
        assertThat(recorder.finished()).containsExactly(Segment.closed(Segment.NO_LANE, 4, State.QUEUED, 0, 400, "task #5"));
    }

    @Test
    void states_that_disagree_never_overlap_on_a_lane() {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        TwinTrace trace = trace(recorder, ModelKind.SYNC);
        trace.began(new HarnessEvent.Began("main", 0, State.IO_WAIT, "http://x/", 1_100));
        // an ended of another state closes the open one where that one ends
        trace.ended(new HarnessEvent.Ended("main", 0, State.WORK, 1_150, 1_180, "parse /", null));
        // one that claims to start before the lane's last end starts at that end
        trace.ended(new HarnessEvent.Ended("main", 1, State.WORK, 1_170, 1_200, "n = 1", null));
        trace.began(new HarnessEvent.Began("main", 2, State.WORK, "n = 2", 1_190));
        trace.closeAll(400, "stopped");

        List<Segment> segments = sorted(recorder);
        SegmentChecks.assertNoOverlapWithinLanes(segments);
        assertThat(segments).extracting(Segment::start, Segment::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(100L, 150L), org.assertj.core.groups.Tuple.tuple(150L, 180L),
                org.assertj.core.groups.Tuple.tuple(180L, 200L), org.assertj.core.groups.Tuple.tuple(200L, 400L));
        assertThat(segments.getLast().error()).isEqualTo("stopped");
    }
}
