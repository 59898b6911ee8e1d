package org.concurrencylab.core.model;

/// A way of running tasks: it interprets the task plans of any workload, records what its
/// workers do, and returns when every task has finished or the run was stopped.
public interface ConcurrencyModel {

    ModelKind kind();

    /// How many workers (lanes) the model uses.
    int workers();

    /// Runs every plan of `context`. Must return within 500 ms of a stop; must record one outcome
    /// for every task it started.
    void run(RunContext context) throws InterruptedException;
}
