package org.concurrencylab.ui.shell;

import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.ui.run.RunFormViewModel;
import org.concurrencylab.ui.run.RunViewModel;
import javafx.scene.control.Spinner;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
    private LabShell shell;
    private RunFormViewModel form;
    private RunViewModel run;
    
    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, LabWindow::quickDownloads);
        engine = window.engine();
        shell = window.shell();
        form = shell.form();
        run = shell.run();
    }

    @AfterEach
    void closeEngine() {
        window.close();
    }

    @Test
    void a_tab_not_shown_gets_its_pane_when_it_is_first_opened(FxRobot robot) {
        for (String pane : java.util.List.of("#center-tabs", "#left-tabs")) {
            for (Tab tab : robot.lookup(pane).queryAs(TabPane.class).getTabs()) {
                if (!tab.isSelected()) assertThat(tab.getContent()).as("%s before it is opened", tab.getText()).isNull();
            }
        }
        robot.clickOn("#tab-compare");
        Tab compare = robot.lookup("#center-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertThat(compare.getId()).isEqualTo("tab-compare");
        assertThat(compare.getContent()).isSameAs(shell.panes().compare());
    }

    @Test
    void clicking_run_draws_one_lane_per_pool_thread_as_the_run_happens(FxRobot robot) throws Exception {
        robot.interact(() -> form.set(RunParams.WORKERS, 4));

        robot.clickOn("#run");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.diagram().model().lanes().size() == 4
                && shell.diagram().model().segmentCount() > 0);
        assertThat(shell.diagram().model().lanes()).extracting(lane -> lane.name())
                .containsExactly("pool-1", "pool-2", "pool-3", "pool-4");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !run.runningProperty().get());
        // the FX thread may still be telling the panels that the run ended
        WaitForAsyncUtils.waitForFxEvents();
        RunResult result = run.lastResultProperty().get();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.completed()).isEqualTo(40);
        assertThat(shell.diagram().model().states()).contains(State.WORK, State.IO_WAIT);
        assertThat(shell.diagram().lastFrame().boxes()).isNotEmpty();
        assertThat(robot.lookup("#result-wall").queryAs(Label.class).getText()).startsWith("Wall time");
        assertThat(robot.lookup("#progress-count").queryAs(Label.class).getText()).isEqualTo("40 / 40 pages");
    }

    @Test
    void clicking_stop_mid_run_ends_the_run_and_keeps_its_partial_diagram(FxRobot robot) throws Exception {
        robot.interact(() -> {
            form.modelProperty().set(ModelKind.SYNC);
            form.set(RunParams.LATENCY_MS, 200);
            form.set(RunParams.TASKS, 500);
        });
        robot.clickOn("#model-sync");

        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.diagram().model().segmentCount() >= 2);
        assertThat(robot.lookup("#run").queryAs(Button.class).getText()).isEqualTo("Stop");

        robot.clickOn("#run");

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !run.runningProperty().get());
        RunResult result = run.lastResultProperty().get();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.completed()).isLessThan(500);
        assertThat(shell.diagram().model().lanes()).hasSize(1);
        assertThat(shell.diagram().model().segmentCount()).isGreaterThanOrEqualTo(2);
        assertThat(run.statusProperty().get()).startsWith("Stopped");
        assertThat(robot.lookup("#run").queryAs(Button.class).getText()).isEqualTo("Run");
    }

    @Test
    void space_starts_and_stops_a_run(FxRobot robot) throws Exception {
        robot.interact(() -> {
            form.set(RunParams.LATENCY_MS, 200);
            form.set(RunParams.TASKS, 500);
        });
        robot.clickOn("#model-threads");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> run.runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.diagram().model().segmentCount() > 0);

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !run.runningProperty().get());
        assertThat(run.lastResultProperty().get().cancelled()).isTrue();
    }

    @Test
    void an_out_of_range_number_disables_run_and_says_why(FxRobot robot) {
        robot.doubleClickOn("#param-tasks").eraseText(6).write("0");

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        Label error = robot.lookup("#validation-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Pages: enter a whole number from 1 to 1,000,000");

        robot.write("8");
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void a_malformed_url_is_refused_before_the_run(FxRobot robot) {
        robot.clickOn("#param-urls").write("notaurl");

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(form.errorProperty().get()).contains("notaurl");
    }

    @Test
    void a_lesson_step_loads_its_preset_into_the_controls_and_runs_it_in_the_diagram(FxRobot robot) throws Exception {
        robot.clickOn("#tab-lessons");
        robot.interact(() -> shell.lessons().goTo(2, 2)); // downloading pages: the event loop (steps count from 0)
        org.concurrencylab.core.run.RunSpec preset = shell.lessons().currentStep().spec();
        assertThat(preset.model()).isEqualTo(ModelKind.EVENTLOOP);

        robot.interact(() -> form.set(RunParams.LATENCY_MS, 5));
        robot.clickOn("#lesson-load");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(form.modelProperty().get()).isEqualTo(ModelKind.EVENTLOOP);
        assertThat(robot.lookup("#model-eventloop").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#param-tasks").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(Integer.toString(preset.tasks()));
        assertThat(robot.lookup("#param-latencyMs").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(Integer.toString(preset.latencyMs()));

        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !run.runningProperty().get() && run.lastResultProperty().get() != null
                && run.lastResultProperty().get().spec().model() == ModelKind.EVENTLOOP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.lastResultProperty().get().completed()).isEqualTo(preset.tasks());
        assertThat(shell.diagram().result()).isSameAs(run.lastResultProperty().get());
        String code = WaitForAsyncUtils.asyncFx(() -> shell.panes().code().javaText()).get(10, TimeUnit.SECONDS);
        assertThat(code).contains("EventLoopModel.java").doesNotContain("// end:");
    }

    @Test
    void switching_models_keeps_each_models_worker_count_within_its_limit(FxRobot robot) {
        robot.interact(() -> {
            form.modelProperty().set(ModelKind.PROCESSES);
            form.set(RunParams.WORKERS, 2);
            form.modelProperty().set(ModelKind.THREADS);
            form.set(RunParams.WORKERS, 100);
        });
        @SuppressWarnings("unchecked")
        Spinner<String> spinner = robot.lookup("#param-workers").queryAs(Spinner.class);

        robot.clickOn("#model-eventloop");
        robot.clickOn("#model-processes");
        assertThat(spinner.getEditor().getText()).isEqualTo("2");
        robot.clickOn("#model-threads");
        assertThat(spinner.getEditor().getText()).isEqualTo("100");
        assertThat(form.specProperty().get().workers()).isEqualTo(100);

        robot.clickOn("#model-processes");
        robot.interact(() -> spinner.getEditor().setText("1000"));
        assertThat(form.specProperty().get()).as("1,000 processes cannot run").isNull();
        assertThat(form.errorProperty().get()).isEqualTo("Processes: enter a whole number from 1 to 64");
        assertThat(spinner.getEditor().getText()).as("what was typed stays").isEqualTo("1000");
        assertThat(shell.settings().values().spec(WorkloadKind.DOWNLOAD, ModelKind.PROCESSES).workers())
                .as("the settings keep the last count that could run").isEqualTo(2);
        robot.interact(() -> spinner.increment(1));
        assertThat(spinner.getEditor().getText()).as("an arrow steps back into the range").isEqualTo("64");
    }

    @Test
    void settings_survive_a_field_left_empty_and_a_number_too_big_for_an_int_stays_refused(FxRobot robot) {
        robot.interact(() -> shell.looks().darkProperty().set(true));
        org.concurrencylab.history.Settings before = shell.settings();

        robot.interact(() -> robot.lookup("#param-tasks").queryAs(javafx.scene.control.TextField.class).setText(""));
        org.concurrencylab.history.Settings halfTyped = shell.settings();
        assertThat(halfTyped.spec().tasks()).isEqualTo(before.spec().tasks());
        assertThat(halfTyped.dark()).isTrue();

        robot.interact(() -> robot.lookup("#param-tasks").queryAs(javafx.scene.control.TextField.class).setText("4294967297"));
        assertThat(form.specProperty().get()).as("2^32 + 1 pages is refused, not read as 1").isNull();
    }

    @Test
    void the_main_run_waits_while_a_comparison_or_sweep_runs_and_says_so(FxRobot robot) {
        robot.interact(() -> {
            shell.slot().tryTake(RunSlot.Use.COMPARISON, () -> { });
            run.runFx();
        });
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.statusProperty().get()).contains("stop it first");
    }

    @Test
    void opening_the_run_shown_again_shows_it_afresh(FxRobot robot) throws Exception {
        robot.interact(() -> form.set(RunParams.TASKS, 8));
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !run.runningProperty().get() && run.lastResultProperty().get() != null);
        RunResult result = run.lastResultProperty().get();
        robot.interact(() -> shell.diagram().zoomFx(4));
        robot.sleep(100);
        assertThat(shell.diagram().zoomedProperty().get()).isTrue();

        robot.interact(() -> run.openFx(result, "the same run"));
        robot.sleep(100);
        assertThat(shell.diagram().zoomedProperty().get()).isFalse();
        assertThat(run.statusProperty().get()).startsWith("Opened the same run");
    }
}
