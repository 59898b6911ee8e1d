package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// What the learner is asked to make happen: a run that ends with every condition of `reach`
/// holding.
///
/// @param text  the goal in a sentence, for the learner
/// @param reach the conditions the end of the run must meet (`finished`, `lostUpdates >= 1`)
public record Goal(String text, List<Condition> reach) {
    public Goal {
        Objects.requireNonNull(text, "text");
        reach = List.copyOf(reach);
        if (reach.isEmpty()) throw new IllegalArgumentException("a goal needs at least one condition");
    }

    /// Whether a run that ended as `ending` in `state` reached the goal.
    public boolean reachedBy(RaceState state, Ending ending) {
        return ending != null && reach.stream().allMatch(c -> c.holds(state, ending));
    }

    /// How the learner stands: still playing, reached, or missed (the run ended otherwise).
    public GoalStatus status(RaceState state, Ending ending) {
        if (ending == null) return new GoalStatus(GoalStatus.Progress.PLAYING, text);
        if (reachedBy(state, ending)) return new GoalStatus(GoalStatus.Progress.REACHED, "Goal reached. " + ending.text());
        List<String> unmet = reach.stream().filter(c -> !c.holds(state, ending)).map(c -> c.unmet(state, ending)).toList();
        return new GoalStatus(GoalStatus.Progress.MISSED, "Not this time: " + Words.and(unmet) + ". " + ending.text()
                + " Undo a few steps, or restart.");
    }
}
