package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/// Several runs' diagrams stacked on **one shared time axis**, so their lengths compare at a
/// glance: a header (title, caption, one legend for all), then one panel per run, each laid out
/// by [DiagramLayout#layout] over the same time window and aligned so that every panel's plot
/// starts at the same x and has the same width: one [TimeScale] for all.
///
/// Pure geometry with no toolkit, like [DiagramLayout]; [StackedPainter] draws it.
public final class StackedLayout {
    private StackedLayout() {}

    /// One run to stack.
    ///
    /// @param title      the run's name, drawn above its lanes
    /// @param caption    its numbers, drawn under the title (empty: none)
    /// @param model      its trace
    /// @param idealNanos the best time its model allows, drawn as a ghost bar (-1: none)
    public record Panel(String title, String caption, TraceModel model, long idealNanos) {}

    /// A laid-out panel: its frame in the panel's own coordinates, drawn `y` pixels down.
    public record PanelFrame(Panel panel, double y, double height, DiagramLayout.Frame frame, DiagramStyle style) {}

    /// The whole picture.
    ///
    /// @param header the title, caption and legend, as a frame with no lanes
    /// @param scale  the time scale every panel shares
    /// @param axis   compact panels: the shared axis's ticks, labelled once under the last panel
    ///               at `axisY` (roomy panels label their own: empty, -1)
    public record Stacked(double width, double height, DiagramLayout.Frame header, DiagramStyle headerStyle,
                          TimeScale scale, List<PanelFrame> panels, List<Ticks.Tick> axis, double axisY) {}

    /// Lane rows are at most this tall in a stack (panels are short, so many fit on a screen).
    static final double ROW = 24;
    /// Compact panels: rows at most this tall, lanes at most this tall together (more lanes
    /// thin out to two pixels, then the rest is counted), so seven runs fit on a projector.
    static final double COMPACT_ROW = 6;
    static final double COMPACT_MAX_PLOT = 20;
    /// The tallest a panel's lanes get before rows shrink (down to 2 px per lane).
    static final double MAX_PLOT = 150;
    private static final double MIN_ROW = 2;

    /// Where a shared axis must end to show every panel whole, with a little room on the right.
    public static long sharedEnd(List<Panel> panels) {
        long end = 1;
        for (Panel p : panels) end = Math.max(end, Math.max(p.model().endNanos(), p.idealNanos()));
        return Math.max(1, (long) (end * 1.02));
    }

    /// The height of the lanes of a panel of `lanes` lanes, at the style's scale.
    static double plotHeight(int lanes, DiagramStyle style) {
        int n = Math.max(1, lanes);
        if (style.compact()) return Math.ceil(Math.min(n * style.px(COMPACT_ROW), style.px(COMPACT_MAX_PLOT)));
        double natural = n * style.px(ROW);
        double capped = Math.min(natural, style.px(MAX_PLOT));
        // every lane keeps at least two pixels, so none is hidden
        return Math.ceil(Math.max(capped, n * MIN_ROW + 1));
    }

    /// Lays out `panels` in a `width`-wide picture over the time window `0`–`endNanos`, under a
    /// header with `title`, `caption` and one legend of every state the panels show. The height
    /// follows from the panels (see [#fittingHeight]).
    public static Stacked layout(List<Panel> panels, String title, String caption, double width, long endNanos,
                                 DiagramStyle style, DiagramLayout.TextMeasure text) {
        boolean compact = style.compact();
        // compact: the legend alone heads the stack (the pane around it names the work)
        DiagramStyle headerStyle = new DiagramStyle(style.scale(), compact ? "" : title, compact ? "" : caption, true,
                style.palette());
        DiagramLayout.Frame header = header(panels, width, headerStyle, text);
        double y = header.height();

        // first pass: where each panel's plot would start, which depends on its lane names
        List<DiagramStyle> styles = new ArrayList<>();
        double[] plotX = new double[panels.size()];
        double widest = 0;
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            DiagramStyle ps = new DiagramStyle(style.scale(), p.title(), p.caption(), false, style.palette(), compact);
            styles.add(ps);
            TraceModel lanesOnly = TraceModel.of(p.model().lanes(), List.of());
            plotX[i] = DiagramLayout.layout(lanesOnly, List.of(), width, 400, 0, endNanos, -1, ps, text).plot().x();
            widest = Math.max(widest, plotX[i]);
        }

        List<PanelFrame> frames = new ArrayList<>();
        TimeScale shared = null;
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            DiagramStyle ps = styles.get(i);
            // lay the panel out narrower by the difference in lane-name width, then move its plot
            // right by that much: every plot then starts at the same x and has the same width
            double dx = widest - plotX[i];
            double height = chrome(ps, width - dx, text) + plotHeight(p.model().lanes().size(), style);
            DiagramLayout.Frame f = DiagramLayout.layout(p.model(), List.of(), width - dx, height, 0, endNanos, -1, ps, text);
            if (shared == null) shared = new TimeScale(0, Math.max(endNanos, 1), f.plot().x() + dx, f.plot().w());
            frames.add(new PanelFrame(p, y, height, shift(f, dx, width, shared), ps));
            y += height;
        }
        if (shared == null) shared = new TimeScale(0, Math.max(endNanos, 1), header.plot().x(), Math.max(1, header.plot().w()));
        if (compact && !frames.isEmpty()) {
            PanelFrame last = frames.getLast();
            double axisY = last.y() + last.frame().plot().bottom();
            return new Stacked(width, Math.ceil(axisY + style.px(20)), header, headerStyle, shared, frames,
                    last.frame().ticks(), axisY);
        }
        return new Stacked(width, Math.ceil(y + style.px(8)), header, headerStyle, shared, frames, List.of(), -1);
    }

    /// The height [#layout] gives these panels (for a file or a scroll pane).
    public static int fittingHeight(List<Panel> panels, String title, String caption, double width, DiagramStyle style,
                                    DiagramLayout.TextMeasure text) {
        return (int) Math.ceil(layout(panels, title, caption, width, sharedEnd(panels), style, text).height());
    }

    /// The space a panel takes besides its lanes: margins, title, caption, axis.
    private static double chrome(DiagramStyle panelStyle, double width, DiagramLayout.TextMeasure text) {
        double probeHeight = 1000;
        DiagramLayout.Frame probe = DiagramLayout.layout(new TraceModel(), List.of(), width, probeHeight, 0, 1, -1, panelStyle, text);
        return probeHeight - probe.plot().h();
    }

    /// The header: title, caption, and a legend of the states any panel shows.
    private static DiagramLayout.Frame header(List<Panel> panels, double width, DiagramStyle style, DiagramLayout.TextMeasure text) {
        boolean legendOnly = style.title().isEmpty() && style.caption().isEmpty();
        double margin = style.px(legendOnly ? 4 : 12);
        double y = margin;
        double titleBaseline = -1;
        double captionBaseline = -1;
        List<String> captionLines = List.of();
        if (!style.title().isEmpty()) {
            y += style.px(DiagramLayout.TITLE_SIZE);
            titleBaseline = y;
            y += style.px(6);
        }
        if (!style.caption().isEmpty()) {
            DiagramLayout.CaptionBlock block = DiagramLayout.captionBlock(style.caption(), y, width - 2 * margin, style, text);
            captionLines = block.lines();
            captionBaseline = block.baseline();
            y = block.bottom();
        }
        Set<State> present = EnumSet.noneOf(State.class);
        for (Panel p : panels) present.addAll(p.model().laneStates());
        List<State> states = new ArrayList<>(List.of(State.WORK, State.IO_WAIT));
        for (State s : DiagramLayout.LEGEND_WHEN_SHOWN) if (present.contains(s)) states.add(s);
        DiagramLayout.Legend legend = DiagramLayout.legend(states, Set.of(), margin, width - margin, y, style, text);
        y += legend.height();
        DiagramLayout.Rect nothing = new DiagramLayout.Rect(margin, y, 0, 0);
        return new DiagramLayout.Frame(width, y, nothing, 0, new TimeScale(0, 1, margin, 1), List.of(), List.of(),
                List.of(), legend.items(), titleBaseline, captionBaseline, captionLines, 0, -1, 0);
    }

    /// `f` with its plot, boxes and ticks moved `dx` to the right and drawn `width` wide.
    private static DiagramLayout.Frame shift(DiagramLayout.Frame f, double dx, double width, TimeScale scale) {
        DiagramLayout.Rect plot = new DiagramLayout.Rect(f.plot().x() + dx, f.plot().y(), f.plot().w(), f.plot().h());
        List<DiagramLayout.Box> boxes = new ArrayList<>(f.boxes().size());
        for (DiagramLayout.Box b : f.boxes()) {
            boxes.add(new DiagramLayout.Box(b.x() + dx, b.y(), b.w(), b.h(), b.state(), b.failed(), b.open(), b.segment(),
                    b.merged(), b.dimmed(), b.share()));
        }
        List<Ticks.Tick> ticks = new ArrayList<>(f.ticks().size());
        for (Ticks.Tick t : f.ticks()) ticks.add(new Ticks.Tick(t.nanos(), t.x() + dx, t.label()));
        return new DiagramLayout.Frame(width, f.height(), plot, f.headerWidth() + dx, scale, f.rows(), boxes, ticks,
                f.legend(), f.titleBaseline(), f.captionBaseline(), f.captionLines(), f.hiddenLanes(), f.nowNanos(), f.firstLane());
    }

    /// The segment under the point (`x`, `y`) of the picture, or null.
    public static Segment segmentAt(Stacked stacked, double x, double y) {
        for (PanelFrame p : stacked.panels()) {
            if (y < p.y() || y >= p.y() + p.height()) continue;
            double py = y - p.y();
            for (DiagramLayout.Box b : p.frame().boxes()) {
                if (x >= b.x() && x < b.x() + Math.max(b.w(), 1) && py >= b.y() && py < b.y() + b.h()) return b.segment();
            }
        }
        return null;
    }
}
