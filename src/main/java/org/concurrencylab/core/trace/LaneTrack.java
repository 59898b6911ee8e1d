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

    /// One stretch of a state cut out of the current one, `nanos` long.
    public record Piece(State state, String label, long nanos) {}

    /// Cuts the current state for a wait that is over: the state ends at `fromNanoTime`, `state`
    /// fills the time until `toNanoTime` (both `System.nanoTime()` readings), and the state that was
    /// current goes on from there with its label. Does nothing when the lane is idle.
    public void interrupt(State state, String label, long fromNanoTime, long toNanoTime) {
        cut(fromNanoTime, true, new Piece(state, label, Math.max(0, toNanoTime - fromNanoTime)));
    }

    /// Cuts `pieces`, one after another, out of the current state from `fromNanoTime` (a
    /// `System.nanoTime()` reading): with `resume` the state that was current goes on after them
    /// with its label; without, the last piece stays current (a wait found out about as the state
    /// ends; the next [#enter] ends it). The pieces never reach back before the current state
    /// began: what would is cut off their front, so they still end where they were measured to.
    /// Pieces of no length are left out. Does nothing when the lane is idle.
    public void cut(long fromNanoTime, boolean resume, Piece... pieces) {
        if (current == null) return;
        long began = current.start();
        long at = recorder.clock().fromNanoTime(fromNanoTime);
        State was = current.state();
        String wasLabel = current.label();
        int task = current.task();
        current.endAt(Math.max(began, at), null);
        Span last = null;
        for (Piece piece : pieces) {
            long from = Math.max(began, at);
            at += Math.max(0, piece.nanos());
            if (at <= from) continue;
            if (last != null) last.endAt(from, null);
            last = recorder.beginAt(lane, task, piece.state(), piece.label(), from);
        }
        long end = Math.max(began, at);
        if (resume || last == null) {
            if (last != null) last.endAt(end, null);
            current = recorder.beginAt(lane, task, was, wasLabel, end);
        } else {
            current = last;
        }
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
