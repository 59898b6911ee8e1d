package org.concurrencylab.core.run;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunStatsTest {

    private static Segment seg(int lane, State state, long start, long end) {
        return Segment.closed(lane, 0, state, start, end, "");
    }

    @Test
    void state_totals_add_up_worker_lanes_and_leave_out_task_only_segments() {
        List<Segment> segments = List.of(
                seg(0, State.WORK, 0, 10),
                seg(0, State.IO_WAIT, 10, 30),
                seg(1, State.IO_WAIT, 5, 25),
                seg(1, State.WORK, 25, 27),
                seg(1, State.LOCK_WAIT, 27, 30),
                seg(Segment.NO_LANE, State.QUEUED, 0, 5));

        RunStats stats = RunStats.of(100, 40, segments);

        assertThat(stats.wallNanos()).isEqualTo(100);
        assertThat(stats.cpuNanos()).isEqualTo(40);
        assertThat(stats.nanos(State.WORK)).isEqualTo(12);
        assertThat(stats.nanos(State.IO_WAIT)).isEqualTo(40);
        assertThat(stats.nanos(State.LOCK_WAIT)).isEqualTo(3);
        assertThat(stats.nanos(State.QUEUED)).isZero();
        assertThat(stats.nanos(State.STARTUP)).isZero();
        assertThat(stats.stateNanos()).containsOnlyKeys(State.values());
    }

    @Test
    void peak_concurrency_is_the_most_worker_lanes_busy_at_one_instant() {
        List<Segment> segments = List.of(
                seg(0, State.WORK, 0, 10),
                seg(1, State.IO_WAIT, 5, 25),
                seg(2, State.IO_WAIT, 8, 12),
                seg(0, State.IO_WAIT, 20, 30),
                seg(Segment.NO_LANE, State.QUEUED, 0, 30),
                seg(Segment.NO_LANE, State.QUEUED, 0, 30));

        assertThat(RunStats.of(30, 0, segments).peakConcurrency()).isEqualTo(3);
    }

    @Test
    void segments_that_touch_are_not_counted_as_busy_together() {
        List<Segment> segments = List.of(
                seg(0, State.WORK, 0, 10),
                seg(1, State.IO_WAIT, 10, 20),
                seg(2, State.WORK, 20, 30),
                seg(0, State.IO_WAIT, 30, 40));

        assertThat(RunStats.of(40, 0, segments).peakConcurrency()).isEqualTo(1);
    }

    @Test
    void zero_length_segments_do_not_count_towards_the_peak() {
        List<Segment> segments = List.of(seg(0, State.WORK, 0, 10), seg(1, State.WORK, 5, 5));

        assertThat(RunStats.of(10, 0, segments).peakConcurrency()).isEqualTo(1);
    }

    @Test
    void an_empty_trace_has_zero_totals_and_no_peak() {
        RunStats stats = RunStats.of(0, 0, List.of());

        assertThat(stats.peakConcurrency()).isZero();
        for (State state : State.values()) assertThat(stats.nanos(state)).isZero();
    }

    @Test
    void the_totals_cannot_be_changed_afterwards() {
        RunStats stats = RunStats.of(10, 0, List.of(seg(0, State.WORK, 0, 10)));

        assertThatThrownBy(() -> stats.stateNanos().put(State.WORK, 0L))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
