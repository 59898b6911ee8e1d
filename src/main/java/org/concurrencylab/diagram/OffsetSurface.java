package org.concurrencylab.diagram;

/// A [Surface] that draws on another one moved `dy` pixels down: one panel of a stack.
///
/// @param inner where the drawing goes
/// @param dy    pixels down
record OffsetSurface(Surface inner, double dy) implements Surface {
    @Override
    public void fillRect(double x, double y, double w, double h, Rgb color) {
        inner.fillRect(x, y + dy, w, h, color);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {
        inner.strokeRect(x, y + dy, w, h, color, lineWidth);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        inner.line(x1, y1 + dy, x2, y2 + dy, color, lineWidth);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        inner.text(text, x, y + dy, size, bold, align, color);
    }

    @Override
    public void fillHatched(double x, double y, double w, double h, Rgb base, Rgb stripe, double step, double lineWidth) {
        inner.fillHatched(x, y + dy, w, h, base, stripe, step, lineWidth);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        inner.pushClip(x, y + dy, w, h);
    }

    @Override
    public void popClip() {
        inner.popClip();
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        return inner.textWidth(text, size, bold);
    }
}
