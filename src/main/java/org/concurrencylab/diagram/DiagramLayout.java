package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.List;

/// The geometry of one frame of the diagram: where the plot, lanes, boxes, ticks and legend go.
/// Pure computation with no toolkit, shared by the window, the PNG and the SVG writers, so every
/// picture of a run agrees.
///
/// Only the visible time window is laid out (binary search per lane), and segments narrower than
/// a pixel are merged into one-pixel boxes, so the cost follows the pixels, not the trace size.
public final class DiagramLayout {
    private DiagramLayout() {}

    /// Measures text; a [Surface] is one.
    @FunctionalInterface
    public interface TextMeasure {
        double textWidth(String text, double size, boolean bold);
    }

    public record Rect(double x, double y, double w, double h) {
        public double right() { return x + w; }

        public double bottom() { return y + h; }

        public boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }
    }

    /// One lane's row: the band it owns and the box band inside it.
    public record LaneRow(Lane lane, double y, double height, double boxY, double boxHeight) {}

    /// A drawn box: one segment, or sub-pixel segments merged into a sliver one or two pixels
    /// wide (`merged` counts them), in which case `segment` is the one whose state won the pixel.
    /// Slivers of CPU work or lock waits are two pixels wide so that they can be seen.
    public record Box(double x, double y, double w, double h, State state, boolean failed, boolean open,
                      Segment segment, int merged) {}

    public record LegendItem(State state, String label, double x, double y, double swatch) {}

    /// Everything the painter needs for one frame.
    ///
    /// @param hiddenLanes lanes that did not fit (drawn as a note)
    /// @param nowNanos    the live "now" line, or -1 for a finished run
    public record Frame(double width, double height, Rect plot, double headerWidth, TimeScale scale,
                        List<LaneRow> rows, List<Box> boxes, List<Ticks.Tick> ticks, List<LegendItem> legend,
                        double titleBaseline, double captionBaseline, int hiddenLanes, long nowNanos) {}

    /// Font sizes in px at scale 1.
    static final double TITLE_SIZE = 18;
    static final double CAPTION_SIZE = 12.5;
    static final double LABEL_SIZE = 12;
    static final double TICK_SIZE = 11;
    private static final double MARGIN = 12;
    private static final double LEGEND_HEIGHT = 24;
    private static final double AXIS_HEIGHT = 28;
    private static final double MAX_ROW = 46;
    private static final double MIN_ROW = 2;

    /// Lays out `model` (plus the `open` segments of a live run) in a `width` × `height` area,
    /// showing the time window `startNanos`–`endNanos`. `nowNanos` is -1 for a finished run.
    public static Frame layout(TraceModel model, List<Segment> open, double width, double height,
                               long startNanos, long endNanos, long nowNanos, DiagramStyle style, TextMeasure text) {
        double margin = style.px(MARGIN);
        double y = margin;
        double titleBaseline = -1;
        double captionBaseline = -1;
        if (!style.title().isEmpty()) {
            y += style.px(TITLE_SIZE);
            titleBaseline = y;
            y += style.px(6);
        }
        if (!style.caption().isEmpty()) {
            y += style.px(CAPTION_SIZE);
            captionBaseline = y;
            y += style.px(8);
        }

        List<LegendItem> legend = new ArrayList<>();
        if (style.showLegend()) {
            double swatch = style.px(12);
            double lx = margin;
            double baseline = y + style.px(14);
            for (State state : legendStates(model)) {
                String label = legendLabel(state);
                legend.add(new LegendItem(state, label, lx, baseline, swatch));
                lx += swatch + style.px(6) + text.textWidth(label, style.px(LABEL_SIZE), false) + style.px(18);
            }
            y += style.px(LEGEND_HEIGHT);
        }

        double headerWidth = style.px(56);
        for (Lane lane : model.lanes()) {
            headerWidth = Math.max(headerWidth, text.textWidth(lane.name(), style.px(LABEL_SIZE), false) + style.px(16));
        }
        headerWidth = Math.min(headerWidth, Math.max(style.px(56), width * 0.3));

        double plotX = margin + headerWidth;
        double plotW = Math.max(1, width - plotX - margin - style.px(8));
        double plotTop = y + style.px(4);
        double plotH = Math.max(1, height - plotTop - style.px(AXIS_HEIGHT) - margin);
        Rect plot = new Rect(plotX, plotTop, plotW, plotH);
        TimeScale scale = new TimeScale(startNanos, Math.max(endNanos, startNanos + 1), plotX, plotW);

        int laneCount = model.lanes().size();
        double rowH = laneCount == 0 ? 0 : Math.min(style.px(MAX_ROW), plotH / laneCount);
        int shown = laneCount;
        if (laneCount > 0 && rowH < MIN_ROW) {
            rowH = MIN_ROW;
            shown = (int) Math.floor(plotH / MIN_ROW);
        }
        List<LaneRow> rows = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            double rowY = plotTop + i * rowH;
            double gap = rowH >= 10 ? rowH * 0.22 : rowH >= 5 ? 1 : 0;
            rows.add(new LaneRow(model.lanes().get(i), rowY, rowH, rowY + gap / 2, rowH - gap));
        }

        List<Box> boxes = new ArrayList<>();
        List<Box> slivers = new ArrayList<>();
        for (LaneRow row : rows) {
            int lane = row.lane().id();
            Merger merger = new Merger(row, scale, plot, boxes, slivers);
            List<Segment> segments = model.segments(lane);
            for (int j = model.firstEndingAtOrAfter(lane, startNanos); j < segments.size(); j++) {
                Segment s = segments.get(j);
                if (s.start() >= endNanos && s.duration() > 0 || s.start() > endNanos) break;
                if (visible(s, startNanos, endNanos)) merger.add(s);
            }
            for (Segment s : open) {
                if (s.lane() == lane && visible(s, startNanos, endNanos)) merger.add(s);
            }
            merger.flush();
        }
        // slivers (merged sub-pixel segments) go on top, so a short CPU step between two long
        // waits stays visible, as in the article's figures
        boxes.addAll(slivers);

        List<Ticks.Tick> ticks = Ticks.choose(scale, style.px(80));
        return new Frame(width, height, plot, headerWidth, scale, rows, boxes, ticks, legend,
                titleBaseline, captionBaseline, laneCount - shown, nowNanos);
    }

    /// A height that shows `lanes` lanes at a comfortable thickness with title, legend and axis,
    /// for files whose height the user did not choose (at least 200 px, at most 4,000 px).
    public static int fittingHeight(int lanes, DiagramStyle style) {
        double chrome = style.px(MARGIN) * 2 + style.px(LEGEND_HEIGHT) + style.px(AXIS_HEIGHT) + style.px(4)
                + (style.title().isEmpty() ? 0 : style.px(TITLE_SIZE + 6))
                + (style.caption().isEmpty() ? 0 : style.px(CAPTION_SIZE + 8));
        double row = lanes <= 8 ? style.px(MAX_ROW) : Math.max(MIN_ROW * 4, style.px(MAX_ROW) * 8 / lanes);
        return (int) Math.ceil(Math.min(4000, Math.max(200, chrome + row * Math.max(1, lanes))));
    }

    /// Whether `s` shares some time with the window; an instant (zero-length) segment counts
    /// when it falls inside it, edges included.
    static boolean visible(Segment s, long startNanos, long endNanos) {
        if (s.duration() == 0) return s.start() >= startNanos && s.start() <= endNanos;
        return s.start() < endNanos && s.end() > startNanos;
    }

    /// The states the legend lists: CPU and I/O always (the article's pair), others when present.
    static List<State> legendStates(TraceModel model) {
        List<State> states = new ArrayList<>(List.of(State.WORK, State.IO_WAIT));
        for (State s : List.of(State.LOCK_WAIT, State.STARTUP, State.QUEUED)) {
            if (model.laneStates().contains(s)) states.add(s);
        }
        return states;
    }

    static String legendLabel(State state) {
        return switch (state) {
            case WORK -> "CPU (running code)";
            case IO_WAIT -> "waiting for I/O";
            case LOCK_WAIT -> "waiting for a lock or the GIL";
            case STARTUP -> "starting up";
            case QUEUED -> "queued, waiting for a connection or the loop";
        };
    }

    /// Which state wins a pixel shared by several sub-pixel segments: the rarer, more telling one.
    private static int priority(State state) {
        return switch (state) {
            case WORK -> 5;
            case LOCK_WAIT -> 4;
            case STARTUP -> 3;
            case IO_WAIT -> 2;
            case QUEUED -> 1;
        };
    }

    /// Turns one lane's segments, in start order, into boxes, merging those under a pixel wide.
    private static final class Merger {
        private final LaneRow row;
        private final TimeScale scale;
        private final Rect plot;
        private final List<Box> out;
        private final List<Box> slivers;
        private boolean pending;
        private double column;
        private Segment winner;
        private boolean failed;
        private boolean open;
        private int count;

        Merger(LaneRow row, TimeScale scale, Rect plot, List<Box> out, List<Box> slivers) {
            this.row = row;
            this.scale = scale;
            this.plot = plot;
            this.out = out;
            this.slivers = slivers;
        }

        void add(Segment s) {
            double x0 = Math.max(plot.x(), scale.x(s.start()));
            double x1 = Math.min(plot.right(), scale.x(s.end()));
            if (x1 - x0 >= 1.0) {
                flush();
                out.add(new Box(x0, row.boxY(), x1 - x0, row.boxHeight(), s.state(), s.failed(), s.open(), s, 1));
                return;
            }
            double col = Math.min(Math.floor(x0), plot.right() - 1);
            if (pending && col != column) flush();
            if (!pending) {
                pending = true;
                column = col;
                winner = s;
                failed = false;
                open = false;
                count = 0;
            } else if (priority(s.state()) > priority(winner.state())) {
                winner = s;
            }
            failed |= s.failed();
            open |= s.open();
            count++;
        }

        void flush() {
            if (!pending) return;
            double w = priority(winner.state()) >= priority(State.LOCK_WAIT) ? 2 : 1;
            double x = Math.max(plot.x(), column);
            w = Math.max(1, Math.min(w, plot.right() - x));
            slivers.add(new Box(x, row.boxY(), w, row.boxHeight(), winner.state(), failed, open, winner, count));
            pending = false;
        }
    }
}
