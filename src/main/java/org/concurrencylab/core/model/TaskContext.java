package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Kernels;

/// What a step sees while it runs on a worker: it reports state changes on the worker's lane
/// and offers the checkpoint that long computations call.
///
/// Thread-safety: confined to the worker thread running the task.
public final class TaskContext implements Kernels.Checkpoint {
    private final LaneTrack lane;
    private final int task;
    private final RunControl control;

    public TaskContext(LaneTrack lane, int task, RunControl control) {
        this.lane = lane;
        this.task = task;
        this.control = control;
    }

    public int task() {
        return task;
    }

    public RunControl control() {
        return control;
    }

    /// The worker starts running our code on the CPU.
    public void work(String label) {
        control.checkpoint();
        lane.enter(State.WORK, task, label);
    }

    /// The worker starts waiting for I/O.
    public void ioWait(String label) {
        control.checkpoint();
        lane.enter(State.IO_WAIT, task, label);
    }

    /// Replaces the label of the current state (e.g. adds the size once a body is read).
    public void label(String label) {
        lane.label(label);
    }

    /// The current state failed with `error`; the worker is then idle.
    public void fail(String error) {
        lane.fail(error);
    }

    /// The task is over; the worker is idle.
    public void finish() {
        lane.idle();
    }

    /// Called often by long computations: throws [CancelledException] once the run is stopped.
    @Override
    public void check() {
        control.checkpoint();
    }
}
