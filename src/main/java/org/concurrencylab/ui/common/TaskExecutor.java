package org.concurrencylab.ui.common;

import java.util.concurrent.Executor;

/// Where background work runs and where its outcome comes back: file work on an I/O thread,
/// results on the FX thread. Injected into view models, so that tests run both on the calling
/// thread ([#currentThread()]) and assert without waiting.
///
/// @param background runs the work (file I/O, reading a run file)
/// @param ui         runs the outcome (the FX thread in the app)
public record TaskExecutor(Executor background, Executor ui) {
    /// Both on the calling thread: the outcome is known when the call returns.
    public static TaskExecutor currentThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }
}
