package org.concurrencylab.ui.shell;

import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.ui.run.RunFormViewModel;
import org.concurrencylab.ui.run.RunViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/// Drives the real window's Esc key: it stops the main run, else a comparison or a sweep (as
/// their Stop buttons do), else a replay, else presentation mode.
@ExtendWith(ApplicationExtension.class)
class EscapeKeyTest {
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

    /// The engine's run threads and the series' threads alive now.
    private static Set<Thread> runThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("run-") || t.getName().startsWith("series-")))
                .collect(Collectors.toSet());
    }

    @Test
    void esc_stops_a_running_comparison_before_leaving_presentation_and_the_window_runs_again(FxRobot robot) throws Exception {
        Set<Thread> before = runThreads();
        robot.interact(() -> shell.looks().presentationProperty().set(true));
        robot.clickOn("#tab-compare");
        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.compare().series().runningProperty().get());
        Button stop = robot.lookup("#compare-start").queryButton();
        assertThat(stop.getText()).isEqualTo("Stop");
        assertThat(stop.getTooltip().getText()).contains("Esc");
        robot.clickOn("#run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.runningProperty().get()).as("no run beside a comparison").isFalse();
        assertThat(run.statusProperty().get()).contains("stop it first");

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shell.compare().series().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.statusProperty().get()).as("the refusal is gone with the comparison").isEqualTo("Ready. Press Run (Space).");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-status").queryAs(Label.class).getText()).startsWith("Stopped after ").endsWith(" of 7 runs.");
        assertThat(shell.compare().comparisonProperty().get().rows()).hasSizeLessThan(7);
        assertThat(stop.getText()).isEqualTo("Compare all models");
        assertThat(stop.getTooltip()).isNull();
        assertThat(shell.slot().holder()).isEmpty();
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(shell.looks().presentationProperty().get()).as("the first Esc only stops the comparison").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> before.containsAll(runThreads()));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.looks().presentationProperty().get()).isFalse();

        assertThat(run.lastResultProperty().get()).isNull();
        robot.interact(() -> form.set(RunParams.TASKS, 4));
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !run.runningProperty().get() && run.lastResultProperty().get() != null);
        RunResult result = run.lastResultProperty().get();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.completed()).isEqualTo(4);
    }

    @Test
    void a_sweep_waits_for_the_main_run_and_esc_stops_the_run_then_the_sweep(FxRobot robot) throws Exception {
        Set<Thread> before = runThreads();
        robot.interact(() -> {
            form.set(RunParams.LATENCY_MS, 100);
            form.set(RunParams.TASKS, 300);
        });
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.runningProperty().get());
        robot.clickOn("#tab-sweep");
        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.sweep().series().runningProperty().get()).as("no sweep beside a run").isFalse();
        assertThat(robot.lookup("#sweep-status").queryAs(Label.class).getText()).startsWith("A run is going on: stop it first");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !run.runningProperty().get());
        assertThat(run.lastResultProperty().get().cancelled()).isTrue();

        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.sweep().series().runningProperty().get());
        Button stop = robot.lookup("#sweep-start").queryButton();
        assertThat(stop.getText()).isEqualTo("Stop");
        assertThat(stop.getTooltip().getText()).contains("Esc");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shell.sweep().series().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sweep-status").queryAs(Label.class).getText()).startsWith("Stopped: ");
        assertThat(stop.getText()).isEqualTo("Sweep");
        assertThat(robot.lookup("#sweep-values").query().isDisabled()).isFalse();
        assertThat(shell.slot().holder()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> before.containsAll(runThreads()));
    }
}
