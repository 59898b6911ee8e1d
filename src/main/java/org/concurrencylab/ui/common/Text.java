package org.concurrencylab.ui.common;

import java.util.Locale;

/// Small pieces of wording the window's panes share.
public final class Text {
    private Text() {}

    /// Within this share of each other two times read as "about the same": closer than that,
    /// run-to-run noise on a busy machine can swap them.
    public static final double TIE_BAND = 0.05;

    public static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /// A run against the synchronous one, from its speed-up `ratio` (sync time / this time):
    /// "4.9× faster than synchronous", "2.3× slower than synchronous", or "about as fast as
    /// synchronous" within [#TIE_BAND].
    public static String speedUp(double ratio) {
        if (Math.abs(ratio - 1) <= TIE_BAND) {
            return String.format(Locale.ROOT, "about as fast as synchronous (within %.0f%%)", TIE_BAND * 100);
        }
        return String.format(Locale.ROOT, "%.1f× %s than synchronous", ratio >= 1 ? ratio : 1 / ratio,
                ratio >= 1 ? "faster" : "slower");
    }
}
