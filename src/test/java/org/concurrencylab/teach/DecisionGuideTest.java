package org.concurrencylab.teach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The guide fills in the learner's own numbers, and asks for the lesson that is missing.
class DecisionGuideTest {

    @Test
    void with_nothing_measured_every_row_asks_for_its_lesson() {
        List<DecisionGuide.Row> rows = DecisionGuide.rows(Results.NONE);

        assertThat(rows).hasSize(6).noneMatch(DecisionGuide.Row::measured);
        assertThat(rows).extracting(DecisionGuide.Row::evidence).containsExactly(
                "Run lesson 2 to fill this in.", "Run lesson 7 to fill this in.", "Run lesson 4 to fill this in.",
                "Run lesson 4 to fill this in.", "Run lesson 5 to fill this in.", "Run lesson 6 to fill this in.");
    }

    @Test
    void measured_rows_quote_the_learner_s_numbers() {
        Records.Map1 results = new Records.Map1()
                .put("2.1", Records.wall("sync", 1, 2.8))
                .put("2.2", Records.wall("threads", 5, 0.56))
                .put("5.1", Records.race("threads", 12_345))
                .put("5.2", Records.race("threads", 0))
                .put("5.4", Records.race("eventloop", 0));

        List<DecisionGuide.Row> rows = DecisionGuide.rows(results);

        assertThat(rows.get(0).measured()).isTrue();
        assertThat(rows.get(0).evidence()).isEqualTo("30 pages: 2.80 s synchronously, 560 ms on 5 threads (5.0× faster).");
        assertThat(rows.get(4).evidence()).startsWith("Threads lost 12,345 updates unsafely, 0 with a lock");
        assertThat(rows.get(1).measured()).isFalse();
    }

    @Test
    void the_computing_row_names_the_best_pool_of_a_complete_sweep_only() {
        Records.Map1 results = new Records.Map1()
                .put("4.1", Records.wall("sync", 1, 1.0))
                .put("4.2", Records.wall("threads", 5, 0.52))
                .put("3.2", Records.wall("threads", 1, 0.8), Records.wall("threads", 2, 0.41));

        assertThat(DecisionGuide.rows(results).get(2).evidence()).doesNotContain("Best pool");

        results.put("3.2", Records.wall("threads", 1, 0.8), Records.wall("threads", 2, 0.41),
                Records.wall("threads", 4, 0.42), Records.wall("threads", 8, 0.45));
        assertThat(DecisionGuide.rows(results).get(2).evidence()).endsWith("Best pool in your sweep: 2 threads.");
    }
}
