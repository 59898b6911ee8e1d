package org.concurrencylab.racelab;

import java.util.List;

/// The lost updates of a real run, found in its records.
///
/// @param writes     how many increments were recorded
/// @param distinct   how many distinct values they wrote
/// @param maxWritten the highest value written (0 when none)
/// @param lost       every lost update, by the time of its second write
public record RealDetection(int writes, int distinct, int maxWritten, List<RealLostUpdate> lost) {
    public RealDetection {
        lost = List.copyOf(lost);
        if (lost.size() != writes - distinct) throw new IllegalArgumentException("each repeated write is one lost update");
    }

    /// How many updates were lost: the writes that repeated a value written before.
    public int lostUpdates() {
        return lost.size();
    }

    /// Whether the count agrees with the final value of the counter, `finalCount` after
    /// `expected` increments. Exactly when the last write was the highest value (no stale write
    /// came last and set the counter back), every lost update is one write of a value written
    /// before, so `lostUpdates() == expected - finalCount`.
    public boolean agreesWith(int expected, int finalCount) {
        return finalCount == maxWritten ? lostUpdates() == expected - finalCount : lostUpdates() < expected - finalCount;
    }
}
