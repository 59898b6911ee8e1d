package org.concurrencylab.core.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/// A lane's little state machine: waits measured after the fact are cut out of the running state
/// end to end, never reaching before it began nor past the reading that found them.
class LaneTrackTest {
    private final RunClock clock = RunClock.startingNow();
    private final TraceRecorder recorder = TraceRecorder.create(clock);
    private final LaneTrack lane = recorder.track(recorder.addLane("worker", LaneKind.THREAD));

    @Test
    void pieces_cut_out_of_work_are_end_to_end_and_the_work_goes_on_after_them() {
        lane.enter(State.WORK, 3, "sum of squares");
        atLeast(3_000_000);
        long now = System.nanoTime();

        lane.cut(now - 500_000, true, new LaneTrack.Piece(State.PAUSED, "pause", 300_000),
                new LaneTrack.Piece(State.READY, "ready", 200_000));
        lane.idle();

        List<Segment> segments = recorder.finished();
        assertThat(segments).extracting(Segment::state)
                .containsExactly(State.WORK, State.PAUSED, State.READY, State.WORK);
        assertThat(segments).allMatch(s -> s.task() == 3);
        for (int i = 1; i < segments.size(); i++) assertThat(segments.get(i).start()).isEqualTo(segments.get(i - 1).end());
        assertThat(segments.get(1).duration()).isEqualTo(300_000);
        assertThat(segments.get(2).duration()).isEqualTo(200_000);
        assertThat(segments.get(2).end()).isEqualTo(clock.fromNanoTime(now));
        assertThat(segments.get(3).label()).isEqualTo("sum of squares");
    }

    @Test
    void without_resume_the_last_piece_stays_current_until_the_next_state() {
        lane.enter(State.WORK, 1, "parse");
        atLeast(2_000_000);
        long now = System.nanoTime();

        lane.cut(now - 400_000, false, new LaneTrack.Piece(State.PAUSED, "pause", 0),
                new LaneTrack.Piece(State.READY, "ready", 400_000));

        assertThat(lane.state()).isEqualTo(State.READY);
        lane.enter(State.IO_WAIT, 1, "GET /next");
        lane.idle();
        assertThat(recorder.finished()).extracting(Segment::state)
                .as("a piece of no length is left out").containsExactly(State.WORK, State.READY, State.IO_WAIT);
    }

    @Test
    void pieces_that_would_reach_before_the_state_began_lose_their_front_and_still_end_at_the_reading() {
        atLeast(2_000_000);
        lane.enter(State.WORK, 0, "work");
        long began = recorder.openNow().getFirst().start();
        long now = System.nanoTime();
        long reaching = now - clock.fromNanoTime(now) + began - 5_000_000; // 5 ms before the state began

        lane.cut(reaching, true, new LaneTrack.Piece(State.PAUSED, "pause", 4_000_000),
                new LaneTrack.Piece(State.READY, "ready", 1_000_000 + (now - (reaching + 5_000_000))));
        lane.idle();

        List<Segment> segments = recorder.finished();
        assertThat(segments).extracting(Segment::state).doesNotContain(State.PAUSED).contains(State.READY);
        assertThat(segments.getFirst().start()).isEqualTo(began);
        Segment ready = segments.stream().filter(s -> s.state() == State.READY).findFirst().orElseThrow();
        assertThat(ready.end()).isEqualTo(clock.fromNanoTime(now));
        SegmentChecks.assertNoOverlapWithinLanes(segments);
    }

    @Test
    void an_idle_lane_is_not_cut() {
        lane.cut(System.nanoTime(), true, new LaneTrack.Piece(State.READY, "ready", 100_000));

        assertThat(recorder.finished()).isEmpty();
        assertThat(lane.state()).isNull();
    }

    /// Waits `nanos` at least: a park may return early, and a piece cut out of less work than
    /// it is long would be cut short.
    private static void atLeast(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) LockSupport.parkNanos(left);
    }
}
