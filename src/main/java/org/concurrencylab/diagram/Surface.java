package org.concurrencylab.diagram;

/// What the diagram painter draws on: a JavaFX canvas for the window and PNG files, an SVG
/// document for vector files. Coordinates are pixels from the top-left; text `y` is the baseline.
public interface Surface extends DiagramLayout.TextMeasure {

    enum Align { LEFT, CENTER, RIGHT }

    void fillRect(double x, double y, double w, double h, Rgb color);

    void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth);

    void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth);

    void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color);

    /// Fills a rectangle with `base` crossed by 45° stripes of `stripe`, `step` px apart. This
    /// default draws the stripes as lines cut to the rectangle; a surface with a cheaper way
    /// (a pattern fill) overrides it.
    default void fillHatched(double x, double y, double w, double h, Rgb base, Rgb stripe, double step, double lineWidth) {
        fillRect(x, y, w, h, base);
        double right = x + w;
        for (double k = Math.floor((x - h) / step) * step; k < right; k += step) {
            double x0 = Math.max(k, x);
            double x1 = Math.min(k + h, right);
            if (x1 - x0 < 0.5) continue;
            line(x0, y + h - (x0 - k), x1, y + h - (x1 - k), stripe, lineWidth);
        }
    }

    /// Restricts drawing to a rectangle until the matching [#popClip].
    void pushClip(double x, double y, double w, double h);

    void popClip();
}
