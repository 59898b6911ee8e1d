package org.concurrencylab.core.trace;

/// Nanoseconds since a run started, from `System.nanoTime()`. Immutable, thread-safe.
public final class RunClock {
    private final long origin;

    private RunClock(long origin) {
        this.origin = origin;
    }

    public static RunClock startingNow() {
        return new RunClock(System.nanoTime());
    }

    /// Nanoseconds since the run started.
    public long now() {
        return System.nanoTime() - origin;
    }

    /// Converts a `System.nanoTime()` reading into run time.
    public long fromNanoTime(long nanoTime) {
        return nanoTime - origin;
    }
}
