package org.concurrencylab.racelab;

import java.util.Objects;

/// A real lost update: two increments that read the same value, so both wrote the same value
/// and one of them counts for nothing. `later` wrote second, so its read was stale when it
/// wrote.
///
/// @param earlier the increment that wrote the value first
/// @param later   the increment that wrote the same value again
public record RealLostUpdate(RealRecord earlier, RealRecord later) {
    public RealLostUpdate {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        if (earlier.written() != later.written()) throw new IllegalArgumentException("a lost update writes one value twice");
    }

    /// "thread 2 wrote 6 over thread 1's 6: both read 5".
    public String text() {
        String who = earlier.thread() == later.thread() ? "its own" : "thread " + (earlier.thread() + 1) + "'s";
        return "thread " + (later.thread() + 1) + " wrote " + later.written() + " over " + who + " " + earlier.written()
                + ": both read " + later.read();
    }
}
