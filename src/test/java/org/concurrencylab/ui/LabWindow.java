package org.concurrencylab.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.concurrencylab.core.run.RunEngine;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.function.Consumer;

/// The real lab window for TestFX tests: an engine, a view model set up as the test says, the
/// main view with the app's shortcuts on a 1200 × 760 stage. [#close] stops whatever runs and
/// closes the engine (with its demo sites and worker processes).
///
/// @param engine the window's engine
/// @param vm     its view model
/// @param view   its main view
record LabWindow(RunEngine engine, LabViewModel vm, MainView view) {

    /// Shows the window on `stage`, its settings and history in `home`, after `setUp` has set
    /// the view model (fewer tasks, a lower latency, no warm-up…).
    static LabWindow show(Stage stage, Path home, Consumer<LabViewModel> setUp) {
        RunEngine engine = new RunEngine();
        LabViewModel vm = new LabViewModel(engine, Platform::runLater);
        setUp.accept(vm);
        MainView view = new MainView(vm, home);
        Scene scene = new Scene(view, 1200, 760);
        App.installShortcuts(scene, vm, view);
        stage.setScene(scene);
        stage.show();
        return new LabWindow(engine, vm, view);
    }

    /// The set-up of most window tests: short downloads (40 pages at 25 ms), no warm-up.
    static void quickDownloads(LabViewModel vm) {
        vm.latencyMsProperty().set(25);
        vm.downloadTasksProperty().set(40);
        vm.warmupProperty().set(false);
    }

    /// Stops a run, comparison or sweep still going on, then closes the engine.
    void close() {
        Platform.runLater(() -> {
            vm.stopFx();
            view.stopSeriesFx();
        });
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
    }
}
