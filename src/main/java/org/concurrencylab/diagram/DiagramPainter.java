package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.State;

import java.util.List;
import java.util.Locale;

/// Draws a laid-out [DiagramLayout.Frame] on any [Surface]. Stateless: the window, the PNG and
/// the SVG writers call the same code, so they draw the same picture.
public final class DiagramPainter {
    private DiagramPainter() {}

    public static void paint(Surface s, DiagramLayout.Frame f, DiagramStyle style) {
        Palette p = style.palette();
        s.fillRect(0, 0, f.width(), f.height(), p.background());
        double margin = style.px(style.compact() ? 4 : 12);

        if (style.compact()) {
            // one line: the title over the header column, the caption over the plot
            double size = style.px(DiagramLayout.LABEL_SIZE);
            if (f.titleBaseline() >= 0) s.text(style.title(), margin + style.px(2), f.titleBaseline() + style.px(3), size, true, Surface.Align.LEFT, p.text());
            paintCaption(s, f, style, f.plot().x());
        } else {
            if (f.titleBaseline() >= 0) {
                s.text(style.title(), margin, f.titleBaseline(), style.px(DiagramLayout.TITLE_SIZE), true, Surface.Align.LEFT, p.text());
            }
            paintCaption(s, f, style, margin);
        }
        for (DiagramLayout.LegendItem item : f.legend()) {
            double top = item.y() - item.swatch() + style.px(1);
            if (item.off()) {
                s.strokeRect(item.x() + 0.5, top + 0.5, item.swatch() - 1, item.swatch() - 1, p.fill(item.state()), 1);
            } else {
                drawBox(s, p, item.state(), item.x(), top, item.swatch(), item.swatch(), style);
            }
            s.text(item.label(), item.x() + item.swatch() + style.px(6), item.y(), style.px(DiagramLayout.LABEL_SIZE),
                    false, Surface.Align.LEFT, item.off() ? p.mutedText() : p.text());
        }

        DiagramLayout.Rect plot = f.plot();
        for (int i = 0; i < f.rows().size(); i++) {
            DiagramLayout.LaneRow row = f.rows().get(i);
            if (i % 2 == 1) s.fillRect(margin, row.y(), plot.right() - margin, row.height(), p.laneStripe());
        }
        for (Ticks.Tick tick : f.ticks()) {
            s.line(snap(tick.x()), plot.y(), snap(tick.x()), plot.bottom(), p.grid(), 1);
        }

        // boxes are cut to the plot by the layout: no clip, which costs a software renderer dearly
        for (DiagramLayout.Box box : f.boxes()) {
            double w = box.w() >= 4 ? box.w() - 1 : box.w();
            if (box.dimmed()) {
                s.fillRect(box.x(), box.y(), w, box.h(), p.fill(box.state()).mix(p.background(), 0.75));
                continue;
            }
            drawBox(s, p, box.state(), box.x(), box.y(), w, box.h(), style);
            if (box.failed()) failMark(s, p, box, plot, style);
        }
        if (f.nowNanos() >= 0) {
            double x = snap(f.scale().x(f.nowNanos()));
            if (x >= plot.x() && x <= plot.right()) s.line(x, plot.y(), x, plot.bottom(), p.mutedText(), 1);
        }

        double labelSize = style.px(DiagramLayout.LABEL_SIZE);
        int every = labelEvery(f.rows().isEmpty() ? labelSize : f.rows().getLast().height(), labelSize);
        for (DiagramLayout.LaneRow row : style.compact() ? List.<DiagramLayout.LaneRow>of() : f.rows()) {
            boolean thick = row.height() >= labelSize * 0.8;
            if (!thick && row.lane().id() % every != 0 && f.rows().size() > 1) continue;
            double y = thick ? row.y() + row.height() / 2 + labelSize * 0.35 : row.y() + labelSize * 0.35;
            s.text(row.lane().name(), plot.x() - style.px(8), y, labelSize, false, Surface.Align.RIGHT, p.text());
            if (!thick) s.line(plot.x() - style.px(5), snap(row.y()), plot.x() - 1, snap(row.y()), p.mutedText(), 1);
        }
        if (f.hiddenLanes() > 0) {
            int total = f.rows().size() + f.hiddenLanes();
            String note = f.firstLane() == 0 ? String.format(Locale.ROOT, "+%,d more lanes", f.hiddenLanes())
                    : String.format(Locale.ROOT, "lanes %,d–%,d of %,d", f.firstLane() + 1,
                    f.firstLane() + f.rows().size(), total);
            double size = style.px(DiagramLayout.TICK_SIZE);
            double noteLeft = plot.right() - s.textWidth(note, size, false);
            double y = f.legend().isEmpty() ? plot.y() - style.px(6) : f.legend().getLast().y();
            if (!f.legend().isEmpty()) {
                DiagramLayout.LegendItem last = f.legend().getLast();
                // at the end of the legend's last row; a row as wide as the picture leaves no room
                // there: the note goes on the caption's line, at its right end, where the caption
                // leaves room
                if (last.x() + last.width() + style.px(12) > noteLeft && f.captionBaseline() >= 0) y = f.lastCaptionBaseline(style);
            }
            s.text(note, plot.right(), y, size, false, Surface.Align.RIGHT, p.mutedText());
        }

        double axisY = snap(plot.bottom());
        s.line(plot.x(), axisY, plot.right(), axisY, p.mutedText(), 1);
        for (Ticks.Tick tick : f.ticks()) {
            double x = snap(tick.x());
            s.line(x, axisY, x, axisY + style.px(4), p.mutedText(), 1);
            if (style.compact()) continue;
            Surface.Align align = tick.x() <= plot.x() + 1 ? Surface.Align.LEFT : Surface.Align.CENTER;
            s.text(tick.label(), x, axisY + style.px(17), style.px(DiagramLayout.TICK_SIZE), false, align, p.mutedText());
        }
    }

    /// The caption's lines, from `x`.
    private static void paintCaption(Surface s, DiagramLayout.Frame f, DiagramStyle style, double x) {
        if (f.captionBaseline() < 0) return;
        double size = DiagramLayout.captionSize(style);
        double step = DiagramLayout.captionStep(style);
        for (int i = 0; i < f.captionLines().size(); i++) {
            s.text(f.captionLines().get(i), x, f.captionBaseline() + i * step, size, false, Surface.Align.LEFT,
                    style.palette().mutedText());
        }
    }

    /// The labels of `ticks` under a line at `axisY` (a stack of compact panels draws them once).
    public static void paintTickLabels(Surface s, List<Ticks.Tick> ticks, double plotX, double axisY, DiagramStyle style) {
        Palette p = style.palette();
        for (Ticks.Tick tick : ticks) {
            Surface.Align align = tick.x() <= plotX + 1 ? Surface.Align.LEFT : Surface.Align.CENTER;
            s.text(tick.label(), snap(tick.x()), axisY + style.px(13), style.px(DiagramLayout.TICK_SIZE), false, align, p.mutedText());
        }
    }

    /// Draws `message` in the middle of an otherwise empty diagram.
    public static void paintMessage(Surface s, double width, double height, String message, DiagramStyle style) {
        Palette p = style.palette();
        s.fillRect(0, 0, width, height, p.background());
        s.text(message, width / 2, height / 2, style.px(15), false, Surface.Align.CENTER, p.mutedText());
    }

    private static void drawBox(Surface s, Palette p, State state, double x, double y, double w, double h, DiagramStyle style) {
        if (p.isHatched(state) && w >= 3) {
            Rgb stripe = p.fill(state).mix(Rgb.hex("#000000"), 0.35);
            s.fillHatched(x, y, w, h, p.fill(state), stripe, style.px(6), style.px(1.2));
        } else {
            s.fillRect(x, y, w, h, p.fill(state));
        }
    }

    private static void failMark(Surface s, Palette p, DiagramLayout.Box box, DiagramLayout.Rect plot, DiagramStyle style) {
        double size = Math.min(box.h() * 0.7, style.px(10));
        double r = size / 2;
        double cx = Math.min(box.x() + Math.max(box.w() - size / 2 - style.px(2), size / 2), plot.right() - r);
        double cy = box.y() + box.h() / 2;
        s.line(cx - r, cy - r, cx + r, cy + r, p.failMark(), style.px(2));
        s.line(cx - r, cy + r, cx + r, cy - r, p.failMark(), style.px(2));
    }

    /// Lanes thinner than their label are named one in `k` (1, 2, 5, 10, 20, 50…), with a tick at
    /// each named lane, so the names never overlap.
    static int labelEvery(double rowHeight, double labelSize) {
        if (rowHeight >= labelSize * 0.8) return 1;
        double needed = labelSize * 1.3 / rowHeight;
        for (int step = 1; ; step *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m >= needed) return step * m;
            }
        }
    }

    private static double snap(double x) {
        return Math.floor(x) + 0.5;
    }
}
