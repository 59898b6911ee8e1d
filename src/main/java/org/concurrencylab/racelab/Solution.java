package org.concurrencylab.racelab;

import java.util.List;
import java.util.Set;

/// A way to reach a level's goal: the toggles to turn on, and the thread of each step (0 for
/// the first thread). The view can offer it as "show me"; the tests play every level's.
public record Solution(Set<String> toggles, List<Integer> schedule) {
    public Solution {
        toggles = Set.copyOf(toggles);
        schedule = List.copyOf(schedule);
    }
}
