package org.concurrencylab.core.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceRecorderTest {
    private final TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());

    @Test
    void lanes_get_dense_ids_in_the_order_they_are_added() {
        Lane main = recorder.addLane("main", LaneKind.THREAD);
        Lane loop = recorder.addLane("loop", LaneKind.LOOP);

        assertThat(main.id()).isZero();
        assertThat(loop.id()).isEqualTo(1);
        assertThat(recorder.lanes()).containsExactly(main, loop);
    }

    @Test
    void a_span_in_progress_is_shown_as_an_open_segment_and_then_as_a_finished_one() {
        Lane lane = recorder.addLane("main", LaneKind.THREAD);
        Span span = recorder.begin(lane.id(), 7, State.IO_WAIT, "GET /large");

        List<Segment> open = recorder.openNow();
        assertThat(open).singleElement().satisfies(s -> {
            assertThat(s.open()).isTrue();
            assertThat(s.lane()).isEqualTo(lane.id());
            assertThat(s.task()).isEqualTo(7);
            assertThat(s.state()).isEqualTo(State.IO_WAIT);
            assertThat(s.label()).isEqualTo("GET /large");
            assertThat(s.end()).isGreaterThanOrEqualTo(s.start());
        });
        assertThat(recorder.finished()).isEmpty();

        span.end();

        assertThat(recorder.openNow()).isEmpty();
        assertThat(recorder.finished()).singleElement().satisfies(s -> {
            assertThat(s.open()).isFalse();
            assertThat(s.failed()).isFalse();
            assertThat(s.start()).isEqualTo(open.getFirst().start());
            assertThat(s.end()).isGreaterThanOrEqualTo(s.start());
        });
    }

    @Test
    void ending_a_span_twice_records_it_once() {
        Span span = recorder.begin(0, 0, State.WORK, "x");
        span.end();
        span.end();
        span.fail("too late");

        assertThat(recorder.finished()).singleElement()
                .satisfies(s -> assertThat(s.failed()).isFalse());
    }

    @Test
    void a_failed_span_carries_its_error() {
        recorder.begin(0, 1, State.IO_WAIT, "GET /status/500").fail("HTTP 500 Internal Server Error");
        recorder.begin(0, 2, State.IO_WAIT, "GET /x").fail(null);

        List<Segment> finished = recorder.finished();
        assertThat(finished).extracting(Segment::error)
                .containsExactly("HTTP 500 Internal Server Error", "failed");
        assertThat(finished).allMatch(Segment::failed);
    }

    @Test
    void a_relabelled_span_keeps_its_last_label_and_ignores_relabels_after_its_end() {
        Span span = recorder.begin(0, 0, State.IO_WAIT, "GET /large");
        span.relabel("GET /large (49,152 bytes)");
        span.end();
        span.relabel("changed after the end");

        assertThat(recorder.finished()).extracting(Segment::label).containsExactly("GET /large (49,152 bytes)");
    }

    @Test
    void a_span_ending_before_its_start_is_clamped_to_zero_length() {
        long future = recorder.clock().now() + 1_000_000_000L;
        recorder.beginAt(0, 0, State.WORK, "", future).end();

        assertThat(recorder.finished()).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(s.start()).isEqualTo(future));
    }

    @Test
    void entering_a_state_on_a_lane_ends_the_previous_one_exactly_where_the_next_begins() {
        LaneTrack track = recorder.track(recorder.addLane("pool-1", LaneKind.THREAD));
        State[] states = {State.WORK, State.IO_WAIT, State.LOCK_WAIT};
        for (int i = 0; i < 300; i++) track.enter(states[i % states.length], i / 3, "step " + i);
        track.idle();

        List<Segment> segments = recorder.finished();
        assertThat(segments).hasSize(300);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start()).isEqualTo(segments.get(i - 1).end());
            assertThat(segments.get(i).state()).isEqualTo(states[i % states.length]);
        }
        assertThat(recorder.openNow()).isEmpty();
        assertThat(track.state()).isNull();
    }

    @Test
    void a_lane_track_reports_its_state_and_fails_the_current_segment() {
        LaneTrack track = recorder.track(recorder.addLane("main", LaneKind.THREAD));
        assertThat(track.state()).isNull();

        track.enter(State.IO_WAIT, 3, "GET /x");
        assertThat(track.state()).isEqualTo(State.IO_WAIT);
        track.label("GET /x (12 bytes)");
        track.fail("connection refused: 127.0.0.1:1");

        assertThat(track.state()).isNull();
        assertThat(recorder.finished()).singleElement().satisfies(s -> {
            assertThat(s.task()).isEqualTo(3);
            assertThat(s.label()).isEqualTo("GET /x (12 bytes)");
            assertThat(s.error()).isEqualTo("connection refused: 127.0.0.1:1");
        });
    }

    @Test
    void closing_all_open_spans_ends_each_one_with_the_reason() {
        recorder.begin(0, 0, State.WORK, "");
        recorder.begin(1, 1, State.IO_WAIT, "");
        recorder.begin(2, 2, State.QUEUED, "");

        recorder.closeAllOpen("cancelled");

        assertThat(recorder.openNow()).isEmpty();
        assertThat(recorder.finished()).hasSize(3).allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
    }

    @Test
    void closing_all_open_spans_without_a_reason_ends_them_as_successful() {
        recorder.begin(0, 0, State.WORK, "");
        recorder.closeAllOpen(null);

        assertThat(recorder.finished()).singleElement().satisfies(s -> assertThat(s.failed()).isFalse());
    }

    @Test
    void recorded_segments_are_kept_as_given() {
        Segment queued = Segment.closed(Segment.NO_LANE, 4, State.QUEUED, 10, 50, "task 4");
        recorder.record(queued);

        assertThat(recorder.finished()).containsExactly(queued);
    }

    @Test
    void reading_incrementally_resumes_where_the_last_read_stopped() {
        for (int i = 0; i < 5; i++) recorder.record(Segment.closed(0, i, State.WORK, i, i + 1, ""));
        List<Segment> first = new ArrayList<>();
        int position = recorder.readFinished(0, first::add);
        for (int i = 5; i < 8; i++) recorder.record(Segment.closed(0, i, State.WORK, i, i + 1, ""));
        List<Segment> second = new ArrayList<>();
        int next = recorder.readFinished(position, second::add);

        assertThat(position).isEqualTo(5);
        assertThat(next).isEqualTo(8);
        assertThat(first).extracting(Segment::task).containsExactly(0, 1, 2, 3, 4);
        assertThat(second).extracting(Segment::task).containsExactly(5, 6, 7);
        assertThat(recorder.readFinished(next, s -> { throw new AssertionError("nothing new: " + s); })).isEqualTo(8);
    }

    @Test
    void every_change_moves_the_change_count() {
        long before = recorder.changeCount();
        recorder.addLane("main", LaneKind.THREAD);
        Span span = recorder.begin(0, 0, State.WORK, "");
        span.end();
        recorder.record(Segment.closed(0, 1, State.WORK, 0, 1, ""));

        assertThat(recorder.changeCount()).isEqualTo(before + 4);
    }

    @Test
    void a_disabled_recorder_keeps_lanes_but_records_no_segments() {
        TraceRecorder off = TraceRecorder.disabled(RunClock.startingNow());
        Lane lane = off.addLane("main", LaneKind.THREAD);
        LaneTrack track = off.track(lane);

        track.enter(State.WORK, 0, "work");
        track.enter(State.IO_WAIT, 0, "wait");
        track.fail("boom");
        Span span = off.begin(lane.id(), 1, State.WORK, "");
        assertThat(off.openNow()).isEmpty();
        span.end();
        off.record(Segment.closed(0, 2, State.WORK, 0, 10, ""));
        off.closeAllOpen("cancelled");

        assertThat(off.enabled()).isFalse();
        assertThat(off.lanes()).containsExactly(lane);
        assertThat(off.finished()).isEmpty();
        assertThat(off.openNow()).isEmpty();
    }

    @Test
    void a_segment_must_not_end_before_it_starts() {
        assertThatThrownBy(() -> Segment.closed(0, 0, State.WORK, 10, 9, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void segments_that_only_touch_do_not_overlap() {
        Segment a = Segment.closed(0, 0, State.WORK, 0, 10, null);
        Segment b = Segment.closed(0, 1, State.WORK, 10, 20, null);
        Segment c = Segment.closed(1, 2, State.IO_WAIT, 5, 15, null);

        assertThat(a.overlaps(b)).isFalse();
        assertThat(b.overlaps(a)).isFalse();
        assertThat(a.overlaps(c)).isTrue();
        assertThat(c.overlaps(b)).isTrue();
        assertThat(a.label()).isEmpty();
        assertThat(c.duration()).isEqualTo(10);
    }

    @Test
    void a_lane_needs_a_non_negative_id() {
        assertThatThrownBy(() -> new Lane(-1, "x", LaneKind.THREAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lane id");
    }
}
