package org.concurrencylab.core.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/// An open segment: started, not yet ended. Created by [TraceRecorder#begin].
///
/// Thread-safety: owned by the thread that began it, which ends it; the recorder may also end it
/// from another thread at the end of a stopped run: it ends exactly once either way.
public final class Span {
    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(Span.class, "ended", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final Span DISABLED = new Span(null, Segment.NO_LANE, Segment.NO_TASK, State.WORK, 0, "");

    private final TraceRecorder recorder;
    private final int lane;
    private final int task;
    private final State state;
    private final long start;
    private volatile String label;
    private volatile boolean ended;

    Span(TraceRecorder recorder, int lane, int task, State state, long start, String label) {
        this.recorder = recorder;
        this.lane = lane;
        this.task = task;
        this.state = state;
        this.start = start;
        this.label = label == null ? "" : label;
    }

    public int lane() { return lane; }

    public int task() { return task; }

    public State state() { return state; }

    public long start() { return start; }

    public String label() { return label; }

    /// Replaces the label while the span is open (e.g. adds the size once a download is read).
    public void relabel(String newLabel) {
        if (!ended) label = newLabel == null ? "" : newLabel;
    }

    /// Ends the span now. A second call does nothing.
    public void end() {
        finish(null);
    }

    /// Ends the span now, marked as failed with `error` (shown on hover).
    public void fail(String error) {
        finish(error == null || error.isBlank() ? "failed" : error);
    }

    /// Ends the span at run time `end` (clamped to its start), failed with `error` unless it is
    /// null: for a state measured elsewhere whose end is known exactly, such as a worker
    /// process's, heard of a little later. A second call does nothing.
    public void endAt(long end, String error) {
        if (recorder == null || !ENDED.compareAndSet(this, false, true)) return;
        recorder.close(this, error, end);
    }

    private void finish(String error) {
        if (ended || recorder == null) return;
        endAt(recorder.clock().now(), error);
    }

    /// This span as a segment that ends at `now`, still open.
    Segment asOpenSegment(long now) {
        return new Segment(lane, task, state, start, Math.max(start, now), label, null, true);
    }
}
