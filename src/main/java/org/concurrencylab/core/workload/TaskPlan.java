package org.concurrencylab.core.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

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

    /// `count` tasks of one CPU step each, the shape of the CPU experiments: task `x` computes
    /// `kind` of `n(x)` and is called `name(x)`.
    static List<TaskPlan> computes(int count, Step.ComputeKind kind, IntToLongFunction n, IntFunction<String> name) {
        List<TaskPlan> plans = new ArrayList<>(count);
        for (int x = 0; x < count; x++) {
            plans.add(new TaskPlan(x, name.apply(x), List.of(new Step.Compute(kind, n.applyAsLong(x)))));
        }
        return plans;
    }
}
