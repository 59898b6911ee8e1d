package org.concurrencylab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.diagram.Ticks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/// The state of the lab window: what to run, the run going on, and the last result.
///
/// Thread-safety: FX thread only. Results from the engine's threads come back through the
/// injected `fxExecutor` (`Platform::runLater` in the app, `Runnable::run` in tests); live
/// progress is pulled by [#refreshFx()], which the view calls once per frame.
public final class LabViewModel {
    private final RunEngine engine;
    private final Executor fxExecutor;

    private final ObjectProperty<WorkloadKind> workload = new SimpleObjectProperty<>(WorkloadKind.DOWNLOAD);
    private final ObjectProperty<ModelKind> model = new SimpleObjectProperty<>(ModelKind.THREADS);
    private final IntegerProperty workers = new SimpleIntegerProperty(RunSpec.defaultWorkers(ModelKind.THREADS));
    private final IntegerProperty processes = new SimpleIntegerProperty(RunSpec.defaultWorkers(ModelKind.PROCESSES));
    private final IntegerProperty downloadTasks = new SimpleIntegerProperty(WorkloadKind.DOWNLOAD.defaultTasks());
    private final IntegerProperty cpuTasks = new SimpleIntegerProperty(WorkloadKind.CPU.defaultTasks());
    private final IntegerProperty raceTasks = new SimpleIntegerProperty(WorkloadKind.RACE.defaultTasks());
    private final IntegerProperty increments = new SimpleIntegerProperty(RunSpec.DEFAULT_INCREMENTS);
    private final ObjectProperty<Step.CounterMode> counterMode = new SimpleObjectProperty<>(Step.CounterMode.UNSAFE);
    private final IntegerProperty cpuMs = new SimpleIntegerProperty(RunSpec.DEFAULT_CPU_MS);
    private final IntegerProperty connectTimeoutMs = new SimpleIntegerProperty(RunSpec.DEFAULT_CONNECT_TIMEOUT_MS);
    private final IntegerProperty readTimeoutMs = new SimpleIntegerProperty(RunSpec.DEFAULT_READ_TIMEOUT_MS);
    private final IntegerProperty maxConnections = new SimpleIntegerProperty(RunSpec.DEFAULT_MAX_CONNECTIONS);
    private final BooleanProperty gil = new SimpleBooleanProperty(false);
    private final IntegerProperty switchMs = new SimpleIntegerProperty(RunSpec.DEFAULT_SWITCH_MS);
    private final ReadOnlyObjectWrapper<SystemSample> system = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper peakThreads = new ReadOnlyIntegerWrapper();
    private final LongProperty base = new SimpleLongProperty(5_000_000L);
    private final IntegerProperty latencyMs = new SimpleIntegerProperty(90);
    private final StringProperty urls = new SimpleStringProperty("");
    private final BooleanProperty warmup = new SimpleBooleanProperty(true);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty colorBlind = new SimpleBooleanProperty(false);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final BooleanProperty seriesRunning = new SimpleBooleanProperty(false);

    private final ReadOnlyStringWrapper validationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunHandle> handle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper elapsedNanos = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<RunResult> lastResult = new ReadOnlyObjectWrapper<>();
    private static final String READY = "Ready. Press Run (Space).";
    private static final String SERIES_RUNNING = "A comparison or a sweep is running: stop it first (Stop in its tab, or Esc).";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(READY);
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");

    /// The last synchronous result per comparable workload, for the speed-up.
    private final Map<String, RunResult> syncBaselines = new HashMap<>();

    public LabViewModel(RunEngine engine, Executor fxExecutor) {
        this.engine = engine;
        this.fxExecutor = fxExecutor;
        ChangeListener<Object> revalidate = (obs, a, b) -> validate();
        for (var p : List.of(workload, model, workers, processes, downloadTasks, cpuTasks, raceTasks, increments,
                counterMode, cpuMs, connectTimeoutMs, readTimeoutMs, maxConnections, gil, switchMs, base, latencyMs, urls,
                warmup)) {
            p.addListener(revalidate);
        }
        validate();
        // the refusal is stale once the comparison or sweep has ended
        seriesRunning.addListener((obs, was, now) -> {
            if (!now && SERIES_RUNNING.equals(status.get())) status.set(READY);
        });
    }

    public ObjectProperty<WorkloadKind> workloadProperty() { return workload; }

    public ObjectProperty<ModelKind> modelProperty() { return model; }

    /// Threads of the thread pool.
    public IntegerProperty workersProperty() { return workers; }

    /// Processes of the process pool.
    public IntegerProperty processesProperty() { return processes; }

    /// Tasks of the race workload.
    public IntegerProperty raceTasksProperty() { return raceTasks; }

    public IntegerProperty incrementsProperty() { return increments; }

    public ObjectProperty<Step.CounterMode> counterModeProperty() { return counterMode; }

    /// The mixed workload's heavy parse, in ms of CPU per page.
    public IntegerProperty cpuMsProperty() { return cpuMs; }

    /// How long a download may take to open its connection, in ms.
    public IntegerProperty connectTimeoutMsProperty() { return connectTimeoutMs; }

    /// How long a download may wait for its response, in ms.
    public IntegerProperty readTimeoutMsProperty() { return readTimeoutMs; }

    public IntegerProperty maxConnectionsProperty() { return maxConnections; }

    /// The simulated GIL ("Python mode").
    public BooleanProperty gilProperty() { return gil; }

    public IntegerProperty switchMsProperty() { return switchMs; }

    /// The latest reading of threads, processes, CPU and heap during a run.
    public ReadOnlyObjectProperty<SystemSample> systemProperty() { return system.getReadOnlyProperty(); }

    /// The most platform threads seen alive during the run going on (or the last one).
    public ReadOnlyIntegerProperty peakThreadsProperty() { return peakThreads.getReadOnlyProperty(); }

    /// Pages to download (the Download workload's task count).
    public IntegerProperty downloadTasksProperty() { return downloadTasks; }

    /// Numbers to sum (the Sum of squares workload's task count).
    public IntegerProperty cpuTasksProperty() { return cpuTasks; }

    public LongProperty baseProperty() { return base; }

    public IntegerProperty latencyMsProperty() { return latencyMs; }

    /// Pages to download instead of the demo sites, one URL per line (blank: the demo sites).
    public StringProperty urlsProperty() { return urls; }

    public BooleanProperty warmupProperty() { return warmup; }

    /// Why the current settings cannot run (empty when they can).
    public ReadOnlyStringProperty validationErrorProperty() { return validationError.getReadOnlyProperty(); }

    /// The spec the settings describe, or null when they are invalid.
    public ReadOnlyObjectProperty<RunSpec> specProperty() { return spec.getReadOnlyProperty(); }

    /// The run going on, or the last one.
    public ReadOnlyObjectProperty<RunHandle> handleProperty() { return handle.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() { return phase.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty doneProperty() { return done.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty errorsProperty() { return errors.getReadOnlyProperty(); }

    public ReadOnlyLongProperty elapsedNanosProperty() { return elapsedNanos.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RunResult> lastResultProperty() { return lastResult.getReadOnlyProperty(); }

    /// One sentence about what is going on, for the status bar.
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /// The last result against the last synchronous run of the same workload ("4.9× faster than
    /// synchronous (14.71 s)"), or empty.
    public ReadOnlyStringProperty comparisonProperty() { return comparison.getReadOnlyProperty(); }

    /// Starts a run with the current settings; does nothing if one is going on or the settings
    /// are invalid.
    public void runFx() {
        RunSpec s = spec.get();
        if (running.get() || s == null) return;
        if (seriesRunning.get()) {
            status.set(SERIES_RUNNING);
            return;
        }
        RunHandle h = engine.start(s);
        handle.set(h);
        running.set(true);
        phase.set(h.phase());
        done.set(0);
        errors.set(0);
        total.set(s.tasks());
        elapsedNanos.set(0);
        peakThreads.set(0);
        system.set(null);
        comparison.set("");
        status.set(h.phase().label());
        h.result().whenCompleteAsync((result, failure) -> finished(h, result, failure), fxExecutor);
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
            status.set(switch (h.phase()) {
                case RUNNING -> String.format(Locale.ROOT, "Running: %d of %d %s done", h.done(), h.total(),
                        h.spec().workload().taskNoun());
                default -> h.phase().label().substring(0, 1).toUpperCase(Locale.ROOT) + h.phase().label().substring(1);
            });
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
        }
    }

    private java.util.function.Consumer<RunResult> onRunFinished = r -> {};
    private java.util.function.Consumer<String> onStartFailure = text -> {};

    private void showResult(RunResult result) {
        onRunFinished.accept(result);
        done.set(result.completed());
        total.set(result.tasks());
        errors.set(result.errors());
        elapsedNanos.set(result.wallNanos());
        peakThreads.set(Math.max(peakThreads.get(), result.peakThreads()));
        lastResult.set(result);
        String key = baselineKey(result.spec());
        if (result.spec().model() == ModelKind.SYNC && !result.cancelled()) syncBaselines.put(key, result);
        RunResult baseline = syncBaselines.get(key);
        if (baseline != null && baseline != result && !result.cancelled() && result.wallNanos() > 0) {
            double speedUp = (double) baseline.wallNanos() / result.wallNanos();
            comparison.set(String.format(Locale.ROOT, "%.1f× %s than synchronous (%s)", speedUp >= 1 ? speedUp : 1 / speedUp,
                    speedUp >= 1 ? "faster" : "slower", Ticks.duration(baseline.wallNanos())));
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

    /// The engine runs go to (the compare and sweep views start theirs on it too).
    public RunEngine engine() {
        return engine;
    }

    /// Where results come back to: the FX thread in the app.
    public Executor fxExecutor() {
        return fxExecutor;
    }

    /// Called with every run that ends (finished or stopped), not with runs opened from files.
    public void setOnRunFinished(java.util.function.Consumer<RunResult> listener) {
        onRunFinished = listener == null ? r -> {} : listener;
    }

    /// Called, on the FX thread, with the sentence saying why a run could not start ("The run
    /// could not start: …", also the status), once per run that fails so.
    public void setOnStartFailure(java.util.function.Consumer<String> listener) {
        onStartFailure = listener == null ? text -> {} : listener;
    }

    /// The settings to remember between launches.
    public org.concurrencylab.history.Settings settings() {
        try {
            lastGoodSettings = currentSettings();
        } catch (IllegalArgumentException halfTyped) {
            // a field left empty or out of range: keep what was last valid, with today's looks
            org.concurrencylab.history.Settings good = lastGoodSettings != null ? lastGoodSettings
                    : org.concurrencylab.history.Settings.defaults();
            return good.withLooks(dark.get(), colorBlind.get());
        }
        return lastGoodSettings;
    }

    private org.concurrencylab.history.Settings lastGoodSettings;

    private org.concurrencylab.history.Settings currentSettings() {
        return new org.concurrencylab.history.Settings(workload.get(), model.get(), workers.get(), processes.get(),
                downloadTasks.get(), cpuTasks.get(), raceTasks.get(), base.get(), latencyMs.get(), urls.get(),
                maxConnections.get(), gil.get(), switchMs.get(), increments.get(), counterMode.get(), cpuMs.get(),
                connectTimeoutMs.get(), readTimeoutMs.get(), warmup.get(), dark.get(), colorBlind.get());
    }

    /// Restores remembered settings.
    public void applySettingsFx(org.concurrencylab.history.Settings s) {
        workload.set(s.workload());
        model.set(s.model());
        workers.set(s.workers());
        processes.set(s.processes());
        downloadTasks.set(s.downloadTasks());
        cpuTasks.set(s.cpuTasks());
        raceTasks.set(s.raceTasks());
        base.set(s.base());
        latencyMs.set(s.latencyMs());
        urls.set(s.urls());
        maxConnections.set(s.maxConnections());
        gil.set(s.gil());
        switchMs.set(s.switchMs());
        increments.set(s.increments());
        counterMode.set(s.counterMode());
        cpuMs.set(s.cpuMs());
        connectTimeoutMs.set(s.connectTimeoutMs());
        readTimeoutMs.set(s.readTimeoutMs());
        warmup.set(s.warmup());
        dark.set(s.dark());
        colorBlind.set(s.colorBlind());
    }

    /// Loads every setting of `s` (a lesson's preset, a run to run again); the controls follow.
    /// Does nothing while a run goes on.
    public void applyFx(RunSpec s) {
        if (running.get()) return;
        workload.set(s.workload());
        model.set(s.model());
        if (s.model() == ModelKind.PROCESSES) processes.set(s.workers());
        else if (s.model().hasWorkers()) workers.set(s.workers());
        tasksFor(s.workload()).set(s.tasks());
        base.set(s.base());
        latencyMs.set(s.latencyMs());
        urls.set(String.join("\n", s.urls().stream().map(URI::toString).toList()));
        warmup.set(s.warmup());
        maxConnections.set(s.maxConnections());
        gil.set(s.gil());
        switchMs.set(s.switchMs());
        increments.set(s.increments());
        counterMode.set(s.counterMode());
        cpuMs.set(s.cpuMs());
        connectTimeoutMs.set(s.connectTimeoutMs());
        readTimeoutMs.set(s.readTimeoutMs());
    }

    /// Loads `s` and runs it; the future completes with the run's result, or fails with the
    /// reason the run could not start (settings refused, a run already going on).
    public java.util.concurrent.CompletableFuture<RunResult> runSpecFx(RunSpec s) {
        if (running.get()) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("a run is going on; stop it first"));
        }
        applyFx(s);
        if (spec.get() == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalArgumentException(validationError.get()));
        }
        runFx();
        RunHandle h = handle.get();
        if (h == null || !running.get()) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("the run did not start"));
        }
        // completes after the view model has taken the result in, on the FX thread
        java.util.concurrent.CompletableFuture<RunResult> done = new java.util.concurrent.CompletableFuture<>();
        // (dependents of a future run in no promised order: one more hop puts this after
        // the view model's own handling of the result)
        h.result().whenCompleteAsync((r, t) -> fxExecutor.execute(() -> {
            if (t != null) done.completeExceptionally(t);
            else done.complete(r);
        }), fxExecutor);
        return done;
    }

    /// Shows a run loaded from a file (or the history) as the last result, for exploring,
    /// replaying and exporting; a run going on is not disturbed.
    public void openFx(RunResult result, String from) {
        if (running.get()) {
            status.set("Stop the run going on first, then open " + from + ".");
            return;
        }
        handle.set(null);
        system.set(null);
        peakThreads.set(0);
        lastResult.set(null); // the same run opened again is shown afresh too
        lastResult.set(result);
        done.set(result.completed());
        total.set(result.tasks());
        errors.set(result.errors());
        elapsedNanos.set(result.wallNanos());
        comparison.set("");
        status.set("Opened " + from + ": " + result.summaryLine());
    }

    /// Tells the user something in the status bar (an export written, a file that could not be read).
    public void tellFx(String text) {
        status.set(text);
    }

    /// Whether a comparison or a sweep is running: the main run waits for it.
    public BooleanProperty seriesRunningProperty() { return seriesRunning; }

    /// The dark theme, for the window and the diagram.
    public BooleanProperty darkProperty() { return dark; }

    /// The colour-blind-safe palette (blue and orange, waits hatched).
    public BooleanProperty colorBlindProperty() { return colorBlind; }

    /// Presentation mode: full screen, large type, thick lanes.
    public BooleanProperty presentationProperty() { return presentation; }

    /// The failed tasks of the last result, with their reasons.
    public List<TaskOutcome> failures() {
        RunResult r = lastResult.get();
        List<TaskOutcome> failed = new ArrayList<>();
        if (r != null) for (TaskOutcome o : r.outcomes()) if (!o.ok()) failed.add(o);
        return failed;
    }

    private static String baselineKey(RunSpec s) {
        return s.workload() + "|" + s.tasks() + "|" + s.base() + "|" + s.latencyMs() + "|" + s.urls() + "|"
                + s.increments() + "|" + s.counterMode() + "|" + s.cpuMs() + "|" + s.connectTimeoutMs() + "|" + s.readTimeoutMs();
    }

    private void validate() {
        if (!running.get() && handle.get() == null) total.set(tasksFor(workload.get()).get());
        try {
            WorkloadKind w = workload.get();
            ModelKind m = model.get();
            RunSpec s = RunSpec.defaults(w, m)
                    .withWorkers(m == ModelKind.PROCESSES ? processes.get() : m.hasWorkers() ? workers.get() : 1)
                    .withTasks(tasksFor(w).get())
                    .withBase(base.get())
                    .withLatencyMs(latencyMs.get())
                    .withUrls(w.downloads() ? parseUrls(urls.get()) : List.of())
                    .withWarmup(warmup.get())
                    .withIncrements(increments.get())
                    .withCounterMode(counterMode.get())
                    .withCpuMs(cpuMs.get())
                    .withConnectTimeoutMs(connectTimeoutMs.get())
                    .withReadTimeoutMs(readTimeoutMs.get())
                    .withMaxConnections(maxConnections.get())
                    .withGil(gil.get() && m.supportsGil())
                    .withSwitchMs(switchMs.get());
            spec.set(s);
            try {
                lastGoodSettings = currentSettings();
            } catch (IllegalArgumentException outsideSettingsRange) {
                // the spec is fine; the remembered settings keep their last good value
            }
            validationError.set("");
        } catch (IllegalArgumentException e) {
            spec.set(null);
            validationError.set(capitalize(e.getMessage()));
        }
    }

    /// The task count property of `w`: pages (shared by the two download workloads), numbers, tasks.
    public IntegerProperty tasksFor(WorkloadKind w) {
        return switch (w) {
            case DOWNLOAD, MIXED -> downloadTasks;
            case CPU -> cpuTasks;
            case RACE -> raceTasks;
        };
    }

    private static List<URI> parseUrls(String text) {
        List<URI> list = new ArrayList<>();
        if (text == null) return list;
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) list.add(RunSpec.parseUrl(line));
        }
        return list;
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? "Invalid settings" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
