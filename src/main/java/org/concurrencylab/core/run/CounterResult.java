package org.concurrencylab.core.run;

import java.util.List;

/// How the race workload's shared counter ended.
///
/// @param expected     tasks × increments: the count if no update is lost
/// @param actual       what the run's shared counter reads (the parent's, for processes)
/// @param workerCounts for processes: what each child counted on its own copy (else empty)
public record CounterResult(long expected, long actual, List<Long> workerCounts) {
    public CounterResult {
        workerCounts = List.copyOf(workerCounts);
    }

    /// Updates lost: expected minus actual (0 when none were lost).
    public long lost() {
        return expected - actual;
    }
}
