package org.concurrencylab.racelab;

import java.util.Objects;

/// A choice a level offers the learner before a run: whether its toggled lines (an
/// `await asyncio.sleep(0)` between the read and the write) are in the programs.
///
/// @param id    how lines name it
/// @param label what the check box says
/// @param on    whether it is on when the level opens
public record Toggle(String id, String label, boolean on) {
    public Toggle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
