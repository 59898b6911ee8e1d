package org.concurrencylab.core.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/// The one place that says what runs now. A run (a lesson's too), a comparison or a sweep each
/// take the slot before they start and give it back when they end, so two of them never share
/// the cores and spoil each other's times; whoever asks while the slot is taken is told why in
/// a sentence. [#stop()] stops whatever holds it (the Esc key).
///
/// Thread-safety: thread-safe. Listeners are called on the thread that took or released the
/// slot, outside the slot's lock.
public final class RunSlot {
    /// What can hold the slot, and how the window names it.
    public enum Use {
        RUN("A run is going on: stop it first (Stop, or Esc)."),
        COMPARISON("A comparison is running: stop it first (Stop in its tab, or Esc)."),
        SWEEP("A sweep is running: stop it first (Stop in its tab, or Esc).");

        private final String busyText;

        Use(String busyText) {
            this.busyText = busyText;
        }

        /// Why nothing else can start while this holds the slot.
        public String busyText() {
            return busyText;
        }
    }

    /// The slot held: give it back with [#close()] (at most once counts).
    public final class Lease implements AutoCloseable {
        private final Use use;
        private final Runnable stop;

        private Lease(Use use, Runnable stop) {
            this.use = use;
            this.stop = stop;
        }

        public Use use() {
            return use;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    private final List<Consumer<Optional<Use>>> listeners = new CopyOnWriteArrayList<>();
    private Lease held;

    /// Takes the slot for `use`; `stop` is what [#stop()] calls to end it. Empty if the slot is
    /// taken ([#busyReason()] says by what).
    public Optional<Lease> tryTake(Use use, Runnable stop) {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(stop, "stop");
        Lease lease;
        synchronized (this) {
            if (held != null) return Optional.empty();
            lease = new Lease(use, stop);
            held = lease;
        }
        fire(Optional.of(use));
        return Optional.of(lease);
    }

    /// What holds the slot now, or empty when nothing runs.
    public synchronized Optional<Use> holder() {
        return held == null ? Optional.empty() : Optional.of(held.use);
    }

    /// Why nothing can start now, or empty when the slot is free.
    public Optional<String> busyReason() {
        return holder().map(Use::busyText);
    }

    /// Stops whatever holds the slot (its lease stays until it has ended and gives it back).
    /// False if nothing held it.
    public boolean stop() {
        Lease lease;
        synchronized (this) {
            lease = held;
        }
        if (lease == null) return false;
        lease.stop.run();
        return true;
    }

    /// Calls `listener` with what holds the slot each time that changes.
    public void addListener(Consumer<Optional<Use>> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    private void release(Lease lease) {
        synchronized (this) {
            if (held != lease) return;
            held = null;
        }
        fire(Optional.empty());
    }

    private void fire(Optional<Use> now) {
        for (Consumer<Optional<Use>> l : listeners) l.accept(now);
    }
}
