package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout.Box;
import org.concurrencylab.diagram.DiagramLayout.LaneRow;
import org.concurrencylab.diagram.DiagramLayout.Rect;

import java.util.List;

/// Turns one lane's segments, in start order, into boxes: a segment a pixel wide or more is
/// its own box; those narrower are summed per pixel column and state into the share of the
/// column's time they filled.
///
/// Thread-safety: confined to the thread laying out one frame.
final class ColumnCoverage {
    /// Bottom to top, the order in which a pixel column stacks the shares of its states.
    private static final List<State> STACKING = List.of(State.WORK, State.READY, State.PAUSED, State.LOCK_WAIT,
            State.STARTUP, State.IO_WAIT, State.QUEUED);

    private final LaneRow row;
    private final TimeScale scale;
    private final Rect plot;
    private final List<Box> out;
    private final List<Box> slivers;
    private final int highlight;
    private final long[] covered = new long[State.values().length];
    private final int[] counts = new int[State.values().length];
    private final Segment[] longest = new Segment[State.values().length];
    private final boolean[] failed = new boolean[State.values().length];
    private boolean pending;
    private double column;
    private boolean open;
    private boolean highlighted;

    ColumnCoverage(LaneRow row, TimeScale scale, Rect plot, List<Box> out, List<Box> slivers, int highlight) {
        this.row = row;
        this.scale = scale;
        this.plot = plot;
        this.out = out;
        this.slivers = slivers;
        this.highlight = highlight;
    }

    void add(Segment s) {
        // a state held for no time at all was not there: it gets no pixel (a failure still shows)
        if (s.duration() == 0 && !s.failed() && !s.open()) return;
        double x0 = Math.max(plot.x(), scale.x(s.start()));
        double x1 = Math.min(plot.right(), scale.x(s.end()));
        if (x1 - x0 >= 1.0) {
            flush();
            out.add(new Box(x0, row.boxY(), x1 - x0, row.boxHeight(), s.state(), s.failed(), s.open(), s, 1,
                    highlight >= 0 && s.task() != highlight));
            return;
        }
        double col = Math.min(Math.floor(x0), plot.right() - 1);
        if (pending && col != column) flush();
        if (!pending) {
            pending = true;
            column = col;
            open = false;
            highlighted = false;
        }
        int k = s.state().ordinal();
        // only the part inside the window counts, so a column at the window's edge is not overfilled
        long from = Math.max(s.start(), scale.startNanos());
        long to = Math.min(s.end(), scale.endNanos());
        covered[k] += Math.max(0, to - from);
        counts[k]++;
        if (longest[k] == null || s.duration() > longest[k].duration()) longest[k] = s;
        failed[k] |= s.failed();
        open |= s.open();
        highlighted |= s.task() == highlight;
    }

    void flush() {
        if (!pending) return;
        double x = Math.max(plot.x(), column);
        double w = Math.max(1, Math.min(1, plot.right() - x));
        double columnNanos = Math.max(1, 1 / scale.pixelsPerNano());
        double bottom = row.boxY() + row.boxHeight();
        double filled = 0;
        for (State state : STACKING) {
            int k = state.ordinal();
            if (counts[k] == 0) continue;
            double share = Math.min(1, covered[k] / columnNanos);
            // a state that is there at all shows at least a pixel; the shares never overfill the lane
            double h = Math.min(row.boxHeight() - filled, Math.max(1, share * row.boxHeight()));
            if (h > 0) {
                slivers.add(new Box(x, bottom - filled - h, w, h, state, failed[k], open, longest[k], counts[k],
                        highlight >= 0 && !highlighted, share));
                filled += h;
            }
            covered[k] = 0;
            counts[k] = 0;
            longest[k] = null;
            failed[k] = false;
        }
        pending = false;
    }
}
