package org.concurrencylab.diagram;

import java.util.Locale;

/// A colour, free of any toolkit, so screen and file renderers share it.
///
/// @param r     red, 0–255
/// @param g     green, 0–255
/// @param b     blue, 0–255
/// @param alpha opacity, 0–1
public record Rgb(int r, int g, int b, double alpha) {
    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) throw new IllegalArgumentException("channel out of range");
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha out of range: " + alpha);
    }

    /// Parses `#rrggbb`.
    public static Rgb hex(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, 1);
    }

    public Rgb withAlpha(double a) {
        return new Rgb(r, g, b, a);
    }

    /// `#rrggbb`, without the alpha.
    public String toHex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /// Mixes this colour toward `other` by `t` (0: this, 1: other).
    public Rgb mix(Rgb other, double t) {
        return new Rgb((int) Math.round(r + (other.r - r) * t), (int) Math.round(g + (other.g - g) * t),
                (int) Math.round(b + (other.b - b) * t), alpha + (other.alpha - alpha) * t);
    }
}
