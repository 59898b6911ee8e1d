package org.concurrencylab.ui.lessons;

import org.concurrencylab.core.run.RunParams;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.teach.DecisionGuide;
import org.concurrencylab.teach.Lesson;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.Lessons;
import org.concurrencylab.teach.SmallLessons;
import org.concurrencylab.teach.Verdict;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.ui.FxTestTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/// Walks the lessons pane through every lesson, start to end, with real runs (shrunk to a few
/// tasks): predict, run, see the prediction beside the result, go on; then the guide is full.
@ExtendWith(ApplicationExtension.class)
class LessonsPaneTest {
    @TempDir
    Path dir;
    private Stage stage;
    private RunEngine engine;
    private LessonsPane pane;
    private LessonProgress progress;
    private final List<RunSpec> loaded = new ArrayList<>();
    private final List<RunSpec> ran = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        engine = new RunEngine();
        show(LessonProgress.open(dir), spec -> {
            ran.add(spec);
            return engine.start(SmallLessons.small(spec)).result();
        });
    }

    private void show(LessonProgress newProgress, Function<RunSpec, CompletableFuture<RunResult>> runner) {
        progress = newProgress;
        pane = new LessonsPane(new LessonsViewModel(progress, loaded::add, runner, Platform::runLater),
                new SimpleObjectProperty<>(Palette.articleLight()));
        stage.setScene(FxTestTheme.themed(new Scene(pane, 480, 780)));
        stage.show();
    }

    @AfterEach
    void closeEngine() {
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
    }

    @Test
    void a_learner_walks_every_lesson_from_start_to_end(FxRobot robot) throws Exception {
        int steps = 0;
        for (Lesson lesson : Lessons.all()) {
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                assertThat(text(robot, "#lesson-step-title")).isEqualTo(step.id() + "  " + step.title());
                assertThat(text(robot, "#lesson-step-text")).isEqualTo(step.text());
                int choice = 0;
                if (step.question() != null) {
                    choice = step.question().choices().size() - 1;
                    robot.clickOn("#lesson-choice-" + choice);
                    assertThat(progress.prediction(step.id())).hasValue(choice);
                }

                robot.clickOn("#lesson-run");
                WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !pane.viewModel().runningProperty().get());
                WaitForAsyncUtils.waitForFxEvents();

                assertThat(text(robot, "#lesson-message")).as(step.id()).isEmpty();
                assertThat(progress.runs(step.id())).as(step.id()).hasSize(step.runs().size());
                assertThat(text(robot, "#lesson-measured")).as(step.id()).isNotBlank();
                if (step.question() != null) {
                    assertThat(text(robot, "#lesson-predicted")).isEqualTo(step.question().choices().get(choice));
                    Verdict verdict = Verdict.of(step, progress.prediction(step.id()), progress);
                    if (verdict.status() == Verdict.Status.PENDING) {
                        assertThat(text(robot, "#lesson-verdict")).startsWith("The answer comes once");
                    } else {
                        assertThat(verdict.status()).isIn(Verdict.Status.RIGHT, Verdict.Status.WRONG);
                        assertThat(text(robot, "#lesson-verdict")).isEqualTo(verdict.text());
                    }
                }
                if (step.isSweep()) assertThat(robot.lookup("#lesson-sweep-chart").tryQuery()).isPresent();
                assertThat(robot.lookup("#lesson-run").queryAs(Button.class).getText()).isEqualTo("Run again");
                steps++;

                boolean last = lesson.number() == Lessons.all().size() && i == lesson.steps().size() - 1;
                if (!last) robot.clickOn("#lesson-next");
            }
            assertThat(lesson.completedIn(progress)).isTrue();
        }

        assertThat(steps).isEqualTo(Lessons.all().stream().mapToInt(l -> l.steps().size()).sum());
        assertThat(ran).hasSize(Lessons.all().stream().flatMap(l -> l.steps().stream()).mapToInt(s -> s.runs().size()).sum());
        assertThat(robot.lookup("#lesson-next").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#course-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress()).isEqualTo(1.0);
        Node guide = robot.lookup("#lesson-guide").query();
        assertThat(guide.isVisible()).isTrue();
        assertThat(DecisionGuide.rows(progress)).allMatch(DecisionGuide.Row::measured);
        // the first lesson's race was decided by the last of its runs: every verdict is in
        for (Lesson lesson : Lessons.all()) {
            for (LessonStep step : lesson.steps()) {
                assertThat(Verdict.of(step, progress.prediction(step.id()), progress).status()).as(step.id())
                        .isNotIn(Verdict.Status.PENDING, Verdict.Status.NOT_RUN);
            }
        }
        LessonProgress.Position end = LessonProgress.open(dir).position();
        assertThat(end).isEqualTo(new LessonProgress.Position(7, Lessons.lesson(7).steps().size() - 1));
    }

    @Test
    void a_prediction_cannot_change_once_its_step_has_run(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-choice-0");
        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#lesson-choice-1");

        assertThat(progress.prediction("1.1")).hasValue(0);
        assertThat(robot.lookup("#lesson-choice-0").queryAs(RadioButton.class).isSelected()).isTrue();
    }

    @Test
    void load_hands_the_step_s_spec_to_the_lab_without_running(FxRobot robot) {
        robot.clickOn("#lesson-next");
        robot.clickOn("#lesson-load");

        assertThat(loaded).containsExactly(Lessons.step("1.2").orElseThrow().spec());
        assertThat(ran).isEmpty();
        assertThat(progress.position()).isEqualTo(new LessonProgress.Position(1, 1));
    }

    @Test
    void a_run_that_fails_says_why_in_one_line_and_the_pane_goes_on(FxRobot robot) {
        robot.interact(() -> show(progress, spec -> CompletableFuture.failedFuture(
                new IllegalStateException("the demo sites could not start:\naddress in use"))));

        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#lesson-message")).isEqualTo("The run failed: the demo sites could not start: address in use");
        assertThat(progress.runs("1.1")).isEmpty();
        assertThat(robot.lookup("#lesson-run").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#lesson-next");
        assertThat(text(robot, "#lesson-step-title")).startsWith("1.2");
    }

    @Test
    void a_stopped_run_records_nothing(FxRobot robot) throws Exception {
        robot.interact(() -> show(progress, spec -> {
            var handle = engine.start(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).withTasks(200).with(RunParams.LATENCY_MS, 200)
                    .withWarmup(false));
            handle.cancel();
            return handle.result();
        }));

        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#lesson-message")).startsWith("The run was stopped");
        assertThat(progress.runs("1.1")).isEmpty();
    }

    @Test
    void the_pane_opens_where_the_learner_left_off(FxRobot robot) {
        LessonProgress saved = LessonProgress.open(dir);
        saved.moveTo(new LessonProgress.Position(4, 2));

        robot.interact(() -> show(LessonProgress.open(dir), ran -> CompletableFuture.failedFuture(new IllegalStateException("unused"))));

        assertThat(text(robot, "#lesson-step-title")).startsWith("4.3");
        robot.clickOn("#lesson-back");
        assertThat(text(robot, "#lesson-step-title")).startsWith("4.2");
    }

    @Test
    void a_damaged_progress_file_is_reported_and_the_lessons_start_afresh(FxRobot robot) throws IOException {
        Files.writeString(dir.resolve(LessonProgress.FILE_NAME), "not json");

        robot.interact(() -> show(LessonProgress.open(dir), ran -> CompletableFuture.failedFuture(new IllegalStateException("unused"))));

        assertThat(text(robot, "#lesson-message")).contains("start afresh");
        assertThat(text(robot, "#lesson-step-title")).startsWith("1.1");
    }

    /// The app's theme on a test scene only (the panes' CSS reads its colours).

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
