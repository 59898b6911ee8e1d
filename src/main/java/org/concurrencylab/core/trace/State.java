package org.concurrencylab.core.trace;

/// What a worker (or a task) is doing during a segment of time.
public enum State {
    /// Running our code on a CPU.
    WORK("CPU"),
    /// Blocked on network or disk.
    IO_WAIT("I/O wait"),
    /// Waiting for a lock or for the simulated GIL.
    LOCK_WAIT("lock wait"),
    /// Starting a process or a session.
    STARTUP("start-up"),
    /// Submitted, no worker free yet.
    QUEUED("queued");

    private final String label;

    State(String label) {
        this.label = label;
    }

    /// A short human name, as shown in legends and exports.
    public String label() {
        return label;
    }
}
