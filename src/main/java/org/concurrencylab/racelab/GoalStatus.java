package org.concurrencylab.racelab;

import java.util.Objects;

/// Where the learner stands with a level's goal.
///
/// @param progress playing, reached or missed
/// @param text     what to show: the goal while playing, else how the run ended and why
public record GoalStatus(Progress progress, String text) {
    public GoalStatus {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(text, "text");
    }

    public enum Progress {
        /// The run has not ended: some thread can still step.
        PLAYING,
        /// The run ended and met every condition of the goal.
        REACHED,
        /// The run ended without meeting the goal.
        MISSED
    }
}
