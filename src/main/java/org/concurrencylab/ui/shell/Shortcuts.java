package org.concurrencylab.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.concurrencylab.ui.diagram.TimingDiagram;

/// The window's keys. Space runs or stops (or plays and pauses a replay), unless the focus is in
/// a text field; Escape stops whatever runs (a run, a comparison, a sweep: what holds the run
/// slot), else ends a replay, else leaves presentation mode, so a teacher stopping a run is not
/// thrown out of full screen; F11 toggles presentation mode; Ctrl+C copies the diagram; Ctrl+O
/// opens a run file; Ctrl+Q quits.
///
/// Thread-safety: FX thread only.
public final class Shortcuts {
    private Shortcuts() {}

    public static void install(Scene scene, LabShell shell) {
        TimingDiagram diagram = shell.diagram();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.SPACE && !typing) {
                if (diagram.replayingProperty().get()) diagram.togglePlayFx();
                else shell.run().toggleFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && shell.slot().stop()) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && diagram.replayingProperty().get()) {
                diagram.stopReplayFx();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && shell.looks().presentationProperty().get()) {
                shell.looks().presentationProperty().set(false);
                e.consume();
            } else if (e.getCode() == KeyCode.F11) {
                shell.looks().presentationProperty().set(!shell.looks().presentationProperty().get());
                e.consume();
            } else if (e.getCode() == KeyCode.C && e.isShortcutDown() && !typing) {
                shell.exports().copyFx();
                e.consume();
            } else if (e.getCode() == KeyCode.O && e.isShortcutDown()) {
                shell.exports().openFx();
                e.consume();
            } else if (e.getCode() == KeyCode.Q && e.isShortcutDown()) {
                Platform.exit(); // stop() then ends the run and its worker processes
                e.consume();
            }
        });
    }
}
