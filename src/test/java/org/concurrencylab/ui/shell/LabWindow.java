package org.concurrencylab.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.history.AppHome;
import org.concurrencylab.ui.run.RunFormViewModel;
import org.concurrencylab.ui.run.RunViewModel;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/// The real lab window for TestFX tests: an engine and the window's [LabShell], set up as the
/// test says, with the app's theme, style sheet and shortcuts on a 1200 × 760 stage. [#close]
/// stops whatever runs and closes the engine (with its demo sites and worker processes).
///
/// @param engine the window's engine
/// @param shell  the window
public record LabWindow(RunEngine engine, LabShell shell) {

    /// Shows the window on `stage`, its settings and history in `home`, after `setUp` has set
    /// the form (fewer tasks, a lower latency, no warm-up…).
    public static LabWindow show(Stage stage, Path home, Consumer<LabShell> setUp) {
        App.applyTheme(false);
        RunEngine engine = new RunEngine();
        LabShell shell = new LabShell(engine, new AppHome(home), Platform::runLater);
        setUp.accept(shell);
        Scene scene = new Scene(shell.window(), 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("/org/concurrencylab/ui/app.css")).toExternalForm());
        Shortcuts.install(scene, shell);
        stage.setScene(scene);
        stage.show();
        return new LabWindow(engine, shell);
    }

    /// The set-up of most window tests: short downloads (40 pages at 25 ms), no warm-up.
    public static void quickDownloads(LabShell shell) {
        shell.form().set(RunParams.LATENCY_MS, 25);
        shell.form().set(RunParams.TASKS, 40);
        shell.form().set(RunParams.WARMUP, false);
    }

    public RunFormViewModel form() {
        return shell.form();
    }

    public RunViewModel run() {
        return shell.run();
    }

    /// Sets `param` in the form, on the FX thread.
    public <T> void set(Param<T> param, T value) {
        WaitForAsyncUtils.asyncFx(() -> shell.form().set(param, value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Stops a run, comparison or sweep still going on, then closes the engine.
    public void close() {
        Platform.runLater(() -> shell.slot().stop());
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
    }
}
