package org.concurrencylab.core.workload;

import java.util.concurrent.atomic.AtomicLong;

/// The counter every task of a race run updates, in one of three ways.
///
/// Thread-safety: that is the lesson. [#incrementUnsafe] is a read followed by a write of a
/// volatile field: every thread sees the latest value, yet two threads can read the same value
/// and both write value + 1, losing an update. [#incrementSynchronized] and
/// [#incrementAtomic] lose none.
public final class SharedCounter {
    private volatile long unsafeValue;
    private long lockedValue;
    private final AtomicLong atomicValue = new AtomicLong();

    // code:race-unsafe
    public void incrementUnsafe() {
        long seen = unsafeValue;    // read
        Thread.onSpinWait();        // another thread may read the same value now
        unsafeValue = seen + 1;     // write: one of the two updates is lost
    }
    // end:race-unsafe

    // code:race-synchronized
    public void incrementSynchronized() {
        synchronized (this) {
            lockedValue++;
        }
    }
    // end:race-synchronized

    /// [#incrementSynchronized], timed: returns how long the thread waited for the lock, in ns
    /// (the time from asking for it to holding it; a few tens of ns when no other thread held it).
    /// The clock is read outside the critical section's work, so the lock is held no longer.
    public long incrementSynchronizedTimed() {
        long asked = System.nanoTime();
        long got;
        synchronized (this) {
            got = System.nanoTime();
            lockedValue++;
        }
        return got - asked;
    }

    // code:race-atomic
    public void incrementAtomic() {
        atomicValue.incrementAndGet();
    }
    // end:race-atomic

    public void increment(Step.CounterMode mode) {
        switch (mode) {
            case UNSAFE -> incrementUnsafe();
            case SYNCHRONIZED -> incrementSynchronized();
            case ATOMIC -> incrementAtomic();
        }
    }

    /// The count so far, for the mode in use.
    public long value(Step.CounterMode mode) {
        synchronized (this) {
            return switch (mode) {
                case UNSAFE -> unsafeValue;
                case SYNCHRONIZED -> lockedValue;
                case ATOMIC -> atomicValue.get();
            };
        }
    }
}
