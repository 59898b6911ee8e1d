package org.concurrencylab.ui.common;

import org.concurrencylab.export.Exports;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Work that must not hold up the FX thread (reading or writing a file), said in one sentence:
/// `BackgroundTask.wrap(work).onSuccess(show).onFailure(tell).executeWith(tasks)`. The work
/// runs on the executor's background thread; exactly one of the handlers runs afterwards on its
/// UI thread. A failure reaches `onFailure` as a one-line message, never a stack trace.
///
/// Thread-safety: build it on one thread; the handlers run on the UI executor.
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Consumer<T> onSuccess = value -> {};
    private Consumer<String> onFailure = message -> {};

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /// Work with no value to hand back.
    public static BackgroundTask<Void> wrap(Action work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /// Work that returns nothing and may fail.
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /// `handler` gets the failure's message on one line (its class name if it has none).
    public BackgroundTask<T> onFailure(Consumer<String> handler) {
        onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public void executeWith(TaskExecutor tasks) {
        tasks.background().execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                        : Exports.oneLine(e.getMessage());
                tasks.ui().execute(() -> onFailure.accept(message));
                return;
            }
            tasks.ui().execute(() -> onSuccess.accept(value));
        });
    }
}
