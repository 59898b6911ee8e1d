package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// The lost-update race: every task adds one to a counter all tasks share, `increments` times.
/// With [Step.CounterMode#UNSAFE] threads running at once lose updates; the other modes lose
/// none; processes share no memory, so each counts on its own copy.
///
/// @param tasks      how many tasks (the article used 5,000)
/// @param increments how many times each task adds one (the article used 100)
/// @param mode       how the counter is updated
public record RaceCondition(int tasks, int increments, Step.CounterMode mode) implements Workload {
    public static final int MAX_TASKS = 1_000_000;

    public RaceCondition {
        if (tasks < 1 || tasks > MAX_TASKS) throw new IllegalArgumentException("tasks must be between 1 and " + MAX_TASKS + ", was " + tasks);
        if (increments < 1) throw new IllegalArgumentException("increments must be >= 1, was " + increments);
        Objects.requireNonNull(mode, "mode");
    }

    @Override public String id() { return "race"; }

    @Override public String title() { return "Race condition"; }

    @Override public Nature nature() { return Nature.CPU_BOUND; }

    @Override public boolean needsDemoSites() { return false; }

    /// What the counter must read at the end if no update is lost.
    public long expected() {
        return (long) tasks * increments;
    }

    @Override
    public List<TaskPlan> plan(List<URI> demoPages) {
        List<TaskPlan> plans = new ArrayList<>(tasks);
        List<Step> steps = List.of(new Step.Increment(increments, mode));
        for (int i = 0; i < tasks; i++) plans.add(new TaskPlan(i, "increment #" + (i + 1), steps));
        return plans;
    }
}
