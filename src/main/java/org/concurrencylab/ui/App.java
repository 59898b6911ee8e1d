package org.concurrencylab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.render.PngRenderer;

import java.util.Objects;

/// The Concurrency Lab window.
public final class App extends Application {
    private RunEngine engine;
    private MainView view;
    private LabViewModel vm;
    private org.concurrencylab.history.AppHome home;
    private org.concurrencylab.history.SettingsStore settings;

    public static void main(String[] args) {
        PngRenderer.quietClasspathWarning();
        launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        PngRenderer.restoreFxLogging();
        engine = new RunEngine();
        vm = new LabViewModel(engine, Platform::runLater);
        home = org.concurrencylab.history.AppHome.resolve();
        settings = org.concurrencylab.history.SettingsStore.in(home);
        org.concurrencylab.history.SettingsStore.Loaded loaded = settings.load();
        vm.applySettingsFx(loaded.settings());
        view = new MainView(vm, home.folder());
        if (!loaded.problems().isEmpty()) vm.tellFx(String.join(" ", loaded.problems()));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("app.css")).toExternalForm());
        installShortcuts(scene, vm, view);
        applyTheme(vm.darkProperty().get());
        vm.darkProperty().addListener((obs, a, dark) -> applyTheme(dark));
        vm.presentationProperty().addListener((obs, a, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((obs, a, full) -> {
            if (!full) vm.presentationProperty().set(false);
        });
        // Esc stops a run, a comparison or a sweep, or ends a replay first (the shortcuts below);
        // only then does it leave presentation mode, so a teacher stopping a run is not thrown
        // out of full screen
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Presentation mode: press F11 to leave (Esc stops a run, a comparison or a sweep first).");
        stage.setTitle("Concurrency Lab");
        stage.getIcons().add(new Image(Objects.requireNonNull(App.class.getResourceAsStream("icon.png"))));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /// Space runs or stops (or plays and pauses a replay), unless the focus is in a text field;
    /// Escape stops a run, else stops a comparison or a sweep (as its Stop button does), else
    /// ends a replay, else leaves presentation mode; F11 toggles presentation mode; Ctrl+C
    /// copies the diagram; Ctrl+O opens a run file; Ctrl+Q quits.
    static void installShortcuts(Scene scene, LabViewModel vm, MainView view) {
        TimingDiagramView diagram = view.diagram();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.SPACE && !typing) {
                if (diagram.replayingProperty().get()) diagram.togglePlayFx();
                else vm.toggleFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.runningProperty().get()) {
                vm.stopFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && view.seriesRunningFx()) {
                view.stopSeriesFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && diagram.replayingProperty().get()) {
                diagram.stopReplayFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.presentationProperty().get()) {
                vm.presentationProperty().set(false);
                e.consume();
            } else if (e.getCode() == KeyCode.F11) {
                vm.presentationProperty().set(!vm.presentationProperty().get());
                e.consume();
            } else if (e.getCode() == KeyCode.C && e.isShortcutDown() && !typing) {
                view.exports().copyFx();
                e.consume();
            } else if (e.getCode() == KeyCode.O && e.isShortcutDown()) {
                view.exports().openFx();
                e.consume();
            } else if (e.getCode() == KeyCode.Q && e.isShortcutDown()) {
                Platform.exit(); // stop() then ends the run and its worker processes
                e.consume();
            }
        });
    }

    @Override
    public void stop() {
        if (vm != null && settings != null) {
            try {
                settings.save(vm.settings());
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("concurrency-lab: the settings could not be saved: " + e.getMessage());
            }
        }
        if (view != null) view.diagram().dispose();
        if (engine != null) engine.close();
        // a run still going on holds no thread that keeps the JVM: its workers are daemons,
        // and the engine has killed its worker processes
        System.exit(0);
    }
}
