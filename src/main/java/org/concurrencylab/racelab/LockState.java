package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// A lock: who holds it, how many times, and who waits for it, first in line first.
///
/// @param name    the lock
/// @param owner   the thread that holds it, or -1 when it is free
/// @param holds   how many times the owner took it without giving it back (0 when free)
/// @param waiters the threads waiting for it, in the order they came; the first is handed the
///                lock when the owner gives it back
public record LockState(String name, int owner, int holds, List<Integer> waiters) {
    public LockState {
        Objects.requireNonNull(name, "name");
        waiters = List.copyOf(waiters);
        if ((owner < 0) != (holds == 0) || holds < 0) {
            throw new IllegalArgumentException("a lock is held at least once by its owner, or free: owner " + owner + ", holds " + holds);
        }
        if (owner < 0 && !waiters.isEmpty()) throw new IllegalArgumentException("nobody waits for a free lock");
    }

    /// A free lock.
    static LockState free(String name) {
        return new LockState(name, -1, 0, List.of());
    }

    public boolean free() {
        return owner < 0;
    }
}
