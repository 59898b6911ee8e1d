package org.concurrencylab.diagram;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class TimeScaleTest {
    private static final long MS = 1_000_000L;

    @Test
    void the_window_edges_map_to_the_pixel_edges() {
        TimeScale scale = new TimeScale(250 * MS, 1_250 * MS, 37.5, 800);

        assertThat(scale.x(250 * MS)).isEqualTo(37.5);
        assertThat(scale.x(1_250 * MS)).isEqualTo(837.5);
        assertThat(scale.x(750 * MS)).isEqualTo(437.5);
        assertThat(scale.nanos(37.5)).isEqualTo(250 * MS);
        assertThat(scale.nanos(837.5)).isEqualTo(1_250 * MS);
        assertThat(scale.span()).isEqualTo(1_000 * MS);
        assertThat(scale.pixelsPerNano()).isEqualTo(800.0 / (1_000 * MS));
    }

    @Test
    void nanos_of_x_of_a_time_is_that_time_again() {
        TimeScale scale = new TimeScale(1_000_000, 2_001_000_000, 37.5, 1234);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long t = random.nextLong(scale.startNanos() - 500 * MS, scale.endNanos() + 500 * MS);
            assertThat(scale.nanos(scale.x(t))).as("t=%d", t).isEqualTo(t);
        }
    }

    @Test
    void x_of_nanos_of_a_pixel_is_that_pixel_to_within_one_nanosecond() {
        TimeScale scale = new TimeScale(0, 3_000 * MS, 68, 1000);
        for (int px = 68; px <= 1068; px++) {
            assertThat(scale.x(scale.nanos(px))).isCloseTo(px, offset(scale.pixelsPerNano()));
        }
    }

    @Test
    void an_empty_time_window_or_pixel_range_is_rejected() {
        assertThatThrownBy(() -> new TimeScale(5, 5, 0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty time window");
        assertThatThrownBy(() -> new TimeScale(5, 4, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeScale(0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
        assertThatThrownBy(() -> new TimeScale(0, 10, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_span_rounds_up_to_one_two_or_five_times_a_power_of_ten_milliseconds() {
        assertThat(TimeScale.roundUpSpan(100 * MS)).isEqualTo(100 * MS);
        assertThat(TimeScale.roundUpSpan(100 * MS + 1)).isEqualTo(200 * MS);
        assertThat(TimeScale.roundUpSpan(230 * MS)).isEqualTo(500 * MS);
        assertThat(TimeScale.roundUpSpan(1_000 * MS)).isEqualTo(1_000 * MS);
        assertThat(TimeScale.roundUpSpan(3_040 * MS)).isEqualTo(5_000 * MS);
        assertThat(TimeScale.roundUpSpan(14_710 * MS)).isEqualTo(20_000 * MS);
    }

    @Test
    void a_span_is_never_shorter_than_a_tenth_of_a_second() {
        assertThat(TimeScale.roundUpSpan(0)).isEqualTo(100 * MS);
        assertThat(TimeScale.roundUpSpan(1)).isEqualTo(100 * MS);
        assertThat(TimeScale.roundUpSpan(99 * MS)).isEqualTo(100 * MS);
    }

    @Test
    void a_rounded_span_is_the_smallest_round_span_that_holds_the_input() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            long nanos = random.nextLong(0, 1_000_000 * MS);
            long span = TimeScale.roundUpSpan(nanos);
            long target = Math.max(nanos, 100 * MS);

            assertThat(span).as("span of %d", nanos).isGreaterThanOrEqualTo(target);
            assertThat(isRoundMillis(span)).as("%d is 1, 2 or 5 × 10^k ms", span).isTrue();
            assertThat(previousRound(span)).as("the round span before %d", span).isLessThan(target);
        }
    }

    static boolean isRoundMillis(long nanos) {
        if (nanos % MS != 0) return false;
        long ms = nanos / MS;
        while (ms % 10 == 0) ms /= 10;
        return ms == 1 || ms == 2 || ms == 5;
    }

    /// The round (1, 2, 5 × 10^k) value just below `round`.
    static long previousRound(long round) {
        long power = 1;
        while (round / power >= 10) power *= 10;
        long lead = round / power;
        return lead == 1 ? power / 2 : lead == 2 ? power : 2 * power;
    }
}
