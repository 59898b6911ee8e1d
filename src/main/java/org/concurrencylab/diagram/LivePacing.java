package org.concurrencylab.diagram;

/// How often a live run is redrawn. The drawing shares the machine's cores with the workload it
/// measures, so it takes no more than it needs to look fluid: at most every [#FRAME_NANOS], and
/// every [#SLOW_FRAME_NANOS] once a pulse came over [#LATE_PULSE_NANOS] late (the machine shows
/// it cannot keep up; rasterizing a frame then competes with the run for the cores).
///
/// Thread-safety: not thread-safe; one owner (the FX thread).
public final class LivePacing {
    public static final long FRAME_NANOS = 40_000_000L;
    public static final long SLOW_FRAME_NANOS = 100_000_000L;
    public static final long LATE_PULSE_NANOS = 50_000_000L;

    private long frame = FRAME_NANOS;
    private long lastPulse;
    private long lastDraw;

    /// Starts afresh for a new run.
    public void reset() {
        frame = FRAME_NANOS;
        lastPulse = 0;
        lastDraw = 0;
    }

    /// Notes a pulse at `nanos`; a late one slows the frames down for the rest of the run.
    public void pulse(long nanos) {
        if (lastPulse != 0 && nanos - lastPulse > LATE_PULSE_NANOS) frame = SLOW_FRAME_NANOS;
        lastPulse = nanos;
    }

    /// Whether a live frame is due at `nanos` (and if so, counts it drawn).
    public boolean due(long nanos) {
        if (nanos - lastDraw < frame) return false;
        lastDraw = nanos;
        return true;
    }

    /// The time between live frames now.
    public long frameNanos() {
        return frame;
    }
}
