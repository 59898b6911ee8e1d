package org.concurrencylab.diagram;

/// Draws a [StackedLayout.Stacked] on any [Surface]: the header, then each panel with the same
/// [DiagramPainter] as a single diagram, its ideal time as a ghost bar, and a rule between panels.
public final class StackedPainter {
    private StackedPainter() {}

    public static void paint(Surface s, StackedLayout.Stacked stacked) {
        DiagramStyle style = stacked.headerStyle();
        Palette p = style.palette();
        s.fillRect(0, 0, stacked.width(), stacked.height(), p.background());
        DiagramPainter.paint(s, stacked.header(), style);
        for (StackedLayout.PanelFrame panel : stacked.panels()) {
            Surface moved = new OffsetSurface(s, panel.y());
            DiagramPainter.paint(moved, panel.frame(), panel.style());
            long ideal = panel.panel().idealNanos();
            if (ideal >= 0) ghost(moved, panel.frame(), ideal, style);
            moved.line(style.px(12), 0.5, stacked.width() - style.px(12), 0.5, p.grid(), 1);
        }
        if (stacked.axisY() >= 0) DiagramPainter.paintTickLabels(s, stacked.axis(), stacked.scale().x0(), stacked.axisY(), style);
    }

    /// The ideal as a ghost bar: a faint band from 0 to the ideal time across the lanes, its
    /// edge marked and labelled on a tag at the top. A plot thinner than the tag (a compact
    /// panel of one or two lanes) gets no tag, which would spill over the next panel and be cut
    /// there: its caption gives the ideal ("ideal 4.34 s, efficiency 100%").
    static void ghost(Surface s, DiagramLayout.Frame f, long idealNanos, DiagramStyle style) {
        Palette p = style.palette();
        DiagramLayout.Rect plot = f.plot();
        double x = Math.min(plot.right(), Math.max(plot.x(), f.scale().x(idealNanos)));
        Rgb ink = p.text();
        s.fillRect(plot.x(), plot.y(), Math.max(1, x - plot.x()), plot.h(), ink.withAlpha(p.dark() ? 0.10 : 0.07));
        s.line(Math.floor(x) + 0.5, plot.y(), Math.floor(x) + 0.5, plot.bottom(), ink.withAlpha(0.75), style.px(1.5));
        String label = "ideal " + Ticks.duration(idealNanos);
        double size = style.px(DiagramLayout.TICK_SIZE);
        double pad = style.px(3);
        double w = s.textWidth(label, size, false) + 2 * pad;
        double h = size + 2 * pad;
        boolean fitsRight = x + style.px(4) + w < plot.right();
        double left = fitsRight ? x + style.px(4) : Math.max(plot.x(), x - style.px(4) - w);
        double top = plot.y() + style.px(2);
        if (top + h > plot.bottom()) return;
        s.fillRect(left, top, w, h, p.background().withAlpha(0.9));
        s.strokeRect(left, top, w, h, ink.withAlpha(0.5), 1);
        s.text(label, left + pad, top + pad + size * 0.8, size, false, Surface.Align.LEFT, ink);
    }
}
