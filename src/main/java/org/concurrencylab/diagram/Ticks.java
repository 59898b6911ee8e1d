package org.concurrencylab.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Chooses the time axis ticks: round steps (1, 2, 5 × 10^k ns) at least a given number of
/// pixels apart, labelled in the unit that fits the step. Whatever the window, there are at most
/// [#MAX_TICKS] ticks and every loop ends: times near `Long.MAX_VALUE` do not wrap around.
public final class Ticks {
    /// The most ticks an axis gets: more than any screen or picture has room for.
    public static final int MAX_TICKS = 1_000;

    private Ticks() {}

    /// One tick: its time, pixel and label.
    public record Tick(long nanos, double x, String label) {}

    public static List<Tick> choose(TimeScale scale, double minSpacingPx) {
        long step = step(scale, minSpacingPx);
        List<Tick> ticks = new ArrayList<>();
        long steps = Math.ceilDiv(scale.startNanos(), step);
        if (steps > Long.MAX_VALUE / step) return ticks; // the first round time is past what a long holds
        long first = steps * step;
        for (long t = first; t <= scale.endNanos() && ticks.size() < MAX_TICKS; t += step) {
            ticks.add(new Tick(t, scale.x(t), label(t, step)));
            if (t > Long.MAX_VALUE - step) break; // the next tick would wrap around
        }
        return ticks;
    }

    /// The smallest round step whose ticks are at least `minSpacingPx` apart.
    public static long step(TimeScale scale, double minSpacingPx) {
        double minNanos = minSpacingPx / scale.pixelsPerNano();
        long step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m >= minNanos) return step * m;
            }
            if (step > Long.MAX_VALUE / 100) return step;
            step *= 10;
        }
    }

    /// Formats a time for a tick `step` apart from its neighbours, in the unit the step calls for,
    /// the same on the whole axis: "0", "0.5 s", "1.0 s"; "20 ms", "40 ms"; "250 µs".
    public static String label(long nanos, long step) {
        if (nanos == 0) return "0";
        if (step >= 100_000_000L) return trim(nanos / 1e9, step / 1e9) + " s";
        if (step >= 100_000L) return trim(nanos / 1e6, step / 1e6) + " ms";
        if (step >= 100L) return trim(nanos / 1e3, step / 1e3) + " µs";
        return nanos + " ns";
    }

    private static String trim(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /// A duration for people: "14.7 s", "3.04 s", "312 ms", "85 µs".
    public static String duration(long nanos) {
        // choose the unit on the rounded value, so 999.9 ms reads "1.00 s", not "1000 ms"
        if (nanos >= 9_999_500_000L) return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        if (nanos >= 999_500_000L) return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        if (nanos >= 9_950_000L) return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        if (nanos >= 999_500L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        if (nanos >= 1_000L) return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        return nanos + " ns";
    }
}
