package org.concurrencylab.core.trace;

import java.util.Objects;

/// A stretch of time one worker spent in one state for one task.
///
/// Times are nanoseconds from the run's start. A segment read while the run goes on may still
/// be open: then `end` is the time it was read at and [#open()] is true.
///
/// @param lane  the worker's lane id, or [#NO_LANE] for a task-only segment (e.g. QUEUED)
/// @param task  the task id, or [#NO_TASK] for time that belongs to no task (a loop idling)
/// @param state what the worker was doing
/// @param start ns from run start
/// @param end   ns from run start, `>= start`
/// @param label what the step was (a URL and size, `n=5000000`), may be empty
/// @param error why the step failed, or null when it did not
/// @param open  true if the segment had not ended when it was read
public record Segment(int lane, int task, State state, long start, long end, String label, String error, boolean open) {
    public static final int NO_LANE = -1;
    public static final int NO_TASK = -1;

    public Segment {
        Objects.requireNonNull(state, "state");
        if (end < start) throw new IllegalArgumentException("segment ends before it starts: " + start + " > " + end);
        label = label == null ? "" : label;
    }

    public static Segment closed(int lane, int task, State state, long start, long end, String label) {
        return new Segment(lane, task, state, start, end, label, null, false);
    }

    public long duration() {
        return end - start;
    }

    public boolean failed() {
        return error != null;
    }

    /// True if this segment and `other` share some positive stretch of time.
    public boolean overlaps(Segment other) {
        return start < other.end && other.start < end;
    }
}
