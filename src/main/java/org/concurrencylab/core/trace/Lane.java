package org.concurrencylab.core.trace;

import java.util.Objects;

/// One horizontal bar of the diagram: a worker.
///
/// @param id   dense index, 0 for the first lane of a run
/// @param name what the legend shows, e.g. `pool-3`
/// @param kind what the worker is
public record Lane(int id, String name, LaneKind kind) {
    public Lane {
        if (id < 0) throw new IllegalArgumentException("lane id must be >= 0: " + id);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
