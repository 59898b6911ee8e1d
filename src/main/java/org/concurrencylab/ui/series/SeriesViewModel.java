package org.concurrencylab.ui.series;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.concurrencylab.compare.SeriesRun;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/// A series of runs one after another, as Compare and Sweep make them: it takes the [RunSlot],
/// runs the specs on the engine, keeps each run that ends (in the history), and says how far it
/// is, what could not run, and how it ended. What the runs add up to (a comparison, a sweep) is
/// the pane's own: it is told each finished run.
///
/// Thread-safety: FX thread only. The series runs on its own thread; its reports come back
/// through the injected `fx` executor.
public final class SeriesViewModel {
    /// What a series pane does with its runs.
    public interface Results {
        /// The series starts afresh.
        void cleared();

        /// `done` are the runs that went to their end so far, in order.
        void finished(List<RunResult> done);
    }

    private final RunEngine engine;
    private final RunSlot slot;
    private final RunSlot.Use use;
    private final Executor fx;
    private final Consumer<RunResult> keep;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status;
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private SeriesRun series;

    /// A series of kind `use` on `engine`; `keep` receives every run that ends; `idleText` is
    /// the status before any series.
    public SeriesViewModel(RunEngine engine, RunSlot slot, RunSlot.Use use, Executor fx, Consumer<RunResult> keep,
                           String idleText) {
        this.engine = engine;
        this.slot = slot;
        this.use = use;
        this.fx = fx;
        this.keep = keep;
        this.status = new ReadOnlyStringWrapper(idleText);
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /// How far the series is, from 0 to 1.
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /// One sentence: what runs now, why nothing started, or how the series ended.
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /// One line per run that could not be done.
    public ObservableList<String> failures() { return FXCollections.unmodifiableObservableList(failures); }

    /// Says `text` in the status (a problem found before starting).
    public void tell(String text) {
        status.set(text);
    }

    /// Runs `specs` one after another; `label` names run `index` for the status ("threads (5)");
    /// `results` is told every run that ends. Refused, saying why, while something else runs.
    /// `summary` words the end: it gets the outcome and returns the sentence.
    public void start(List<RunSpec> specs, BiFunction<Integer, RunSpec, String> label, Results results,
                      BiFunction<SeriesRun.Outcome, Integer, String> summary) {
        if (running.get()) return;
        Optional<RunSlot.Lease> taken = slot.tryTake(use, () -> fx.execute(this::cancel));
        if (taken.isEmpty()) {
            status.set(slot.busyReason().orElse("Something else is running."));
            return;
        }
        RunSlot.Lease lease = taken.get();
        failures.clear();
        results.cleared();
        List<RunResult> done = new ArrayList<>();
        running.set(true);
        progress.set(0);
        status.set("Starting " + specs.size() + " runs…");
        SeriesRun mine;
        try {
            mine = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
                @Override
                public void runStarted(int index, int total, RunSpec spec, RunHandle handle) {
                    fx.execute(() -> {
                        progress.set((double) index / total);
                        status.set(String.format(Locale.ROOT, "Run %d of %d: %s…", index + 1, total, label.apply(index, spec)));
                    });
                }

                @Override
                public void runFinished(int index, int total, RunResult result) {
                    fx.execute(() -> {
                        keep.accept(result);
                        if (result.cancelled()) return;
                        done.add(result);
                        progress.set((double) (index + 1) / total);
                        results.finished(List.copyOf(done));
                    });
                }

                @Override
                public void runFailed(int index, int total, RunSpec spec, String message) {
                    fx.execute(() -> failures.add(label.apply(index, spec) + " could not run: " + message));
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            running.set(false);
            status.set("The series could not start: " + e.getMessage());
            return;
        }
        series = mine;
        mine.outcome().whenComplete((outcome, error) -> fx.execute(() -> {
            lease.close();
            if (series != mine) return;
            running.set(false);
            status.set(error != null ? "The series failed: " + error.getMessage() : summary.apply(outcome, mine.total()));
        }));
    }

    /// Stops the run going on and the rest of the series; the runs that ended stay.
    public void cancel() {
        if (series != null) series.cancel();
    }
}
