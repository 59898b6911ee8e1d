package org.concurrencylab.diagram;

/// Maps run time (ns) to x pixels and back, for a visible time window drawn over a pixel range.
/// Immutable.
///
/// @param startNanos time at the left edge
/// @param endNanos   time at the right edge (> start)
/// @param x0         pixel of the left edge
/// @param width      pixels from left to right edge (> 0)
public record TimeScale(long startNanos, long endNanos, double x0, double width) {
    public TimeScale {
        if (endNanos <= startNanos) throw new IllegalArgumentException("empty time window");
        if (!(width > 0)) throw new IllegalArgumentException("width must be > 0");
    }

    public double x(long nanos) {
        return x0 + (nanos - startNanos) * width / (endNanos - startNanos);
    }

    public long nanos(double x) {
        return startNanos + Math.round((x - x0) * (endNanos - startNanos) / width);
    }

    public double pixelsPerNano() {
        return width / (endNanos - startNanos);
    }

    public long span() {
        return endNanos - startNanos;
    }

    /// A window from 0 that ends on a round time at or after `nanos` (1, 2 or 5 × 10^k ms), so a
    /// live diagram changes scale only now and then as the run grows; `nanos` itself beyond the
    /// largest such time a `long` holds.
    public static long roundUpSpan(long nanos) {
        long min = 100_000_000L;
        long target = Math.max(nanos, min);
        for (long step = 1_000_000L; step <= Long.MAX_VALUE / 10; step *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m >= target) return step * m;
            }
        }
        return target;
    }
}
