package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// A variable all threads share.
///
/// @param name    the variable
/// @param value   its value now
/// @param writers the thread of every write so far, oldest first: `writers.size()` is the
///                variable's version, which a [Read] remembers
public record SharedVariable(String name, int value, List<Integer> writers) {
    public SharedVariable {
        Objects.requireNonNull(name, "name");
        writers = List.copyOf(writers);
    }

    /// How many writes the variable has had.
    public int version() {
        return writers.size();
    }

    /// The thread that wrote it last, or -1 while it holds its starting value.
    public int lastWriter() {
        return writers.isEmpty() ? -1 : writers.getLast();
    }
}
