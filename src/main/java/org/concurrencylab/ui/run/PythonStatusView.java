package org.concurrencylab.ui.run;

import javafx.scene.control.Label;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.python.PythonRuntime;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.TaskExecutor;

/// One line under the runtime choice: which Python the lab found for the article's own programs
/// ("CPython 3.11 · requests ✓ · aiohttp ✗"), or, without one, how to get it. Never an error
/// dialog: without Python every Java run works as before, and a CPython run says why it cannot
/// start in the status bar.
///
/// Thread-safety: FX thread only; the look for Python runs on the I/O thread.
public final class PythonStatusView extends Label {
    static final String LOOKING = "Looking for Python…";

    public PythonStatusView() {
        super(LOOKING);
        setId("python-status");
        setWrapText(true);
        getStyleClass().add("python-status");
    }

    /// Looks for Python on the I/O thread of `tasks` and shows what it found.
    public void lookFx(TaskExecutor tasks) {
        setText(LOOKING);
        BackgroundTask.wrap(PythonRuntime::find).onSuccess(found -> setText(text(found)))
                .onFailure(why -> setText(text(new PythonRuntime.Missing(why)))).executeWith(tasks);
    }

    /// The line for what a look for Python found.
    public static String text(PythonRuntime.Lookup lookup) {
        return switch (lookup) {
            case PythonRuntime.Found(PythonInfo info) -> info.summary();
            case PythonRuntime.Missing(String reason) -> "No CPython for the article's own programs: " + reason
                    + ". Install it from python.org or your package manager (python3), then restart the lab.";
        };
    }
}
