package org.concurrencylab.ui.common;

import org.concurrencylab.core.run.Noise;

import java.util.Locale;

/// Small pieces of wording the window's panes share.
public final class Text {
    private Text() {}

    public static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /// A run against the synchronous one, from its speed-up `ratio` (sync time / this time):
    /// "4.9× faster than synchronous", "2.3× slower than synchronous", or "about as fast as
    /// synchronous (within 10%)" within the lab's run-to-run noise ([Noise#TIE_BAND]).
    public static String speedUp(double ratio) {
        if (ratio <= 1 + Noise.TIE_BAND && ratio >= 1 / (1 + Noise.TIE_BAND)) {
            return "about as fast as synchronous (" + Noise.band() + ")";
        }
        return String.format(Locale.ROOT, "%.1f× %s than synchronous", ratio >= 1 ? ratio : 1 / ratio,
                ratio >= 1 ? "faster" : "slower");
    }
}
