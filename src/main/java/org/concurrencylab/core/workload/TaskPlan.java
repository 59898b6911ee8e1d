package org.concurrencylab.core.workload;

import java.util.List;
import java.util.Objects;

/// What one task does, as data: a name and a list of steps.
///
/// @param id    dense index of the task in its run, from 0
/// @param name  short text for tooltips and tables, e.g. `GET /large #12`
/// @param steps the steps, run in order
public record TaskPlan(int id, String name, List<Step> steps) {
    public TaskPlan {
        if (id < 0) throw new IllegalArgumentException("task id must be >= 0: " + id);
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a task needs at least one step");
    }
}
