package org.concurrencylab.racelab;

import java.util.Objects;

/// What one step did: the state it led to, and the step in words.
///
/// @param state the state after the step; its history ends with `event`
/// @param event the step taken
public record Transition(RaceState state, Event event) {
    public Transition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }
}
