package org.concurrencylab.racelab;

import java.util.Objects;

/// A thread-local register: its name, value, and the read its value was computed from.
///
/// @param name   the register
/// @param value  its value (0 until it is set)
/// @param source the read of a shared variable the value comes from, or null for a value that
///               comes from no read (the starting 0, a number)
public record Register(String name, int value, Read source) {
    public Register {
        Objects.requireNonNull(name, "name");
    }
}
