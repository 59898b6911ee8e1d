package org.concurrencylab.ui.lessons;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.history.HistoryRuns;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.Lessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/// Lesson navigation and a step's runs without the FX thread: a runner that answers at once
/// with a recorded run, so each change is there when the call returns.
class LessonsViewModelTest {
    @TempDir
    Path dir;

    private final List<RunSpec> loaded = new ArrayList<>();
    private final List<RunSpec> ran = new ArrayList<>();

    private LessonsViewModel lessons(LessonProgress progress) {
        return new LessonsViewModel(progress, loaded::add, spec -> {
            ran.add(spec);
            RunResult run = HistoryRuns.run(spec.model(), 2);
            return CompletableFuture.completedFuture(run);
        }, Runnable::run);
    }

    @Test
    void next_and_back_walk_every_step_and_the_position_is_kept() {
        LessonsViewModel vm = lessons(LessonProgress.open(dir));
        int steps = Lessons.all().stream().mapToInt(l -> l.steps().size()).sum();

        for (int i = 1; i < steps; i++) vm.next();
        assertThat(vm.atLastStep()).isTrue();
        vm.next();
        assertThat(vm.atLastStep()).as("the last step stays the last").isTrue();
        vm.back();
        assertThat(vm.atLastStep()).isFalse();

        LessonsViewModel reopened = lessons(LessonProgress.open(dir));
        assertThat(reopened.currentStep().id()).isEqualTo(vm.currentStep().id());
    }

    @Test
    void a_prediction_comes_before_the_run_and_the_run_is_recorded() {
        LessonsViewModel vm = lessons(LessonProgress.open(dir));
        vm.goTo(2, 1);
        LessonStep step = vm.currentStep();
        long revision = vm.revisionProperty().get();

        if (step.question() != null) vm.predict(0);
        vm.run();

        assertThat(ran).containsExactlyElementsOf(step.runs());
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progress().runs(step.id())).hasSize(step.runs().size());
        assertThat(vm.revisionProperty().get()).isGreaterThan(revision);
        if (step.question() != null) {
            vm.predict(1);
            assertThat(vm.progress().prediction(step.id())).as("a measured step keeps its prediction").hasValue(0);
        }
    }

    @Test
    void a_lesson_runs_in_a_sandbox_and_only_load_puts_its_settings_in_the_lab() {
        LessonsViewModel vm = lessons(LessonProgress.open(dir));

        vm.run();
        assertThat(loaded).isEmpty();

        vm.loadInLab();
        assertThat(loaded).containsExactly(vm.currentStep().spec());
    }

    @Test
    void a_run_that_fails_to_start_says_why_and_records_nothing() {
        LessonsViewModel vm = new LessonsViewModel(LessonProgress.open(dir), loaded::add,
                spec -> CompletableFuture.failedFuture(new IllegalStateException("a run is going on; stop it first")), Runnable::run);

        vm.run();

        assertThat(vm.messageProperty().get()).isEqualTo("The run failed: a run is going on; stop it first");
        assertThat(vm.progress().runs(vm.currentStep().id())).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
