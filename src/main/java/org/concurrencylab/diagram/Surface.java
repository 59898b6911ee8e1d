package org.concurrencylab.diagram;

/// What the diagram painter draws on: a JavaFX canvas for the window and PNG files, an SVG
/// document for vector files. Coordinates are pixels from the top-left; text `y` is the baseline.
public interface Surface extends DiagramLayout.TextMeasure {

    enum Align { LEFT, CENTER, RIGHT }

    void fillRect(double x, double y, double w, double h, Rgb color);

    void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth);

    void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth);

    void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color);

    /// Restricts drawing to a rectangle until the matching [#popClip].
    void pushClip(double x, double y, double w, double h);

    void popClip();
}
