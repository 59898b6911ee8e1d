package org.concurrencylab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/// The outcomes of a run's tasks, filled in as they finish; progress counts read live.
///
/// Thread-safety: thread-safe; each task's slot is written once, by the worker that ran it.
public final class Outcomes {
    private final AtomicReferenceArray<TaskOutcome> byTask;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    public Outcomes(int tasks) {
        this.byTask = new AtomicReferenceArray<>(tasks);
    }

    public void add(TaskOutcome outcome) {
        if (!byTask.compareAndSet(outcome.task(), null, outcome)) {
            throw new IllegalStateException("task " + outcome.task() + " finished twice");
        }
        if (!outcome.ok()) errors.incrementAndGet();
        done.incrementAndGet();
    }

    public int total() {
        return byTask.length();
    }

    public int done() {
        return done.get();
    }

    public int errors() {
        return errors.get();
    }

    /// The outcomes so far, in task order (tasks not finished are absent).
    public List<TaskOutcome> list() {
        List<TaskOutcome> list = new ArrayList<>(done.get());
        for (int i = 0; i < byTask.length(); i++) {
            TaskOutcome o = byTask.get(i);
            if (o != null) list.add(o);
        }
        return list;
    }
}
