package org.concurrencylab.teach;

import java.util.List;

/// The recorded runs of lesson steps, by step id ("2.3"): what questions and the decision guide
/// read their numbers from.
@FunctionalInterface
public interface Results {
    /// The runs recorded for `stepId`, in the step's order (empty if the step has not run).
    List<RunRecord> runs(String stepId);

    /// The `index`-th run of `stepId`, or null if it has not been recorded.
    default RunRecord run(String stepId, int index) {
        List<RunRecord> runs = runs(stepId);
        return index < runs.size() ? runs.get(index) : null;
    }

    /// No runs at all.
    Results NONE = stepId -> List.of();
}
