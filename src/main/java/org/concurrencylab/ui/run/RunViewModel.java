package org.concurrencylab.ui.run;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.concurrencylab.compare.RunEstimate;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.ui.common.Text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/// The run going on, or the last one shown: its handle, progress, status sentence, result and
/// failed tasks. Runs take the [RunSlot] first, so a run never starts beside a comparison, a
/// sweep or a lesson's run (the status says why instead).
///
/// Thread-safety: FX thread only. Results from the engine's threads come back through the
/// injected `fx` executor (`Platform::runLater` in the app, `Runnable::run` in tests); live
/// progress is pulled by [#refreshFx()], once per frame.
public final class RunViewModel {
    static final String READY = "Ready. Press Run (Space).";

    private final RunEngine engine;
    private final RunSlot slot;
    private final Executor fx;
    private final ObservableValue<RunSpec> formSpec;

    private final ReadOnlyObjectWrapper<RunHandle> handle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper elapsedNanos = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<SystemSample> system = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper peakThreads = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<RunResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TaskOutcome> failures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(READY);
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedUp = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper taskNoun = new ReadOnlyStringWrapper("tasks");
    /// The last synchronous result per comparable work, for the speed-up.
    private final Map<RunSpec, RunResult> syncBaselines = new HashMap<>();
    private Consumer<RunResult> onRunFinished = r -> {};
    private Consumer<String> onStartFailure = text -> {};
    private Predicate<RunEstimate> confirmLarge = estimate -> true;
    private RunSlot.Lease lease;

    /// Runs go to `engine` once they have the `slot`; `formSpec` is what Run runs (null while
    /// the form cannot run); results come back through `fx`.
    public RunViewModel(RunEngine engine, RunSlot slot, Executor fx, ObservableValue<RunSpec> formSpec) {
        this.engine = engine;
        this.slot = slot;
        this.fx = fx;
        this.formSpec = formSpec;
        // a refusal is stale once whatever held the slot has given it back
        slot.addListener(holder -> fx.execute(() -> {
            if (holder.isEmpty() && isBusyText(status.get())) status.set(READY);
        }));
        formSpec.addListener((obs, a, spec) -> {
            if (!running.get() && handle.get() == null && lastResult.get() == null && spec != null) counting(spec);
        });
        if (formSpec.getValue() != null) counting(formSpec.getValue());
    }

    /// The run going on, or the last one started here.
    public ReadOnlyObjectProperty<RunHandle> handleProperty() { return handle.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() { return phase.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty doneProperty() { return done.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty errorsProperty() { return errors.getReadOnlyProperty(); }

    public ReadOnlyLongProperty elapsedNanosProperty() { return elapsedNanos.getReadOnlyProperty(); }

    /// The latest reading of threads, processes, CPU and heap during a run.
    public ReadOnlyObjectProperty<SystemSample> systemProperty() { return system.getReadOnlyProperty(); }

    /// The most platform threads seen alive during the run going on (or the last one).
    public ReadOnlyIntegerProperty peakThreadsProperty() { return peakThreads.getReadOnlyProperty(); }

    /// The run shown: the last one that ended here, or one opened from a file or the history.
    public ReadOnlyObjectProperty<RunResult> lastResultProperty() { return lastResult.getReadOnlyProperty(); }

    /// The failed tasks of the run shown, with their reasons (empty while a run goes on).
    public ObservableList<TaskOutcome> failures() { return FXCollections.unmodifiableObservableList(failures); }

    /// The run shown against the last synchronous run of the same work, for its outcome line
    /// ("4.9× faster than synchronous (14.71 s)"), or empty when there is none to compare with.
    public ReadOnlyStringProperty speedUpProperty() { return speedUp.getReadOnlyProperty(); }

    /// What the tasks of the run shown are, in the plural: "pages", "numbers".
    public ReadOnlyStringProperty taskNounProperty() { return taskNoun.getReadOnlyProperty(); }

    private void counting(RunSpec spec) {
        total.set(spec.tasks());
        taskNoun.set(spec.workload().taskNoun());
    }

    /// One sentence about what is going on, for the status bar.
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /// The last result against the last synchronous run of the same work ("4.9× faster than
    /// synchronous (14.71 s)"), or empty.
    public ReadOnlyStringProperty comparisonProperty() { return comparison.getReadOnlyProperty(); }

    /// Starts the form's run; does nothing if one is going on or the form cannot run. A large
    /// run ([RunEstimate#large]) starts only once `confirmLarge` (see [#setConfirmLarge]) says so.
    public void runFx() {
        RunSpec s = formSpec.getValue();
        if (running.get() || s == null) return;
        RunEstimate estimate = RunEstimate.of(s, Runtime.getRuntime().availableProcessors());
        if (estimate.large() && !confirmLarge.test(estimate)) {
            status.set("Not started: " + String.format(Locale.ROOT, "%,d %s", s.tasks(), s.workload().taskNoun()) + " would take "
                    + estimate.summary() + ".");
            return;
        }
        start(s);
    }

    /// Asks whether a large run of the form should start (the window shows a dialog); true starts it.
    public void setConfirmLarge(Predicate<RunEstimate> confirm) {
        this.confirmLarge = Objects.requireNonNull(confirm, "confirm");
    }

    /// Runs `s` (a lesson's step, a run to run again) without touching the form; the future
    /// completes, on the FX thread, with its result once this view model has taken it in, or
    /// fails with the reason it could not start.
    public CompletableFuture<RunResult> runFx(RunSpec s) {
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("a run is going on; stop it first"));
        RunHandle h = start(s);
        if (h == null) return CompletableFuture.failedFuture(new IllegalStateException(status.get()));
        CompletableFuture<RunResult> taken = new CompletableFuture<>();
        // dependents of a future run in no promised order: one more hop puts this after the
        // view model's own handling of the result
        h.result().whenCompleteAsync((r, t) -> fx.execute(() -> {
            if (t != null) taken.completeExceptionally(t);
            else taken.complete(r);
        }), fx);
        return taken;
    }

    private RunHandle start(RunSpec s) {
        RunHandle[] started = new RunHandle[1];
        Optional<RunSlot.Lease> taken = slot.tryTake(RunSlot.Use.RUN, () -> fx.execute(this::stopFx));
        if (taken.isEmpty()) {
            status.set(slot.busyReason().orElse("Something else is running."));
            return null;
        }
        lease = taken.get();
        RunHandle h = engine.start(s);
        started[0] = h;
        handle.set(h);
        running.set(true);
        phase.set(h.phase());
        done.set(0);
        errors.set(0);
        counting(s);
        elapsedNanos.set(0);
        peakThreads.set(0);
        system.set(null);
        comparison.set("");
        speedUp.set("");
        failures.clear();
        status.set(Text.capitalized(h.phase().label()));
        h.result().whenCompleteAsync((result, failure) -> finished(h, result, failure), fx);
        return started[0];
    }

    /// Stops the run going on (its workers end within 500 ms); the partial trace is kept.
    public void stopFx() {
        RunHandle h = handle.get();
        if (h != null && running.get()) {
            h.cancel();
            status.set("Stopping…");
        }
    }

    /// Run if idle, stop if running (the Space key).
    public void toggleFx() {
        if (running.get()) stopFx();
        else runFx();
    }

    /// Pulls the live progress of the run going on into the properties; called once per frame.
    public void refreshFx() {
        RunHandle h = handle.get();
        if (h == null || !running.get()) return;
        phase.set(h.phase());
        done.set(h.done());
        total.set(h.total());
        errors.set(h.errors());
        if (h.trace() != null) elapsedNanos.set(h.trace().clock().now());
        SystemSample sample = h.system();
        if (sample != null && sample != system.get()) {
            system.set(sample);
            peakThreads.set(Math.max(peakThreads.get(), sample.platformThreads()));
        }
        if (!h.cancelRequested()) {
            status.set(h.phase() == RunPhase.RUNNING
                    ? String.format(Locale.ROOT, "Running: %d of %d %s done", h.done(), h.total(), h.spec().workload().taskNoun())
                    : Text.capitalized(h.phase().label()));
        }
    }

    private void finished(RunHandle h, RunResult result, Throwable failure) {
        if (handle.get() != h) return;
        try {
            phase.set(h.phase());
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.set("The run could not start: " + cause.getMessage());
                onStartFailure.accept(status.get());
            } else {
                showResult(result);
            }
        } finally {
            running.set(false);
            if (lease != null) lease.close();
            lease = null;
        }
    }

    private void showResult(RunResult result) {
        onRunFinished.accept(result);
        show(result);
        peakThreads.set(Math.max(peakThreads.get(), result.peakThreads()));
        RunSpec key = baselineKey(result.spec());
        if (result.spec().model() == ModelKind.SYNC && !result.cancelled()) syncBaselines.put(key, result);
        RunResult baseline = syncBaselines.get(key);
        if (baseline != null && baseline != result && !result.cancelled() && result.wallNanos() > 0) {
            comparison.set(Text.speedUp((double) baseline.wallNanos() / result.wallNanos())
                    + " (" + Ticks.duration(baseline.wallNanos()) + ")");
            speedUp.set(comparison.get());
        } else if (result.spec().model() != ModelKind.SYNC && !result.cancelled()) {
            comparison.set("Run the synchronous model on the same workload to see the speed-up.");
        }
        String errorText = result.errors() == 0 ? "no errors"
                : result.errors() == 1 ? "1 task failed" : result.errors() + " tasks failed";
        status.set(result.cancelled()
                ? String.format(Locale.ROOT, "Stopped after %s: %d of %d %s done", Ticks.duration(result.wallNanos()),
                        result.completed(), result.tasks(), result.spec().workload().taskNoun())
                : String.format(Locale.ROOT, "Finished in %s, %s", Ticks.duration(result.wallNanos()), errorText));
    }

    private void show(RunResult result) {
        taskNoun.set(result.spec().workload().taskNoun());
        done.set(result.completed());
        total.set(result.tasks());
        errors.set(result.errors());
        elapsedNanos.set(result.wallNanos());
        failures.setAll(result.outcomes().stream().filter(o -> !o.ok()).toList());
        lastResult.set(null); // the same run shown again is shown afresh too
        lastResult.set(result);
    }

    /// Shows a run loaded from a file (or the history) as the run shown, for exploring,
    /// replaying and exporting; a run going on is not disturbed.
    public void openFx(RunResult result, String from) {
        if (running.get()) {
            status.set("Stop the run going on first, then open " + from + ".");
            return;
        }
        handle.set(null);
        system.set(null);
        peakThreads.set(0);
        comparison.set("");
        speedUp.set("");
        show(result);
        status.set("Opened " + from + ": " + result.summaryLine());
    }

    /// Tells the user something in the status bar (an export written, a file that could not be read).
    public void tellFx(String text) {
        status.set(text);
    }

    /// Called with every run that ends here (finished or stopped), not with runs opened from files.
    public void setOnRunFinished(Consumer<RunResult> listener) {
        onRunFinished = listener == null ? r -> {} : listener;
    }

    /// Called, on the FX thread, with the sentence saying why a run could not start ("The run
    /// could not start: …", also the status), once per run that fails so.
    public void setOnStartFailure(Consumer<String> listener) {
        onStartFailure = listener == null ? text -> {} : listener;
    }

    /// The work of `s` with the model and its settings left out: runs of the same work compare.
    private static RunSpec baselineKey(RunSpec s) {
        return s.withModel(ModelKind.SYNC).withWarmup(true);
    }

    private static boolean isBusyText(String text) {
        for (RunSlot.Use use : RunSlot.Use.values()) if (use.busyText().equals(text)) return true;
        return false;
    }
}
