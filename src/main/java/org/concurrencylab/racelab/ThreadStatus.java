package org.concurrencylab.racelab;

/// Where a thread is.
public enum ThreadStatus {
    /// It has a next step and nothing stops it (under [Rules#EVENT_LOOP] it may still have to
    /// wait for the running task to await).
    READY,
    /// It tried to take a lock another thread holds, and waits until it is handed the lock: it
    /// cannot be scheduled.
    LOCK_WAIT,
    /// It went past its last step.
    DONE
}
