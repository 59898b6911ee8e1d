package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceModelTest {
    private static final Lane A = new Lane(0, "pool-1", LaneKind.THREAD);
    private static final Lane B = new Lane(1, "pool-2", LaneKind.THREAD);

    private static Segment seg(int lane, State state, long start, long end) {
        return Segment.closed(lane, 0, state, start, end, "");
    }

    @Test
    void the_longest_lane_names_are_kept_as_lanes_come() {
        TraceModel model = new TraceModel();
        for (int i = 0; i < 10_000; i++) model.addLane(new Lane(i, i == 4_321 ? "process 4322 (a long name)" : "task " + (i + 1), LaneKind.TASK));

        assertThat(model.longestNamedLanes()).hasSizeBetween(1, 16)
                .anySatisfy(l -> assertThat(l.name()).isEqualTo("process 4322 (a long name)"))
                .allSatisfy(l -> assertThat(l.name().length()).isGreaterThanOrEqualTo("process 4322 (a long name)".length() - 1));
        TraceModel tasks = new TraceModel();
        for (int i = 0; i < 10_000; i++) tasks.addLane(new Lane(i, "task " + (i + 1), LaneKind.TASK));
        assertThat(tasks.longestNamedLanes()).hasSizeBetween(1, 16).allSatisfy(l -> assertThat(l.name()).hasSizeGreaterThanOrEqualTo("task 1000".length()))
                .anySatisfy(l -> assertThat(l.name()).isEqualTo("task 10000"));
    }

    @Test
    void segments_given_out_of_order_are_kept_sorted_by_start_within_each_lane() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            segments.add(seg(0, State.WORK, i * 10L, i * 10L + 5));
            segments.add(seg(1, State.IO_WAIT, i * 20L, i * 20L + 15));
        }
        Collections.shuffle(segments, new Random(1));

        TraceModel model = TraceModel.of(List.of(A, B), segments);

        for (int lane = 0; lane < 2; lane++) {
            List<Segment> sorted = model.segments(lane);
            assertThat(sorted).hasSize(50).extracting(Segment::start).isSorted();
            assertThat(sorted).allSatisfy(s -> assertThat(s.lane()).isEqualTo(sorted.getFirst().lane()));
        }
        assertThat(model.segmentCount()).isEqualTo(100);
    }

    @Test
    void a_late_segment_lands_in_start_order_in_a_long_lane() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i <= 6_000; i++) segments.add(seg(0, State.WORK, i * 10L, i * 10L + 5));
        TraceModel model = TraceModel.of(List.of(A), segments);

        model.add(seg(0, State.IO_WAIT, 25_005, 25_008));
        model.add(seg(0, State.IO_WAIT, 0, 3));

        assertThat(model.segments(0)).hasSize(6_002).extracting(Segment::start).isSorted();
        assertThat(model.segments(0).getFirst().state()).isEqualTo(State.IO_WAIT);
    }

    @Test
    void the_first_segment_ending_at_or_after_a_time_is_the_one_a_linear_scan_finds() {
        Random random = new Random(11);
        List<Segment> segments = new ArrayList<>();
        long t = random.nextInt(1_000);
        for (int i = 0; i < 2_000; i++) {
            long start = t + random.nextInt(3) * random.nextInt(500);
            long end = start + 1 + random.nextInt(2_000);
            segments.add(seg(0, i % 2 == 0 ? State.WORK : State.IO_WAIT, start, end));
            t = end;
        }
        List<Long> probes = new ArrayList<>(List.of(-1L, 0L, t, t + 1, Long.MAX_VALUE));
        for (Segment s : segments) {
            probes.add(s.start());
            probes.add(s.end());
            probes.add(s.end() + 1);
        }
        for (int i = 0; i < 2_000; i++) probes.add((long) random.nextInt((int) t + 10));
        Collections.shuffle(segments, random);
        TraceModel model = TraceModel.of(List.of(A), segments);
        List<Segment> sorted = model.segments(0);

        for (long probe : probes) {
            assertThat(model.firstEndingAtOrAfter(0, probe)).as("probe %d", probe).isEqualTo(linearScan(sorted, probe));
        }
    }

    @Test
    void an_empty_lane_has_no_segment_ending_after_any_time() {
        TraceModel model = TraceModel.of(List.of(A), List.of());

        assertThat(model.firstEndingAtOrAfter(0, 0)).isZero();
        assertThat(model.segments(0)).isEmpty();
        assertThat(model.endNanos()).isZero();
    }

    private static int linearScan(List<Segment> sorted, long nanos) {
        for (int i = 0; i < sorted.size(); i++) if (sorted.get(i).end() >= nanos) return i;
        return sorted.size();
    }

    @Test
    void states_end_and_counts_describe_everything_added() {
        TraceModel model = TraceModel.of(List.of(A, B), List.of(
                seg(0, State.WORK, 0, 10),
                new Segment(1, 3, State.IO_WAIT, 5, 90, "GET /x", "HTTP 500", false),
                Segment.closed(Segment.NO_LANE, 4, State.QUEUED, 0, 40, "task 4")));

        assertThat(model.states()).containsExactlyInAnyOrder(State.WORK, State.IO_WAIT, State.QUEUED);
        assertThat(model.endNanos()).isEqualTo(90);
        assertThat(model.segmentCount()).isEqualTo(3);
        assertThat(model.failedCount()).isEqualTo(1);
        assertThat(model.taskOnlySegments()).extracting(Segment::task).containsExactly(4);
        assertThat(model.segments(0)).hasSize(1);
        assertThat(model.segments(1)).hasSize(1);
    }

    @Test
    void a_segment_on_an_unknown_lane_adds_placeholder_lanes_up_to_it() {
        TraceModel model = TraceModel.of(List.of(A), List.of(seg(3, State.WORK, 0, 1)));

        assertThat(model.lanes()).extracting(Lane::id).containsExactly(0, 1, 2, 3);
        assertThat(model.lanes().get(3).name()).isEqualTo("lane 4");
        assertThat(model.segments(3)).hasSize(1);
        assertThat(model.segments(1)).isEmpty();
    }

    @Test
    void lanes_must_be_added_in_id_order() {
        TraceModel model = new TraceModel();

        assertThatThrownBy(() -> model.addLane(B)).isInstanceOf(IllegalArgumentException.class);
        model.addLane(A);
        model.addLane(B);
        assertThat(model.lanes()).containsExactly(A, B);
    }

    @Test
    void the_views_it_hands_out_cannot_change_it() {
        TraceModel model = TraceModel.of(List.of(A), List.of(seg(0, State.WORK, 0, 1)));

        assertThatThrownBy(() -> model.segments(0).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.lanes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(model.segments(0)).hasSize(1);
    }

    @Test
    void draining_a_live_recorder_takes_in_only_what_is_new_each_time() {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        TraceModel model = new TraceModel();
        assertThat(model.drain(recorder)).isFalse();

        Lane first = recorder.addLane("pool-1", LaneKind.THREAD);
        assertThat(model.drain(recorder)).isTrue();
        assertThat(model.lanes()).containsExactly(first);
        assertThat(model.segmentCount()).isZero();

        for (int i = 0; i < 10; i++) recorder.record(seg(0, State.WORK, i * 10L, i * 10L + 5));
        assertThat(model.drain(recorder)).isTrue();
        assertThat(model.segmentCount()).isEqualTo(10);
        assertThat(model.drain(recorder)).isFalse();
        assertThat(model.segmentCount()).isEqualTo(10);

        Lane second = recorder.addLane("pool-2", LaneKind.THREAD);
        LaneTrack track = recorder.track(second);
        track.enter(State.IO_WAIT, 1, "GET /a");
        assertThat(model.drain(recorder)).as("a new lane").isTrue();
        assertThat(model.lanes()).containsExactly(first, second);
        assertThat(model.segments(1)).as("an open span is not finished yet").isEmpty();

        track.enter(State.WORK, 1, "parse");
        track.idle();
        recorder.record(seg(0, State.IO_WAIT, 200, 300));
        assertThat(model.drain(recorder)).isTrue();

        assertThat(model.segmentCount()).isEqualTo(13);
        assertThat(model.segments(0)).hasSize(11);
        assertThat(model.segments(1)).extracting(Segment::state).containsExactly(State.IO_WAIT, State.WORK);
        assertThat(model.drain(recorder)).isFalse();
    }
}
