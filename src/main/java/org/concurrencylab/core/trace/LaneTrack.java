package org.concurrencylab.core.trace;

/// The current state of one lane, as a little state machine: entering a state ends the previous
/// one, so the lane's segments never overlap.
///
/// Thread-safety: confined to the one thread that works on the lane (it may be handed over to
/// another thread with a happens-before edge, e.g. through an executor).
public final class LaneTrack {
    private final TraceRecorder recorder;
    private final int lane;
    private Span current;

    LaneTrack(TraceRecorder recorder, int lane) {
        this.recorder = recorder;
        this.lane = lane;
    }

    public int lane() {
        return lane;
    }

    /// Ends the current state and enters `state` for `task`.
    public void enter(State state, int task, String label) {
        long now = recorder.clock().now();
        if (current != null) current.endAt(now, null);
        current = recorder.beginAt(lane, task, state, label, now);
    }

    /// Cuts the current state for a wait that is over: the state ends at `fromNanoTime`, `state`
    /// fills the time until `toNanoTime` (both `System.nanoTime()` readings), and the state that was
    /// current goes on from there with its label. Does nothing when the lane is idle.
    public void interrupt(State state, String label, long fromNanoTime, long toNanoTime) {
        if (current == null) return;
        RunClock clock = recorder.clock();
        long from = Math.max(current.start(), clock.fromNanoTime(fromNanoTime));
        long to = Math.max(from, clock.fromNanoTime(toNanoTime));
        State was = current.state();
        String wasLabel = current.label();
        int task = current.task();
        current.endAt(from, null);
        recorder.beginAt(lane, task, state, label, from).endAt(to, null);
        current = recorder.beginAt(lane, task, was, wasLabel, to);
    }

    /// Ends the current state as failed with `error`; the lane is then idle.
    public void fail(String error) {
        if (current != null) current.fail(error);
        current = null;
    }

    /// Ends the current state; the lane is then idle (drawn empty).
    public void idle() {
        if (current != null) current.end();
        current = null;
    }

    /// Replaces the label of the current state, if any.
    public void label(String label) {
        if (current != null) current.relabel(label);
    }

    /// The label of the current state, or "" when idle.
    public String label() {
        return current == null ? "" : current.label();
    }

    /// The state the lane is in, or null when idle.
    public State state() {
        return current == null ? null : current.state();
    }
}
