package org.concurrencylab.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// The bench's verdict on what recording a CPython run costs: each recorded run over the bare
/// run right after it, so that one bare run that caught a quiet minute does not decide.
class PythonBenchTest {
    @Test
    void each_recorded_run_is_taken_over_the_bare_run_after_it_and_the_median_decides() {
        double[] recorded = {4.90, 4.88, 5.10, 4.95, 4.92};
        double[] bare = {4.85, 4.56, 5.00, 4.90, 4.88};

        double[] pairs = PythonBench.Baseline.pairs(recorded, bare);

        assertThat(pairs).hasSize(5).isSorted();
        assertThat(pairs[0]).isCloseTo(4.92 / 4.88, within(1e-12));
        assertThat(pairs[4]).isCloseTo(4.88 / 4.56, within(1e-12));
        assertThat(PythonBench.Baseline.cost(pairs)).as("the median pair").isCloseTo(4.90 / 4.85, within(1e-12))
                .isLessThan(PythonBench.MAX_HARNESS_COST);
        // each side's best would have decided 4.88 / 4.56 = 1.07, from the one quick bare run
        assertThat(4.88 / 4.56).isGreaterThan(PythonBench.MAX_HARNESS_COST);
    }

    @Test
    void of_an_even_count_the_worse_middle_pair_decides() {
        assertThat(PythonBench.Baseline.cost(new double[] {1.01, 1.04, 1.06, 1.08})).isEqualTo(1.06);
        assertThat(PythonBench.Baseline.cost(new double[] {1.01, 1.06})).isEqualTo(1.06);
        assertThat(PythonBench.Baseline.cost(new double[] {1.02})).isEqualTo(1.02);
    }
}
