package org.concurrencylab.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.concurrencylab.racelab.LevelCatalogue;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.history.AppHome;
import org.concurrencylab.history.SettingsStore;
import org.concurrencylab.render.PngRenderer;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/// The Concurrency Lab window. The settings are read in [#init()], off the FX thread, and
/// written at the end on the window's I/O thread.
public final class App extends Application {
    /// The window's size when the screen has room for it.
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    /// Called with the shell once the window is shown: the AOT cache's training drives it ([Training]).
    static volatile Consumer<LabShell> onShown;

    private AppHome home;
    private SettingsStore settings;
    private SettingsStore.Loaded loaded;
    private RunEngine engine;
    private LabShell shell;

    public static void main(String[] args) {
        PngRenderer.quietClasspathWarning();
        Thread.ofPlatform().daemon().name("lab-preload").start(App::preload);
        launch(App.class, args);
    }

    /// Reads what the window needs at its start and JavaFX does not, while JavaFX starts: the
    /// race lab's levels (about 0.1 s of the window's start when read on its thread).
    private static void preload() {
        try {
            LevelCatalogue.builtIn();
        } catch (RuntimeException | ExceptionInInitializerError broken) {
            // the window's own read of them fails the same way, with this as the cause
        }
    }

    @Override
    public void init() {
        home = AppHome.resolve();
        settings = SettingsStore.in(home);
        loaded = settings.load();
    }

    @Override
    public void start(Stage stage) {
        PngRenderer.restoreFxLogging();
        engine = new RunEngine();
        shell = new LabShell(engine, home, Platform::runLater);
        shell.restore(loaded.settings());
        if (!loaded.problems().isEmpty()) shell.run().tellFx(String.join(" ", loaded.problems()));
        shell.lessons().progress().loadProblem().ifPresent(shell.run()::tellFx);
        // the window fits the screen it opens on, a projector's 1280 × 720 included
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = sceneSize(screen);
        Scene scene = new Scene(shell.window(), size.getWidth(), size.getHeight());
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("/org/concurrencylab/ui/app.css")).toExternalForm());
        Shortcuts.install(scene, shell);
        applyTheme(shell.looks().darkProperty().get());
        shell.looks().darkProperty().addListener((obs, a, dark) -> applyTheme(dark));
        shell.looks().presentationProperty().addListener((obs, a, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((obs, a, full) -> {
            if (!full) shell.looks().presentationProperty().set(false);
        });
        // Esc stops a run, a comparison or a sweep, or ends a replay first (Shortcuts); only
        // then does it leave presentation mode
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Presentation mode: press F11 to leave (Esc stops a run, a comparison or a sweep first).");
        stage.setTitle("Concurrency Lab");
        stage.getIcons().add(new Image(Objects.requireNonNull(App.class.getResourceAsStream("/org/concurrencylab/ui/icon.png"))));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - scene.getWidth()) / 2));
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - scene.getHeight()) / 2));
        stage.show();
        WindowFirst.start();
        FirstFrame.reportIfAsked(scene);
        PulseWatch.startIfAsked(shell);
        if (onShown != null) onShown.accept(shell);
    }

    /// The window's size on a screen of `visualBounds`: 1280 × 800 where there is room, never
    /// more than the screen (a projector's 1280 × 720).
    static Dimension2D sceneSize(Rectangle2D visualBounds) {
        return new Dimension2D(Math.min(WIDTH, visualBounds.getWidth()), Math.min(HEIGHT, visualBounds.getHeight()));
    }

    /// The AtlantaFX theme the window's own style sheets build on.
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() throws InterruptedException {
        if (shell != null) {
            var toSave = shell.settings();
            shell.ioAndWait(() -> {
                try {
                    settings.save(toSave);
                } catch (IOException | RuntimeException e) {
                    System.err.println("concurrency-lab: the settings could not be saved: " + e.getMessage());
                }
            }, 5);
            shell.close();
        }
        if (engine != null) engine.close();
        // a run still going on holds no thread that keeps the JVM: its workers are daemons,
        // and the engine has killed its worker processes
        System.exit(0);
    }
}
