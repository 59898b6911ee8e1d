package org.concurrencylab.core.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/// Stopping a run: a flag that checkpoints read, plus the blocking operations and threads a
/// stop must interrupt.
///
/// Thread-safety: thread-safe. Workers register what they block on; any thread may [#cancel].
public final class RunControl {
    private final Set<AutoCloseable> blocking = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> onCancel = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public boolean cancelled() {
        return cancelled;
    }

    /// Throws [CancelledException] if the run was stopped. Cheap: one volatile read.
    public void checkpoint() {
        if (cancelled) throw new CancelledException();
    }

    /// Registers a blocking operation (an HTTP call) that a stop must abort; closing the returned
    /// handle unregisters it. If the run is already stopped, the operation is aborted at once.
    public AutoCloseable whileBlocked(AutoCloseable operation) {
        blocking.add(operation);
        if (cancelled) closeQuietly(operation);
        return () -> blocking.remove(operation);
    }

    /// Runs `action` when the run is stopped (at once if it already was), until the returned
    /// handle is closed.
    public Registration onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) action.run();
        return () -> onCancel.remove(action);
    }

    /// Undoes a registration; closing it twice is harmless.
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /// Stops the run: checkpoints throw, blocking calls are aborted, cancel actions run.
    public void cancel() {
        if (cancelled) return;
        cancelled = true;
        for (AutoCloseable operation : blocking) closeQuietly(operation);
        for (Runnable action : onCancel) action.run();
    }

    private static void closeQuietly(AutoCloseable operation) {
        try {
            operation.close();
        } catch (Exception ignored) {
            // aborting a call that already ended is fine
        }
    }
}
