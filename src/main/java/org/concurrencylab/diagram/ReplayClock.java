package org.concurrencylab.diagram;

/// The time cursor of a replay: where it is, whether it plays, and how fast. It moves with the
/// wall clock (a replay at 1× takes as long as the run did), steps from change to change, and
/// stops at the run's end.
///
/// Thread-safety: not thread-safe; one owner (the FX thread in the window).
public final class ReplayClock {
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 4;

    private boolean replaying;
    private boolean playing;
    private long cursor = -1;
    private double speed = 1;
    private long lastTick;

    public boolean replaying() { return replaying; }

    public boolean playing() { return playing; }

    /// The cursor in ns from the run's start, or -1 when not replaying.
    public long cursor() { return cursor; }

    /// Run seconds per real second, from [#MIN_SPEED] to [#MAX_SPEED].
    public double speed() { return speed; }

    /// Starts a replay from the beginning; it plays at once.
    public void start() {
        replaying = true;
        cursor = 0;
        playing = true;
        lastTick = 0;
    }

    public void stop() {
        playing = false;
        replaying = false;
        cursor = -1;
    }

    /// Moves the cursor to `nanos`, within `[0, end]`.
    public void seek(long nanos, long end) {
        if (replaying) cursor = Math.clamp(nanos, 0, end);
    }

    /// Plays or pauses; a replay paused at its end plays again from the start.
    public void toggle(long end) {
        if (!replaying) {
            start();
            return;
        }
        if (!playing && cursor >= end) cursor = 0;
        playing = !playing;
        lastTick = 0;
    }

    public void pause() {
        playing = false;
    }

    public void setSpeed(double s) {
        speed = Math.clamp(s, MIN_SPEED, MAX_SPEED);
    }

    /// Doubles (or halves) the speed, within the limits.
    public void changeSpeed(boolean faster) {
        setSpeed(faster ? speed * 2 : speed / 2);
    }

    /// Moves a playing cursor by the wall time since the last tick (`nowNanos` from
    /// `System.nanoTime()`); returns whether it moved. It pauses at `end`.
    public boolean advance(long nowNanos, long end) {
        if (!replaying || !playing) return false;
        boolean moved = false;
        if (lastTick != 0) {
            long next = cursor + Math.round((nowNanos - lastTick) * speed);
            if (next >= end) {
                next = end;
                playing = false;
            }
            moved = next != cursor;
            cursor = next;
        }
        lastTick = nowNanos;
        return moved;
    }
}
