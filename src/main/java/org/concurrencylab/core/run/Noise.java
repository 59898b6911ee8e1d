package org.concurrencylab.core.run;

import java.util.Locale;

/// How far apart two wall times must be before the lab calls one faster. Two runs of the same
/// work on the same machine differ by a few per cent (the JIT, the scheduler, a busy core), up
/// to about 5 % on the 2-core machine the lab is measured on (the `bench` command's ranges,
/// docs/MEASUREMENTS.md); within twice that, a verdict says "about the same" and names the band.
public final class Noise {
    private Noise() {}

    /// Within this share of each other, two times are a tie.
    public static final double TIE_BAND = 0.10;

    /// Whether `a` and `b` (ns, both > 0) are within [#TIE_BAND] of each other.
    public static boolean tie(long a, long b) {
        long slower = Math.max(a, b);
        long faster = Math.max(1, Math.min(a, b));
        return slower <= faster * (1 + TIE_BAND);
    }

    /// The band in words: "within 10 %".
    public static String band() {
        return String.format(Locale.ROOT, "within %.0f%%", TIE_BAND * 100);
    }
}
