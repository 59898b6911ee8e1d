package org.concurrencylab.racelab;

import java.util.List;

/// What the lab has counted since the start.
///
/// @param lostUpdates      updates that stores computed from stale reads dropped (see [Machine])
/// @param lockWaits        times a thread found a lock held and had to wait
/// @param casFailures      compare-and-sets that found another value than expected
/// @param brokenInvariants times an invariant of the level went from holding to broken
public record Counts(int lostUpdates, int lockWaits, int casFailures, int brokenInvariants) {
    /// Nothing counted yet.
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    /// The measures conditions may name, besides the shared variables.
    public static final List<String> MEASURES = List.of("lostUpdates", "lockWaits", "casFailures", "brokenInvariants");

    /// The count called `measure` (one of [#MEASURES]).
    int get(String measure) {
        return switch (measure) {
            case "lostUpdates" -> lostUpdates;
            case "lockWaits" -> lockWaits;
            case "casFailures" -> casFailures;
            case "brokenInvariants" -> brokenInvariants;
            default -> throw new IllegalArgumentException("no count called " + measure);
        };
    }
}
