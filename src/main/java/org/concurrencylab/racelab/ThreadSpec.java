package org.concurrencylab.racelab;

import java.util.Objects;

/// A thread of a level: its name and its program.
///
/// @param name    "thread 1", "task 2": how events and endings name it
/// @param program what it runs
public record ThreadSpec(String name, Program program) {
    public ThreadSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(program, "program");
        if (name.isBlank()) throw new IllegalArgumentException("a thread needs a name");
    }
}
