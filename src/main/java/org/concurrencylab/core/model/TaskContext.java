package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Kernels;

import java.util.concurrent.Semaphore;

/// What a step sees while it runs on a worker: it reports state changes on the worker's lane
/// and offers the checkpoint that long computations call. With a [Gil], running code needs the
/// lock (time spent waiting for it is LOCK_WAIT), waiting for I/O lets go of it, and the
/// checkpoint hands it over when the switch interval is up. With a connection limit, a download
/// first waits (QUEUED) for a free connection.
///
/// Thread-safety: confined to the worker thread running the task.
public final class TaskContext implements Kernels.Checkpoint {
    private final LaneTrack lane;
    private final int task;
    private final RunControl control;
    private final Gil gil;
    private final Semaphore connections;
    private boolean holdingGil;
    private boolean holdingConnection;
    private long gilSince;
    private final CoreWaits coreWaits;

    public TaskContext(LaneTrack lane, int task, RunControl control) {
        this(lane, task, control, null, null);
    }

    /// `gil` and `connections` may be null (no GIL, no connection limit).
    public TaskContext(LaneTrack lane, int task, RunControl control, Gil gil, Semaphore connections) {
        this.lane = lane;
        this.task = task;
        this.control = control;
        this.gil = gil;
        this.connections = connections;
        this.coreWaits = new CoreWaits(lane);
    }

    public int task() {
        return task;
    }

    public RunControl control() {
        return control;
    }

    // code:gil-take
    /// The worker starts running our code on the CPU (after taking the GIL, if there is one).
    public void work(String label) {
        control.checkpoint();
        leaveWork();
        if (gil != null && !holdingGil) {
            lane.enter(State.LOCK_WAIT, task, "waiting for the GIL");
            gil.acquire();
            holdingGil = true;
            gilSince = System.nanoTime();
        }
        lane.enter(State.WORK, task, label);
        coreWaits.start();
    }

    /// The worker starts waiting for I/O (and lets go of the GIL, as CPython does).
    public void ioWait(String label) {
        control.checkpoint();
        leaveWork();
        lane.enter(State.IO_WAIT, task, label);
        releaseGil();
    }
    // end:gil-take

    /// The I/O wait is over; the worker is between steps until the next one begins.
    public void ioDone() {
        lane.idle();
    }

    /// Before a download: waits for a free connection if the model limits them.
    public void acquireConnection(String label) {
        if (connections == null) return;
        if (!connections.tryAcquire()) {
            lane.enter(State.QUEUED, task, "waiting for a free connection: " + label);
            releaseGil();
            try {
                connections.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
        holdingConnection = true;
    }

    /// After a download, once the lane has left its I/O wait: frees the connection taken by
    /// [#acquireConnection] (also done by [#fail] and [#finish]; a second call does nothing).
    public void releaseConnection() {
        if (holdingConnection) {
            holdingConnection = false;
            connections.release();
        }
    }

    /// While the worker runs code: it waited for a lock for `waitedNanos`, from about
    /// `askedNanoTime` (a `System.nanoTime()` reading). The wait is recorded as LOCK_WAIT inside
    /// the running state, which then goes on.
    public void waited(long askedNanoTime, long waitedNanos, String label) {
        lane.interrupt(State.LOCK_WAIT, label, askedNanoTime, askedNanoTime + waitedNanos);
        // a virtual thread that waited may have come back on another carrier
        if (Thread.currentThread().isVirtual()) coreWaits.start();
    }

    /// Replaces the label of the current state (e.g. adds the size once a body is read).
    public void label(String label) {
        lane.label(label);
    }

    /// The current state failed with `error`; the worker is then idle.
    public void fail(String error) {
        // between two steps the lane is idle: mark the failure on an instant of its own
        if (lane.state() == null) lane.enter(State.WORK, task, "between steps");
        else if (lane.state() == State.WORK) coreWaits.stop(false);
        lane.fail(error);
        releaseConnection();
        releaseGil();
    }

    /// The task is over; the worker is idle.
    public void finish() {
        leaveWork();
        lane.idle();
        releaseConnection();
        releaseGil();
    }

    /// Called often by long computations: throws [CancelledException] once the run is stopped;
    /// hands the GIL over when the switch interval is up and another thread waits for it.
    // code:gil-switch
    @Override
    public void check() {
        control.checkpoint();
        coreWaits.sample();
        if (holdingGil && gil.mustHandOver(gilSince)) {
            String label = lane.label();
            leaveWork();
            lane.enter(State.LOCK_WAIT, task, "GIL handed over; waiting to get it back");
            holdingGil = false;
            gil.release();
            gil.acquire();
            holdingGil = true;
            gilSince = System.nanoTime();
            lane.enter(State.WORK, task, label);
            coreWaits.start();
        }
    }
    // end:gil-switch

    /// Before the lane leaves WORK: the wait for a core in its last stretch is read.
    private void leaveWork() {
        if (lane.state() == State.WORK) coreWaits.stop(true);
    }

    private void releaseGil() {
        if (holdingGil) {
            holdingGil = false;
            gil.release();
        }
    }
}
