package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.Exports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/// Several runs done one after another on one background thread: the models of a comparison,
/// the points of a sweep. Each run is a real run of the [RunEngine]; a run that cannot be done
/// at all is reported and the next one goes on; [#cancel] stops the run going on and the rest.
///
/// Thread-safety: thread-safe. The listener is called on the series' own thread, never on the
/// caller's: a window hands the calls on to its UI thread.
public final class SeriesRun {
    private static final AtomicInteger NUMBER = new AtomicInteger();

    /// What a series reports as it goes. Calls come from the series' thread, in order; they
    /// should be quick and must not throw.
    public interface Listener {
        /// Run `index` (from 0) of `total` has started; `handle` shows it live.
        default void runStarted(int index, int total, RunSpec spec, RunHandle handle) {}

        /// Run `index` ended (a stopped run too: then `result.cancelled()`).
        default void runFinished(int index, int total, RunResult result) {}

        /// Run `index` could not be done at all; `message` says why, in one line.
        default void runFailed(int index, int total, RunSpec spec, String message) {}
    }

    /// A run that could not be done at all.
    public record Failure(int index, RunSpec spec, String message) {}

    /// How the series ended.
    ///
    /// @param results   every run that went to its end, in series order
    /// @param failures  runs that could not be done
    /// @param cancelled whether the series was stopped before its last run ended
    public record Outcome(List<RunResult> results, List<Failure> failures, boolean cancelled) {
        public Outcome {
            results = List.copyOf(results);
            failures = List.copyOf(failures);
        }
    }

    private final List<RunSpec> specs;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private RunHandle current;
    private boolean cancelled;
    private volatile int index;

    private SeriesRun(List<RunSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /// Starts `specs` one after another on `engine`; returns at once.
    public static SeriesRun start(RunEngine engine, List<RunSpec> specs, Listener listener) {
        if (specs.isEmpty()) throw new IllegalArgumentException("a series needs at least one run");
        SeriesRun series = new SeriesRun(specs);
        Thread.ofPlatform().daemon(true).name("series-" + NUMBER.incrementAndGet())
                .start(() -> series.execute(engine, listener));
        return series;
    }

    public List<RunSpec> specs() {
        return specs;
    }

    public int total() {
        return specs.size();
    }

    /// The run going on (from 0), or [#total] once the series is over.
    public int index() {
        return index;
    }

    /// Stops the run going on and every run after it; the outcome keeps the runs that ended.
    public void cancel() {
        RunHandle h;
        synchronized (this) {
            cancelled = true;
            h = current;
        }
        if (h != null) h.cancel();
    }

    public synchronized boolean cancelRequested() {
        return cancelled;
    }

    /// Completes when the series is over: every run ended, or it was stopped.
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void execute(RunEngine engine, Listener listener) {
        List<RunResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        boolean stopped = false;
        try {
            for (int i = 0; i < specs.size(); i++) {
                index = i;
                RunSpec spec = specs.get(i);
                RunHandle handle;
                synchronized (this) {
                    if (cancelled) {
                        stopped = true;
                        break;
                    }
                    handle = engine.start(spec);
                    current = handle;
                }
                listener.runStarted(i, specs.size(), spec, handle);
                try {
                    RunResult result = handle.result().get();
                    listener.runFinished(i, specs.size(), result);
                    if (result.cancelled()) {
                        stopped = true;
                        break;
                    }
                    results.add(result);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    String message = Exports.oneLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    failures.add(new Failure(i, spec, message));
                    listener.runFailed(i, specs.size(), spec, message);
                }
            }
            synchronized (this) {
                current = null;
                stopped |= cancelled && results.size() + failures.size() < specs.size();
            }
            index = specs.size();
            outcome.complete(new Outcome(results, failures, stopped));
        } catch (InterruptedException e) {
            index = specs.size();
            outcome.complete(new Outcome(results, failures, true));
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
        }
    }
}
