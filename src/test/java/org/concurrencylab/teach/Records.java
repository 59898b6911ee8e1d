package org.concurrencylab.teach;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Hand-made run records for tests of the logic that reads them.
final class Records {
    private Records() {}

    static RunRecord wall(String model, int workers, double seconds) {
        return new RunRecord("download", model, workers, 30, false, (long) (seconds * 1e9), 0, 0, 0, null,
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    static RunRecord states(double workSeconds, double ioSeconds) {
        return new RunRecord("download", "sync", 1, 20, false, (long) ((workSeconds + ioSeconds) * 1e9),
                (long) (workSeconds * 1e9), (long) (ioSeconds * 1e9), 0, null, Instant.parse("2026-01-01T10:00:00Z"));
    }

    static RunRecord race(String model, long lost) {
        return new RunRecord("race", model, 5, 5_000, false, 50_000_000, 40_000_000, 0, 0, lost,
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    /// Results held in a map, step id → runs.
    static final class Map1 implements Results {
        final Map<String, List<RunRecord>> runs = new HashMap<>();

        Map1 put(String step, RunRecord... records) {
            runs.put(step, List.of(records));
            return this;
        }

        @Override
        public List<RunRecord> runs(String stepId) {
            return runs.getOrDefault(stepId, List.of());
        }
    }
}
