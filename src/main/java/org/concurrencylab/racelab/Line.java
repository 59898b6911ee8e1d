package org.concurrencylab.racelab;

import java.util.Objects;

/// A line of a program's source, as the learner reads it: `counter = counter + 1`.
///
/// @param text   the source line
/// @param toggle the id of the [Toggle] that puts the line (and its instructions) in the program,
///               or null for a line that is always there
public record Line(String text, String toggle) {
    public Line {
        Objects.requireNonNull(text, "text");
    }

    /// A line that is always there.
    public Line(String text) {
        this(text, null);
    }
}
