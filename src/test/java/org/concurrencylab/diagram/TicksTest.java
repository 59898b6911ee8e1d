package org.concurrencylab.diagram;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TicksTest {
    private static final long MS = 1_000_000L;

    @Test
    void the_step_is_the_smallest_round_step_at_least_the_minimum_spacing_apart() {
        TimeScale oneSecondOn1000Px = new TimeScale(0, 1_000 * MS, 0, 1000);

        assertThat(Ticks.step(oneSecondOn1000Px, 80)).isEqualTo(100 * MS);
        assertThat(Ticks.step(oneSecondOn1000Px, 100)).isEqualTo(100 * MS);
        assertThat(Ticks.step(oneSecondOn1000Px, 101)).isEqualTo(200 * MS);
        assertThat(Ticks.step(oneSecondOn1000Px, 201)).isEqualTo(500 * MS);
        assertThat(Ticks.step(oneSecondOn1000Px, 501)).isEqualTo(1_000 * MS);
        assertThat(Ticks.step(oneSecondOn1000Px, 15)).isEqualTo(20 * MS);
    }

    @Test
    void on_any_scale_the_step_is_round_wide_enough_and_its_smaller_neighbour_is_not() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            long span = random.nextLong(1_000, 100_000 * MS);
            double width = random.nextDouble(50, 4000);
            double minSpacing = random.nextDouble(20, 200);
            TimeScale scale = new TimeScale(0, span, 0, width);

            long step = Ticks.step(scale, minSpacing);

            assertThat(isRound(step)).as("%d is 1, 2 or 5 × 10^k", step).isTrue();
            assertThat(step * scale.pixelsPerNano()).isGreaterThanOrEqualTo(minSpacing);
            assertThat(TimeScaleTest.previousRound(step) * scale.pixelsPerNano()).isLessThan(minSpacing);
        }
    }

    @Test
    void ticks_sit_on_multiples_of_the_step_inside_the_window_at_their_pixel() {
        TimeScale scale = new TimeScale(150 * MS, 1_000 * MS, 68, 850);

        List<Ticks.Tick> ticks = Ticks.choose(scale, 80);

        assertThat(ticks).extracting(Ticks.Tick::nanos)
                .containsExactly(200 * MS, 300 * MS, 400 * MS, 500 * MS, 600 * MS, 700 * MS, 800 * MS, 900 * MS, 1_000 * MS);
        assertThat(ticks).allSatisfy(t -> assertThat(t.x()).isEqualTo(scale.x(t.nanos())));
    }

    @Test
    void an_axis_in_seconds_labels_every_tick_with_the_same_decimals() {
        TimeScale scale = new TimeScale(0, 1_000 * MS, 0, 1000);

        assertThat(Ticks.choose(scale, 400)).extracting(Ticks.Tick::label).containsExactly("0", "0.5 s", "1.0 s");
        assertThat(Ticks.choose(scale, 150)).extracting(Ticks.Tick::label)
                .containsExactly("0", "0.2 s", "0.4 s", "0.6 s", "0.8 s", "1.0 s");
    }

    @Test
    void an_axis_in_milliseconds_labels_every_tick_in_milliseconds() {
        TimeScale scale = new TimeScale(0, 100 * MS, 0, 500);

        assertThat(Ticks.choose(scale, 80)).extracting(Ticks.Tick::label)
                .containsExactly("0", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms");
    }

    @Test
    void whole_second_steps_have_no_decimals() {
        assertThat(Ticks.label(2_000 * MS, 1_000 * MS)).isEqualTo("2 s");
        assertThat(Ticks.label(10_000 * MS, 5_000 * MS)).isEqualTo("10 s");
    }

    @Test
    void small_steps_are_labelled_in_the_unit_the_step_calls_for() {
        assertThat(Ticks.label(250_000, 50_000)).isEqualTo("250 µs");
        assertThat(Ticks.label(1_500, 500)).isEqualTo("1.5 µs");
        assertThat(Ticks.label(150_000, 50_000)).isEqualTo("150 µs");
        assertThat(Ticks.label(300_000, 100_000)).isEqualTo("0.3 ms");
        assertThat(Ticks.label(40, 20)).isEqualTo("40 ns");
        assertThat(Ticks.label(0, 20)).isEqualTo("0");
    }

    @Test
    void durations_are_written_with_a_few_significant_digits_in_a_fitting_unit() {
        assertThat(Ticks.duration(14_710 * MS)).isEqualTo("14.7 s");
        assertThat(Ticks.duration(3_040 * MS)).isEqualTo("3.04 s");
        assertThat(Ticks.duration(1_000 * MS)).isEqualTo("1.00 s");
        assertThat(Ticks.duration(312 * MS)).isEqualTo("312 ms");
        assertThat(Ticks.duration(10 * MS)).isEqualTo("10 ms");
        assertThat(Ticks.duration(5_500_000)).isEqualTo("5.5 ms");
        assertThat(Ticks.duration(85_000)).isEqualTo("85 µs");
        assertThat(Ticks.duration(1_000)).isEqualTo("1 µs");
        assertThat(Ticks.duration(999)).isEqualTo("999 ns");
        assertThat(Ticks.duration(0)).isEqualTo("0 ns");
    }

    private static boolean isRound(long n) {
        while (n % 10 == 0) n /= 10;
        return n == 1 || n == 2 || n == 5;
    }
}
