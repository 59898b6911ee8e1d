package org.concurrencylab.core.run;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/// Where a run's wall time ends: when the model returned, or earlier where the model noted its
/// work ended (a CPython program's `main()` returning before its interpreter exits), though never
/// before a segment drawn.
class RunWallTest {
    private static final List<Segment> WORK = List.of(Segment.closed(0, 0, State.WORK, 10, 900, ""),
            Segment.closed(1, 1, State.WORK, 20, 950, ""));

    @Test
    void a_run_with_no_end_noted_ends_when_its_model_returned() {
        assertThat(RunEngine.wall(1_000, OptionalLong.empty(), WORK)).isEqualTo(1_000);
    }

    @Test
    void a_noted_end_before_the_model_s_return_is_the_run_s_end() {
        assertThat(RunEngine.wall(1_000, OptionalLong.of(960), WORK)).isEqualTo(960);
    }

    @Test
    void the_wall_covers_every_segment_and_never_passes_the_model_s_return() {
        assertThat(RunEngine.wall(1_000, OptionalLong.of(930), WORK)).as("a segment ends at 950").isEqualTo(950);
        assertThat(RunEngine.wall(1_000, OptionalLong.of(1_200), WORK)).isEqualTo(1_000);
        assertThat(RunEngine.wall(1_000, OptionalLong.of(0), List.of())).isZero();
    }
}
