package org.concurrencylab.diagram;

/// What part of a run a diagram shows: a time window, or the whole run as it grows, and the
/// first lane at the top. Plain data and arithmetic, shared by every front end; the window's
/// diagram asks it where to zoom and pan.
///
/// Thread-safety: not thread-safe; one owner (the FX thread in the window).
public final class Viewport {
    /// The narrowest time window zooming reaches.
    public static final long MIN_SPAN = 1_000L;

    private long start;
    /// The window's end; 0 while the whole run is shown (following it as it grows).
    private long end;
    private int firstLane;

    /// Whether the whole run is shown.
    public boolean showsAll() {
        return end == 0;
    }

    /// The window's start in ns, for a run that shows `total` ns in all.
    public long start() {
        return showsAll() ? 0 : start;
    }

    /// The window's end in ns, `total` when the whole run is shown.
    public long end(long total) {
        return showsAll() ? total : end;
    }

    /// Shows the whole run again.
    public void fit() {
        start = 0;
        end = 0;
    }

    /// Shows `from`–`to`, kept inside `[0, total]` and at least [#MIN_SPAN] wide; a window that
    /// covers the whole run shows the whole run (and follows it).
    public void setWindow(long from, long to, long total) {
        long span = Math.min(Math.max(MIN_SPAN, to - from), Math.max(1, total));
        long lo = Math.clamp(from, 0, Math.max(0, total - span));
        start = lo;
        end = lo + span;
        if (start <= 0 && end >= total) fit();
    }

    /// Zooms by `factor` (> 1 zooms in) around the time under `x` on `scale`.
    public void zoomAt(TimeScale scale, double x, double factor, long total) {
        if (!(factor > 0)) return;
        long anchor = scale.nanos(Math.clamp(x, scale.x0(), scale.x0() + scale.width()));
        double span = Math.max(MIN_SPAN, scale.span() / factor);
        double leftShare = (anchor - scale.startNanos()) / (double) scale.span();
        setWindow(anchor - Math.round(span * leftShare), anchor + Math.round(span * (1 - leftShare)), total);
    }

    /// Moves the window by `share` of its width (negative: left).
    public void pan(TimeScale scale, double share, long total) {
        long by = Math.round(scale.span() * share);
        setWindow(scale.startNanos() + by, scale.endNanos() + by, total);
    }

    /// Moves the window by `nanos` (a drag).
    public void shift(TimeScale scale, long nanos, long total) {
        if (nanos != 0) setWindow(scale.startNanos() + nanos, scale.endNanos() + nanos, total);
    }

    public int firstLane() {
        return firstLane;
    }

    /// Puts lane `lane` at the top, within `0..maxFirst`.
    public void setFirstLane(int lane, int maxFirst) {
        firstLane = Math.clamp(lane, 0, Math.max(0, maxFirst));
    }
}
