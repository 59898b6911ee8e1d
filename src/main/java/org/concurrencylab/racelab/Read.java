package org.concurrencylab.racelab;

import java.util.Objects;

/// Where a register's value came from: the read of a shared variable, by which the lab tells a
/// store computed from a stale read.
///
/// @param variable the shared variable read
/// @param version  how many writes it had had when it was read
/// @param value    the value read
public record Read(String variable, int version, int value) {
    public Read {
        Objects.requireNonNull(variable, "variable");
        if (version < 0) throw new IllegalArgumentException("version must be >= 0, was " + version);
    }
}
