package org.concurrencylab.teach;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Answers come from measured runs: each kind of question reads the right numbers, and stays
/// open until the runs it needs are there.
class QuestionTest {

    @Test
    void how_long_offers_ranges_and_answers_with_the_range_of_the_wall_time() {
        Question.HowLong q = new Question.HowLong("How long?", List.of(0.5, 2.0, 5.0));

        assertThat(q.choices()).containsExactly("under 500 ms", "500 ms to 2 s", "2 s to 5 s", "over 5 s");
        assertThat(q.answer("1.1", Results.NONE)).isEmpty();
        assertThat(q.answer("1.1", new Records.Map1().put("1.1", Records.wall("sync", 1, 1.9)))).hasValue(1);
        assertThat(q.answer("1.1", new Records.Map1().put("1.1", Records.wall("sync", 1, 2.0)))).hasValue(2);
        assertThat(q.answer("1.1", new Records.Map1().put("1.1", Records.wall("sync", 1, 7)))).hasValue(3);
        assertThat(q.measured("1.1", new Records.Map1().put("1.1", Records.wall("sync", 1, 1.9)))).contains("1.90 s");
    }

    @Test
    void fastest_waits_for_every_contender_then_names_the_quickest() {
        Question.Fastest q = new Question.Fastest("Fastest?", List.of(new Question.Option("sync", "2.1", 0),
                new Question.Option("threads", "2.2", 0), new Question.Option("loop", "2.3", 0)));
        Records.Map1 results = new Records.Map1().put("2.1", Records.wall("sync", 1, 2.8)).put("2.2", Records.wall("threads", 5, 0.6));

        assertThat(q.answer("2.1", results)).isEmpty();
        assertThat(q.needs("2.1")).containsExactly("2.1", "2.2", "2.3");

        results.put("2.3", Records.wall("eventloop", 1, 0.1));
        assertThat(q.answer("2.1", results)).hasValue(2);
        assertThat(q.measured("2.1", results)).contains("loop, 100 ms");
    }

    @Test
    void fastest_of_a_sweep_compares_the_runs_of_one_step() {
        Question.Fastest q = new Question.Fastest("Best pool?", List.of(new Question.Option("1", "3.2", 0),
                new Question.Option("2", "3.2", 1), new Question.Option("4", "3.2", 2)));
        Records.Map1 results = new Records.Map1().put("3.2", Records.wall("threads", 1, 0.8), Records.wall("threads", 2, 0.41),
                Records.wall("threads", 4, 0.43));

        assertThat(q.answer("3.2", results)).hasValue(1);
        assertThat(q.needs("3.2")).containsExactly("3.2");
    }

    @Test
    void speed_up_compares_with_its_baseline_step() {
        Question.SpeedUp q = Question.SpeedUp.slowerSameFaster("Compared?", "4.1", "the synchronous run");
        Records.Map1 results = new Records.Map1().put("4.1", Records.wall("sync", 1, 1.0));

        assertThat(q.choices()).containsExactly("slower (by more than 20%)", "about the same (within 20%)", "faster (by more than 20%)");
        assertThat(q.answer("4.2", results)).isEmpty();
        assertThat(q.answer("4.2", results.put("4.2", Records.wall("threads", 5, 0.5)))).hasValue(2);
        assertThat(q.measured("4.2", results)).contains("2.0× as fast as the synchronous run");
        assertThat(q.answer("4.2", results.put("4.2", Records.wall("threads", 5, 1.05)))).hasValue(1);
        assertThat(q.answer("4.2", results.put("4.2", Records.wall("threads", 5, 1.4)))).hasValue(0);
        assertThat(q.measured("4.2", results)).contains("1.4× slower than the synchronous run");
    }

    @Test
    void mostly_state_reads_which_colour_filled_the_lanes() {
        Question.MostlyState q = new Question.MostlyState("What?");

        assertThat(q.answer("1.1", new Records.Map1().put("1.1", Records.states(0.05, 1.8))))
                .hasValue(Question.MostlyState.WAITING_FOR_IO);
        assertThat(q.answer("1.2", new Records.Map1().put("1.2", Records.states(0.4, 0))))
                .hasValue(Question.MostlyState.RUNNING_CODE);
        assertThat(q.measured("1.1", new Records.Map1().put("1.1", Records.states(0.2, 1.8))))
                .contains("10% running code, 90% waiting for I/O");
    }

    @Test
    void lost_updates_reads_the_counter() {
        Question.LostUpdates q = new Question.LostUpdates("Lost?");

        assertThat(q.answer("5.1", new Records.Map1().put("5.1", Records.race("threads", 1234)))).hasValue(Question.LostUpdates.SOME_LOST);
        assertThat(q.answer("5.2", new Records.Map1().put("5.2", Records.race("threads", 0)))).hasValue(Question.LostUpdates.NONE_LOST);
        assertThat(q.measured("5.1", new Records.Map1().put("5.1", Records.race("threads", 1234)))).contains("1,234 updates lost");
    }

    @Test
    void badly_made_questions_are_refused() {
        assertThatThrownBy(() -> new Question.HowLong("?", List.of(2.0, 1.0))).hasMessageContaining("ascend");
        assertThatThrownBy(() -> new Question.SpeedUp("?", "1.1", "x", List.of(1.0), List.of("a")))
                .hasMessage("need 2 labels, got 1");
        assertThatThrownBy(() -> new Question.Fastest("?", List.of(new Question.Option("a", "1.1", 0))))
                .hasMessageContaining("at least two");
    }

    @Test
    void a_verdict_sets_the_prediction_beside_the_measurement() {
        LessonStep step = Lessons.step("4.2").orElseThrow();
        Records.Map1 results = new Records.Map1().put("4.1", Records.wall("sync", 1, 1.0));

        assertThat(Verdict.of(step, OptionalInt.of(2), results).status()).isEqualTo(Verdict.Status.NOT_RUN);

        results.put("4.2", Records.wall("threads", 5, 0.5));
        Verdict right = Verdict.of(step, OptionalInt.of(2), results);
        assertThat(right.status()).isEqualTo(Verdict.Status.RIGHT);
        assertThat(right.text()).isEqualTo("Right: faster (by more than 20%).");
        assertThat(right.measured()).isEqualTo("2.0× as fast as the synchronous run");
        Verdict wrong = Verdict.of(step, OptionalInt.of(0), results);
        assertThat(wrong.status()).isEqualTo(Verdict.Status.WRONG);
        assertThat(wrong.text()).contains("the answer was \u201cfaster (by more than 20%)\u201d");
        assertThat(Verdict.of(step, OptionalInt.empty(), results).status()).isEqualTo(Verdict.Status.NOT_PREDICTED);
        assertThat(Verdict.predictedText(step, OptionalInt.of(0))).contains("slower (by more than 20%)");
    }

    @Test
    void a_verdict_that_needs_later_steps_says_which() {
        LessonStep first = Lessons.step("2.1").orElseThrow();
        Records.Map1 results = new Records.Map1().put("2.1", Records.wall("sync", 1, 2.8)).put("2.3", Records.wall("eventloop", 1, 0.1));

        Verdict pending = Verdict.of(first, OptionalInt.of(2), results);

        assertThat(pending.status()).isEqualTo(Verdict.Status.PENDING);
        assertThat(pending.text()).isEqualTo("The answer comes once steps 2.2 and 2.4 have run.");
    }
}
