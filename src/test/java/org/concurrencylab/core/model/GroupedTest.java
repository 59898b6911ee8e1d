package org.concurrencylab.core.model;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class GroupedTest {
    @Test
    void groups_digits_as_the_formatter_does_for_every_length_and_sign() {
        LongStream edges = LongStream.of(0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 10_000, 99_999, 100_000,
                999_999, 1_000_000, -999_999, -1_000_000, 48_123, 1_234_567_890L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1);
        SplittableRandom random = new SplittableRandom(7);
        LongStream randoms = LongStream.range(0, 2_000).map(i -> random.nextLong() >> random.nextInt(64));
        LongStream.concat(edges, randoms).forEach(n ->
                assertThat(Grouped.of(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n)));
    }

    @Test
    void bytes_names_the_unit() {
        assertThat(Grouped.bytes(48_123)).isEqualTo("48,123 bytes");
        assertThat(Grouped.bytes(7)).isEqualTo("7 bytes");
    }
}
