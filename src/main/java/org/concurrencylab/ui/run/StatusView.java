package org.concurrencylab.ui.run;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.diagram.Ticks;
import org.controlsfx.control.StatusBar;

import java.util.Locale;

/// The status bar: one sentence about what is going on, the live figures of the process, the
/// run's progress, its elapsed time and its errors.
///
/// Thread-safety: FX thread only.
public final class StatusView extends StatusBar {
    public StatusView(RunViewModel run) {
        setId("status");
        textProperty().bind(run.statusProperty());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            if (run.runningProperty().get() && run.phaseProperty().get() != RunPhase.RUNNING) {
                return ProgressBar.INDETERMINATE_PROGRESS;
            }
            int total = run.totalProperty().get();
            return total == 0 ? 0 : (double) run.doneProperty().get() / total;
        }, run.doneProperty(), run.totalProperty(), run.runningProperty(), run.phaseProperty()));
        Label count = new Label();
        count.setId("progress-count");
        // the progress and the errors stay whole in a narrow window; the sentence and the figures give way
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d / %d %s",
                run.doneProperty().get(), run.totalProperty().get(), run.taskNounProperty().get()),
                run.doneProperty(), run.totalProperty(), run.taskNounProperty()));
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.setMinWidth(70);
        elapsed.setAlignment(Pos.CENTER_RIGHT);
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> run.handleProperty().get() == null
                && run.lastResultProperty().get() == null ? "–" : Ticks.duration(run.elapsedNanosProperty().get()),
                run.elapsedNanosProperty(), run.handleProperty(), run.lastResultProperty()));
        Label errors = new Label();
        errors.setId("errors");
        errors.setMinWidth(Region.USE_PREF_SIZE);
        errors.textProperty().bind(Bindings.createStringBinding(() -> {
            int e = run.errorsProperty().get();
            return e == 1 ? "1 error" : e + " errors";
        }, run.errorsProperty()));
        errors.styleProperty().bind(Bindings.when(run.errorsProperty().greaterThan(0))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        Label figures = new Label();
        figures.setId("system");
        figures.setTooltip(new Tooltip("Platform threads alive (peak), child processes, CPU use of this process "
                + "(100% = one core), heap in use. Virtual threads are not platform threads."));
        figures.textProperty().bind(Bindings.createStringBinding(() -> {
            SystemSample s = run.systemProperty().get();
            if (s == null) return "";
            return String.format(Locale.ROOT, "threads %d (peak %d) · processes %d · CPU %.0f%% · heap %d MB",
                    s.platformThreads(), run.peakThreadsProperty().get(), s.childProcesses(), s.cpuPercent(),
                    s.heapUsedBytes() >> 20);
        }, run.systemProperty(), run.peakThreadsProperty()));
        getRightItems().addAll(figures, new Separator(Orientation.VERTICAL), count, new Separator(Orientation.VERTICAL),
                progress, new Separator(Orientation.VERTICAL), elapsed, new Separator(Orientation.VERTICAL), errors);
    }
}
