package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.racelab.LevelCatalogue;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The course's structure: the seven lessons of the argument, steps that name each other
/// correctly, specs that are valid, and texts of two or three sentences.
class LessonsTest {
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    @Test
    void there_are_seven_lessons_in_the_order_of_the_argument() {
        assertThat(Lessons.all()).extracting(Lesson::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(Lessons.all()).extracting(Lesson::title).containsExactly("Waiting and computing", "Downloading pages",
                "How many threads?", "Sum of squares", "Race condition", "The task that does not cooperate",
                "When to use which");
        assertThat(Lessons.all()).filteredOn(Lesson::showsGuide).extracting(Lesson::number).containsExactly(7);
    }

    @Test
    void step_ids_number_the_steps_of_each_lesson_in_order() {
        Set<String> seen = new HashSet<>();
        for (Lesson lesson : Lessons.all()) {
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                assertThat(step.id()).isEqualTo(lesson.number() + "." + (i + 1));
                assertThat(seen.add(step.id())).isTrue();
                assertThat(Lessons.step(step.id())).contains(step);
            }
        }
        assertThat(Lessons.step("9.9")).isEmpty();
        assertThatThrownBy(() -> Lessons.lesson(8)).hasMessage("lessons are numbered 1 to 7, not 8");
    }

    @Test
    void every_step_explains_itself_in_two_or_three_sentences() {
        for (Lesson lesson : Lessons.all()) {
            for (LessonStep step : lesson.steps()) {
                long sentences = SENTENCE_END.matcher(step.text()).results().count();
                assertThat(sentences).as(step.id() + ": " + step.text()).isBetween(2L, 3L);
            }
        }
    }

    @Test
    void every_question_refers_to_runs_of_its_own_lesson() {
        for (Lesson lesson : Lessons.all()) {
            Set<String> ids = new HashSet<>(lesson.steps().stream().map(LessonStep::id).toList());
            for (LessonStep step : lesson.steps()) {
                Question q = step.question();
                if (q == null) continue;
                assertThat(q.choices()).as(step.id()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
                assertThat(ids).as(step.id()).containsAll(q.needs(step.id()));
                if (q instanceof Question.Fastest fastest) {
                    for (Question.Option o : fastest.options()) {
                        assertThat(o.run()).isLessThan(Lessons.step(o.step()).orElseThrow().runs().size());
                    }
                }
            }
        }
    }

    @Test
    void every_spec_is_valid_and_keeps_the_article_s_shapes_at_classroom_size() {
        for (Lesson lesson : Lessons.all()) {
            for (LessonStep step : lesson.steps()) {
                for (RunSpec spec : step.runs()) {
                    // the record's own validation, again, on the exact values
                    RunSpec copy = new RunSpec(spec.workload(), spec.model(), spec.applied());
                    assertThat(copy).isEqualTo(spec);
                    assertThat(spec.urls()).as("lessons use the demo sites").isEmpty();
                    assertThat(spec.warmup()).isTrue();
                    if (spec.workload() == WorkloadKind.DOWNLOAD && spec.model() == ModelKind.SYNC) {
                        // a synchronous download takes pages × latency: keep it a few seconds
                        assertThat((long) spec.tasks() * spec.latencyMs()).as(step.id()).isLessThanOrEqualTo(3_000);
                    }
                }
            }
        }
    }

    @Test
    void the_sweep_of_lesson_3_changes_only_the_number_of_threads() {
        for (LessonStep step : Lessons.lesson(3).steps()) {
            assertThat(step.isSweep()).isTrue();
            List<Integer> workers = step.runs().stream().map(RunSpec::workers).toList();
            assertThat(workers).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
            RunSpec first = step.spec();
            assertThat(step.runs()).allMatch(s -> s.withWorkers(first.workers()).equals(first));
            assertThat(step.question()).isInstanceOf(Question.Fastest.class);
        }
        assertThat(Lessons.lesson(3).steps()).extracting(s -> s.spec().workload())
                .containsExactly(WorkloadKind.DOWNLOAD, WorkloadKind.CPU);
    }

    @Test
    void the_lessons_cover_the_experiments_of_the_issue() {
        assertThat(Lessons.lesson(2).steps()).extracting(s -> s.spec().model())
                .containsExactly(ModelKind.SYNC, ModelKind.THREADS, ModelKind.EVENTLOOP, ModelKind.PROCESSES);
        assertThat(Lessons.lesson(4).steps()).extracting(s -> s.spec().model().id() + (s.spec().gil() ? "+gil" : ""))
                .containsExactly("sync", "threads", "threads+gil", "processes");
        assertThat(Lessons.lesson(5).steps()).extracting(s -> s.spec().model().id() + ":" + s.spec().counterMode().id())
                .containsExactly("threads:unsafe", "threads:synchronized", "threads:atomic", "eventloop:unsafe", "threads:unsafe");
        // the last step of the race lesson sends the learner to the race lab, at a level it has
        assertThat(Lessons.lesson(5).steps().getLast().raceLevel()).isEqualTo("lost-update");
        assertThat(LevelCatalogue.builtIn().find("lost-update")).isPresent();
        assertThat(Lessons.all().stream().flatMap(l -> l.steps().stream()).filter(s -> s.raceLevel() != null)).hasSize(1);
        assertThat(Lessons.lesson(6).steps()).extracting(s -> s.spec().workload())
                .containsExactly(WorkloadKind.DOWNLOAD, WorkloadKind.MIXED, WorkloadKind.MIXED);
        assertThat(Lessons.lesson(6).steps().get(1).spec().model()).isEqualTo(ModelKind.EVENTLOOP);
        assertThat(Lessons.lesson(5).steps()).allMatch(s -> s.spec().counterMode() != null && s.spec().workload() == WorkloadKind.RACE);
        assertThat(Lessons.lesson(5).steps().getFirst().spec().counterMode()).isEqualTo(Step.CounterMode.UNSAFE);
    }
}
