package org.concurrencylab.ui.run;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.python.PythonRuntime;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.TaskExecutor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;

/// Under the runtime choice: the interpreter the article's own programs run on (a path, or empty
/// for `python3` on the PATH; remembered with the settings) and one line saying which Python
/// that is ("CPython 3.11 · requests ✓ · aiohttp ✗") or, without one, how to get it. Never an
/// error dialog: without Python every Java run works as before, and a CPython run says why it
/// cannot start in the status bar.
///
/// Thread-safety: FX thread only; the look for Python runs on the I/O thread, the first one once the
/// view has been drawn.
public final class PythonStatusView extends VBox {
    static final String LOOKING = "Looking for Python…";

    private final Label line = new Label(LOOKING);
    private final TextField path = new TextField();
    private final TaskExecutor tasks;
    private final Consumer<Path> use;
    private String looked;
    /// The look waiting for the window's first frame, if any. The look starts a process (the
    /// interpreter, and before it a version manager's `python3` shim such as pyenv's, about 0.1 s
    /// of CPU): a fresh window on two cores would share its cores with it before its first frame.
    private Runnable pending;
    private boolean drawn;

    /// A view that looks for Python on the I/O thread of `tasks` and hands the interpreter to
    /// `use` (null: `python3` on the PATH) whenever its path changes.
    public PythonStatusView(TaskExecutor tasks, Consumer<Path> use) {
        super(4);
        this.tasks = tasks;
        this.use = use;
        line.setId("python-status");
        line.setWrapText(true);
        path.setId("python-path");
        path.setPromptText("python3 on the PATH");
        path.setTooltip(new Tooltip("The Python interpreter of the CPython runtime; leave empty for python3 on the PATH"));
        path.setOnAction(e -> lookFx());
        path.focusedProperty().addListener((obs, was, is) -> {
            if (!is) lookFx();
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        Label label = new Label("Python");
        label.setLabelFor(path);
        getChildren().addAll(new HBox(8, label, path), line);
        getStyleClass().add("python-status");
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene scene) {
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Runnable[] laidOut = new Runnable[1];
                laidOut[0] = () -> {
                    scene.removePostLayoutPulseListener(laidOut[0]);
                    // after the pulse that lays the view out has drawn its frame
                    Platform.runLater(() -> drawnFx());
                };
                scene.addPostLayoutPulseListener(laidOut[0]);
            }
        });
    }

    private void drawnFx() {
        drawn = true;
        if (pending != null) pending.run();
        pending = null;
    }

    /// Shows `executable` (empty: the PATH's) and looks for it.
    public void showFx(String executable) {
        path.setText(executable == null ? "" : executable.strip());
        lookFx();
    }

    /// The interpreter as typed: a path, or empty for `python3` on the PATH.
    public String executable() {
        return path.getText() == null ? "" : path.getText().strip();
    }

    /// The line shown now.
    public String text() {
        return line.getText();
    }

    private void lookFx() {
        String typed = executable();
        if (typed.equals(looked)) return;
        looked = typed;
        line.setText(LOOKING);
        Path executable;
        try {
            executable = typed.isEmpty() ? null : Path.of(typed);
        } catch (InvalidPathException e) {
            line.setText(text(new PythonRuntime.Missing("'" + typed + "' is not a path")));
            return;
        }
        use.accept(executable);
        Runnable look = () -> BackgroundTask.wrap(() -> executable == null ? PythonRuntime.find() : PythonRuntime.at(executable))
                .onSuccess(found -> {
                    if (typed.equals(looked)) line.setText(text(found));
                })
                .onFailure(why -> {
                    if (typed.equals(looked)) line.setText(text(new PythonRuntime.Missing(why)));
                })
                .executeWith(tasks);
        if (drawn) look.run();
        else pending = look;
    }

    /// The line for what a look for Python found.
    public static String text(PythonRuntime.Lookup lookup) {
        return switch (lookup) {
            case PythonRuntime.Found(PythonInfo info) -> info.summary();
            case PythonRuntime.Missing(String reason) -> "No CPython for the article's own programs: " + reason
                    + ". Install it from python.org or your package manager (python3), or give its path above.";
        };
    }
}
