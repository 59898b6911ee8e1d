package org.concurrencylab.core.model;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/// A simulated global interpreter lock ("Python mode"), shaped like CPython's: a thread must
/// hold it to run code; it lets go around blocking I/O; and a holder that has run for the
/// switch interval while others wait hands it over at its next checkpoint (CPython's
/// "drop request" after `sys.getswitchinterval()`, 5 ms by default).
///
/// Thread-safety: thread-safe; the fair lock hands it to the longest waiter.
public final class Gil {
    public static final int DEFAULT_SWITCH_MS = 5;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long switchNanos;

    public Gil(long switchMillis) {
        if (switchMillis < 1) throw new IllegalArgumentException("switch interval must be >= 1 ms");
        this.switchNanos = TimeUnit.MILLISECONDS.toNanos(switchMillis);
    }

    /// Takes the lock, waiting as long as needed (interruptibly: a stop ends the wait).
    public void acquire() {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    public void release() {
        lock.unlock();
    }

    /// Whether a holder that took the lock at `heldSince` (System.nanoTime) must hand it over now.
    public boolean mustHandOver(long heldSince) {
        return System.nanoTime() - heldSince >= switchNanos && lock.hasQueuedThreads();
    }
}
