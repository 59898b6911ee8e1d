package org.concurrencylab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Drives the real window: click Run, see lanes appear; click Stop mid-run; keyboard; validation.
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path labHome;
    private RunEngine engine;
    private LabViewModel vm;
    private MainView view;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, LabWindow::quickDownloads);
        engine = window.engine();
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void closeEngine() {
        window.close();
    }

    @Test
    void clicking_run_draws_one_lane_per_pool_thread_as_the_run_happens(FxRobot robot) throws Exception {
        robot.interact(() -> vm.workersProperty().set(4));

        robot.clickOn("#run");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.diagram().model().lanes().size() == 4
                && view.diagram().model().segmentCount() > 0);
        assertThat(view.diagram().model().lanes()).extracting(lane -> lane.name())
                .containsExactly("pool-1", "pool-2", "pool-3", "pool-4");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        RunResult result = vm.lastResultProperty().get();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.completed()).isEqualTo(40);
        assertThat(view.diagram().model().states()).contains(State.WORK, State.IO_WAIT);
        assertThat(view.diagram().lastFrame().boxes()).isNotEmpty();
        assertThat(robot.lookup("#result-wall").queryAs(Label.class).getText()).startsWith("Wall time");
        assertThat(robot.lookup("#progress-count").queryAs(Label.class).getText()).isEqualTo("40 / 40 pages");
    }

    @Test
    void clicking_stop_mid_run_ends_the_run_and_keeps_its_partial_diagram(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.modelProperty().set(ModelKind.SYNC);
            vm.latencyMsProperty().set(200);
            vm.downloadTasksProperty().set(500);
        });
        robot.clickOn("#model-sync");

        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.diagram().model().segmentCount() >= 2);
        assertThat(robot.lookup("#run").queryAs(Button.class).getText()).isEqualTo("Stop");

        robot.clickOn("#run");

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        RunResult result = vm.lastResultProperty().get();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.completed()).isLessThan(500);
        assertThat(view.diagram().model().lanes()).hasSize(1);
        assertThat(view.diagram().model().segmentCount()).isGreaterThanOrEqualTo(2);
        assertThat(vm.statusProperty().get()).startsWith("Stopped");
        assertThat(robot.lookup("#run").queryAs(Button.class).getText()).isEqualTo("Run");
    }

    @Test
    void space_starts_and_stops_a_run(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.latencyMsProperty().set(200);
            vm.downloadTasksProperty().set(500);
        });
        robot.clickOn("#model-threads");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.diagram().model().segmentCount() > 0);

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.lastResultProperty().get().cancelled()).isTrue();
    }

    @Test
    void an_out_of_range_number_disables_run_and_says_why(FxRobot robot) {
        robot.doubleClickOn("#pages").eraseText(6).write("0");

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        Label error = robot.lookup("#validation-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("between 1 and");

        robot.write("8");
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void a_malformed_url_is_refused_before_the_run(FxRobot robot) {
        robot.clickOn("#urls").write("notaurl");

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(vm.validationErrorProperty().get()).contains("notaurl");
    }

    @Test
    void a_lesson_step_loads_its_preset_into_the_controls_and_runs_it_in_the_diagram(FxRobot robot) throws Exception {
        robot.clickOn("#tab-lessons");
        robot.interact(() -> view.lessons().goToFx(2, 2)); // downloading pages: the event loop (steps count from 0)
        org.concurrencylab.core.run.RunSpec preset = view.lessons().currentStep().spec();
        assertThat(preset.model()).isEqualTo(ModelKind.EVENTLOOP);

        robot.interact(() -> vm.latencyMsProperty().set(5));
        robot.clickOn("#lesson-load");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.modelProperty().get()).isEqualTo(ModelKind.EVENTLOOP);
        assertThat(robot.lookup("#model-eventloop").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#pages").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(Integer.toString(preset.tasks()));
        assertThat(robot.lookup("#latency").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(Integer.toString(preset.latencyMs()));

        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.lastResultProperty().get() != null
                && vm.lastResultProperty().get().spec().model() == ModelKind.EVENTLOOP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.lastResultProperty().get().completed()).isEqualTo(preset.tasks());
        assertThat(view.diagram().result()).isSameAs(vm.lastResultProperty().get());
        assertThat(view.code().javaText()).contains("EventLoopModel.java").doesNotContain("// end:");
    }

    @Test
    void switching_models_keeps_each_models_worker_count_within_its_limit(FxRobot robot) {
        robot.interact(() -> {
            vm.modelProperty().set(ModelKind.THREADS);
            vm.workersProperty().set(100);
            vm.processesProperty().set(2);
        });
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> spinner = robot.lookup("#workers").queryAs(javafx.scene.control.Spinner.class);

        robot.clickOn("#model-eventloop");
        robot.clickOn("#model-processes");
        assertThat(spinner.getValue()).isEqualTo(2);
        robot.clickOn("#model-threads");

        assertThat(spinner.getValue()).isEqualTo(100);
        assertThat(vm.workersProperty().get()).isEqualTo(100);
        assertThat(vm.processesProperty().get()).isEqualTo(2);
        robot.clickOn("#model-processes");
        robot.interact(() -> spinner.getValueFactory().setValue(1000));
        assertThat(vm.processesProperty().get()).as("a process pool's limit").isEqualTo(org.concurrencylab.core.run.RunSpec.MAX_PROCESSES);
    }

    @Test
    void settings_survive_a_field_left_empty_and_a_number_too_big_for_an_int_stays_refused(FxRobot robot) {
        robot.interact(() -> vm.darkProperty().set(true));
        org.concurrencylab.history.Settings before = vm.settings();

        robot.interact(() -> robot.lookup("#pages").queryAs(javafx.scene.control.TextField.class).setText(""));
        org.concurrencylab.history.Settings halfTyped = vm.settings();
        assertThat(halfTyped.downloadTasks()).isEqualTo(before.downloadTasks());
        assertThat(halfTyped.dark()).isTrue();

        robot.interact(() -> robot.lookup("#pages").queryAs(javafx.scene.control.TextField.class).setText("4294967297"));
        assertThat(vm.specProperty().get()).as("2^32 + 1 pages is refused, not read as 1").isNull();
    }

    @Test
    void the_main_run_waits_while_a_comparison_or_sweep_runs_and_says_so(FxRobot robot) {
        robot.interact(() -> {
            vm.seriesRunningProperty().unbind();
            vm.seriesRunningProperty().set(true);
            vm.runFx();
        });
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("stop it first");
    }

    @Test
    void opening_the_run_shown_again_shows_it_afresh(FxRobot robot) throws Exception {
        robot.interact(() -> vm.downloadTasksProperty().set(8));
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.lastResultProperty().get() != null);
        RunResult result = vm.lastResultProperty().get();
        robot.interact(() -> view.diagram().zoomFx(4));
        robot.sleep(100);
        assertThat(view.diagram().zoomedProperty().get()).isTrue();

        robot.interact(() -> vm.openFx(result, "the same run"));
        robot.sleep(100);
        assertThat(view.diagram().zoomedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Opened the same run");
    }
}
