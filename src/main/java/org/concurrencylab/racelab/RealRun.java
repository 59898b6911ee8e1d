package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// A real run of the counter race: threads on a real executor, each incrementing a real shared
/// counter, every increment recorded.
///
/// @param mode       how the counter was incremented
/// @param threads    how many platform threads
/// @param increments how many increments each made
/// @param finalCount what the counter read at the end
/// @param records    every increment, by thread then by index
public record RealRun(RealRace.Mode mode, int threads, int increments, int finalCount, List<RealRecord> records) {
    public RealRun {
        Objects.requireNonNull(mode, "mode");
        records = List.copyOf(records);
    }

    /// What the counter reads at the end when no update is lost.
    public int expected() {
        return threads * increments;
    }

    /// The lost updates in the records.
    public RealDetection detect() {
        return RealRace.detect(records);
    }
}
