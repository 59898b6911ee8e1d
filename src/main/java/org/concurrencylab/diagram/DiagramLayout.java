package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The geometry of one frame of the diagram: where the plot, lanes, boxes, ticks and legend go.
/// Pure computation with no toolkit, shared by the window, the PNG and the SVG writers, so every
/// picture of a run agrees.
///
/// Only the visible time window is laid out (binary search per lane), and segments narrower than
/// a pixel are reduced per pixel column to what that column really holds, so the cost follows
/// the pixels, not the trace size, and every zoom tells the truth: a column shows, from the
/// bottom of the lane up, the share of its time each state filled (a state that is there at all
/// gets at least one pixel of height), and the time no state filled stays empty.
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

    /// A drawn box: one segment, or the sub-pixel segments of one state in one pixel column
    /// (`merged` counts them; `segment` is the longest of them), as tall as the share of the
    /// column's time they filled (`share`, 1 for a whole segment). `dimmed` when another task is
    /// highlighted.
    public record Box(double x, double y, double w, double h, State state, boolean failed, boolean open,
                      Segment segment, int merged, boolean dimmed, double share) {
        /// A box for one whole segment.
        public Box(double x, double y, double w, double h, State state, boolean failed, boolean open,
                   Segment segment, int merged, boolean dimmed) {
            this(x, y, w, h, state, failed, open, segment, merged, dimmed, 1);
        }
    }

    /// One legend entry at baseline `y`; `width` spans swatch and text; `off` when its state is
    /// hidden from the plot.
    public record LegendItem(State state, String label, double x, double y, double swatch, double width, boolean off) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y - swatch - 3 && py < y + 5;
        }
    }

    /// What part of the trace a frame shows, beyond its time window.
    ///
    /// @param firstLane     the lane at the top (lanes scroll when they do not fit)
    /// @param minRow        the thinnest a lane's row may get, in px, before lanes scroll
    /// @param hiddenStates  states left out of the plot (the legend shows them switched off)
    /// @param cursorNanos   replay: only what had happened by this time is drawn; -1 for all
    /// @param highlightTask a task whose segments stand out while the others dim; -1 for none
    /// @param maxRow        the thickest a lane's row may get, in px at scale 1 (a slide of a few
    ///                      lanes lets them grow to fill its height)
    public record View(int firstLane, double minRow, Set<State> hiddenStates, long cursorNanos, int highlightTask,
                       double maxRow) {
        public static final View ALL = new View(0, MIN_ROW, Set.of(), -1, -1);
        /// Rows as thick as a picture of fixed height needs to be filled, up to this, px at scale 1.
        public static final double FILLING_ROW = 160;

        public View {
            hiddenStates = Set.copyOf(hiddenStates);
            if (!(minRow >= MIN_ROW)) throw new IllegalArgumentException("minRow must be >= " + MIN_ROW);
            if (!(maxRow >= minRow)) throw new IllegalArgumentException("maxRow must be >= minRow");
        }

        /// Rows of at most the screen's thickness.
        public View(int firstLane, double minRow, Set<State> hiddenStates, long cursorNanos, int highlightTask) {
            this(firstLane, minRow, hiddenStates, cursorNanos, highlightTask, MAX_ROW);
        }

        public View withMaxRow(double newMaxRow) {
            return new View(firstLane, minRow, hiddenStates, cursorNanos, highlightTask, newMaxRow);
        }
    }

    /// Everything the painter needs for one frame.
    ///
    /// @param captionBaseline the baseline of the caption's first line, or -1 for none
    /// @param captionLines    the caption, on as many lines as the picture's width needs
    /// @param hiddenLanes     lanes that did not fit (drawn as a note)
    /// @param nowNanos        the live "now" line, or -1 for a finished run
    public record Frame(double width, double height, Rect plot, double headerWidth, TimeScale scale,
                        List<LaneRow> rows, List<Box> boxes, List<Ticks.Tick> ticks, List<LegendItem> legend,
                        double titleBaseline, double captionBaseline, List<String> captionLines, int hiddenLanes,
                        long nowNanos, int firstLane) {

        public Frame {
            captionLines = List.copyOf(captionLines);
        }

        /// The baseline of the caption's last line, or -1 for none.
        public double lastCaptionBaseline(DiagramStyle style) {
            if (captionBaseline < 0 || captionLines.isEmpty()) return captionBaseline;
            return captionBaseline + (captionLines.size() - 1) * captionStep(style);
        }

        /// The box under a point, if any (slivers on top win, as they are drawn last).
        public Optional<Box> boxAt(double px, double py) {
            for (int i = boxes.size() - 1; i >= 0; i--) {
                Box b = boxes.get(i);
                if (px >= b.x() - 0.5 && px < b.x() + Math.max(b.w(), 2) && py >= b.y() && py < b.y() + b.h()) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }

        /// The lane row under a point, if any.
        public Optional<LaneRow> rowAt(double py) {
            for (LaneRow row : rows) {
                if (py >= row.y() && py < row.y() + row.height()) return Optional.of(row);
            }
            return Optional.empty();
        }

        /// The legend entry under a point, if any.
        public Optional<LegendItem> legendAt(double px, double py) {
            return legend.stream().filter(item -> item.contains(px, py)).findFirst();
        }

        /// How many lanes fit at once.
        public int visibleLanes() {
            return rows.size();
        }
    }

    /// Font sizes in px at scale 1.
    static final double TITLE_SIZE = 18;
    static final double CAPTION_SIZE = 12.5;
    static final double LABEL_SIZE = 12;
    /// From one caption line's baseline to the next, px at scale 1.
    private static final double CAPTION_LINE = CAPTION_SIZE + 5;

    /// From one caption line's baseline to the next, in px.
    static double captionStep(DiagramStyle style) {
        return style.px(style.compact() ? TICK_SIZE + 3 : CAPTION_LINE);
    }

    /// The size of a caption's text, in px.
    static double captionSize(DiagramStyle style) {
        return style.px(style.compact() ? TICK_SIZE : CAPTION_SIZE);
    }

    /// A caption laid out under a title: its lines, the first one's baseline, and where what
    /// follows it begins.
    record CaptionBlock(List<String> lines, double baseline, double bottom) {}

    /// `caption` from `y`, on lines no wider than `maxWidth`.
    static CaptionBlock captionBlock(String caption, double y, double maxWidth, DiagramStyle style, TextMeasure text) {
        List<String> lines = CaptionLines.wrap(caption, captionSize(style), maxWidth, text);
        double baseline = y + style.px(CAPTION_SIZE);
        return new CaptionBlock(lines, baseline, baseline + (lines.size() - 1) * captionStep(style) + style.px(8));
    }

    static final double TICK_SIZE = 11;
    private static final double MARGIN = 12;
    private static final double LEGEND_HEIGHT = 24;
    private static final double AXIS_HEIGHT = 28;
    private static final double COMPACT_MARGIN = 2;
    /// A compact plot's axis: its line and ticks, with no labels.
    private static final double COMPACT_AXIS_HEIGHT = 3;
    private static final double MAX_ROW = 46;
    /// The event loop's lane above many thin task lanes, px at scale 1.
    private static final double LOOP_ROW = 26;
    private static final double MIN_ROW = 2;

    /// Lays out `model` (plus the `open` segments of a live run) in a `width` × `height` area,
    /// showing the time window `startNanos`–`endNanos`. `nowNanos` is -1 for a finished run.
    public static Frame layout(TraceModel model, List<Segment> open, double width, double height,
                               long startNanos, long endNanos, long nowNanos, DiagramStyle style, TextMeasure text) {
        return layout(model, open, width, height, startNanos, endNanos, nowNanos, style, text, View.ALL);
    }

    /// As above, showing the part of the trace `view` selects.
    public static Frame layout(TraceModel model, List<Segment> open, double width, double height,
                               long startNanos, long endNanos, long nowNanos, DiagramStyle style, TextMeasure text,
                               View view) {
        double margin = style.px(style.compact() ? COMPACT_MARGIN : MARGIN);
        double headerWidth = style.px(56);
        if (style.compact()) {
            // a compact panel is named by its title in the header column, not by its lanes
            headerWidth = Math.max(headerWidth, text.textWidth(style.title(), style.px(LABEL_SIZE), true) + style.px(12));
        } else {
            // a few lanes measure all; thousands, those whose names are longest in characters
            for (Lane lane : model.lanes().size() <= 64 ? model.lanes() : model.longestNamedLanes()) {
                headerWidth = Math.max(headerWidth, text.textWidth(lane.name(), style.px(LABEL_SIZE), false) + style.px(16));
            }
        }
        headerWidth = Math.min(headerWidth, Math.max(style.px(56), width * 0.3));

        double y = margin;
        double titleBaseline = -1;
        double captionBaseline = -1;
        List<String> captionLines = List.of();
        if (style.compact() && !(style.title().isEmpty() && style.caption().isEmpty())) {
            // the title over the header column, the caption over the plot (on more lines if it must)
            y += style.px(TICK_SIZE);
            titleBaseline = style.title().isEmpty() ? -1 : y;
            captionLines = CaptionLines.wrap(style.caption(), captionSize(style), width - margin - headerWidth - margin - style.px(8), text);
            captionBaseline = captionLines.isEmpty() ? -1 : y;
            y += Math.max(0, captionLines.size() - 1) * captionStep(style) + style.px(1);
        } else if (!style.title().isEmpty()) {
            y += style.px(TITLE_SIZE);
            titleBaseline = y;
            y += style.px(6);
        }
        if (!style.compact() && !style.caption().isEmpty()) {
            CaptionBlock block = captionBlock(style.caption(), y, width - 2 * margin, style, text);
            captionLines = block.lines();
            captionBaseline = block.baseline();
            y = block.bottom();
        }

        List<LegendItem> legend = List.of();
        if (style.showLegend()) {
            Legend laid = legend(legendStates(model, open), view.hiddenStates(), margin, width - margin, y, style, text);
            legend = laid.items();
            y += laid.height();
        }

        double plotX = margin + headerWidth;
        double plotW = Math.max(1, width - plotX - margin - style.px(8));
        double plotTop = y + style.px(style.compact() ? 2 : 4);
        double plotH = Math.max(1, height - plotTop - style.px(style.compact() ? COMPACT_AXIS_HEIGHT : AXIS_HEIGHT) - margin);
        Rect plot = new Rect(plotX, plotTop, plotW, plotH);
        TimeScale scale = new TimeScale(startNanos, Math.max(endNanos, startNanos + 1), plotX, plotW);

        int laneCount = model.lanes().size();
        List<LaneRow> rows = new ArrayList<>();
        // An event loop's lane stays on top and readable (one of the thicker rows) while its
        // many task lanes get thin and scroll beneath it.
        double loopRow = Math.min(style.px(LOOP_ROW), plotH / 2);
        boolean pinLoop = laneCount > 1 && model.lanes().getFirst().kind() == LaneKind.LOOP && plotH / laneCount < loopRow;
        int pinned = pinLoop ? 1 : 0;
        double top = plotTop;
        double room = plotH;
        if (pinLoop) {
            rows.add(row(model.lanes().getFirst(), top, loopRow));
            top += loopRow;
            room -= loopRow;
        }
        int rest = laneCount - pinned;
        double rowH = rest == 0 ? 0 : Math.min(style.px(view.maxRow()), room / rest);
        int shown = rest;
        if (rest > 0 && rowH < view.minRow()) {
            rowH = view.minRow();
            shown = Math.max(1, (int) Math.floor(room / rowH));
        }
        int first = Math.clamp(view.firstLane(), 0, Math.max(0, rest - shown));
        for (int i = 0; i < shown; i++) rows.add(row(model.lanes().get(pinned + first + i), top + i * rowH, rowH));
        long cursor = view.cursorNanos();
        Set<State> hidden = view.hiddenStates();
        // a live run's open segments, bucketed by shown lane in one pass
        List<List<Segment>> openOfRow = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) openOfRow.add(List.of());
        for (Segment s : open) {
            // shown lane i sits in row pinned + i, and its id is pinned + first + i
            int row = pinLoop && s.lane() == 0 ? 0 : s.lane() - first;
            if (row < 0 || row >= rows.size() || pinLoop && row == 0 && s.lane() != 0) continue;
            if (openOfRow.get(row).isEmpty()) openOfRow.set(row, new ArrayList<>(2));
            openOfRow.get(row).add(s);
        }

        List<Box> boxes = new ArrayList<>();
        List<Box> slivers = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            LaneRow row = rows.get(r);
            int lane = row.lane().id();
            ColumnCoverage merger = new ColumnCoverage(row, scale, plot, boxes, slivers, view.highlightTask());
            List<Segment> segments = model.segments(lane);
            for (int j = model.firstEndingAtOrAfter(lane, startNanos); j < segments.size(); j++) {
                Segment s = segments.get(j);
                if (s.start() >= endNanos && s.duration() > 0 || s.start() > endNanos) break;
                if (cursor >= 0) {
                    if (s.start() > cursor) break; // sorted by start: the rest is later still
                    s = upTo(s, cursor);
                }
                if (!hidden.contains(s.state()) && visible(s, startNanos, endNanos)) merger.add(s);
            }
            for (Segment s : openOfRow.get(r)) {
                if (!hidden.contains(s.state()) && visible(s, startNanos, endNanos)) merger.add(s);
            }
            merger.flush();
        }
        // slivers (merged sub-pixel segments) go on top, so a short CPU step between two long
        // waits stays visible, as in the article's figures
        boxes.addAll(slivers);

        List<Ticks.Tick> ticks = Ticks.choose(scale, style.px(80));
        return new Frame(width, height, plot, headerWidth, scale, rows, boxes, ticks, legend,
                titleBaseline, captionBaseline, captionLines, laneCount - rows.size(), cursor >= 0 ? cursor : nowNanos, first);
    }

    private static LaneRow row(Lane lane, double y, double height) {
        double gap = height >= 10 ? height * 0.22 : height >= 5 ? 1 : 0;
        return new LaneRow(lane, y, height, y + gap / 2, height - gap);
    }

    /// `s` as it stood at `cursor`: cut there and still open if it ended later.
    static Segment upTo(Segment s, long cursor) {
        if (s.end() <= cursor) return s;
        return new Segment(s.lane(), s.task(), s.state(), s.start(), cursor, s.label(), null, true);
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

    /// A legend laid out: its items, and the height its rows take.
    record Legend(List<LegendItem> items, double height) {}

    /// The legend of `states` from `y`, left to right from `left`, on as many rows as it needs
    /// for no item to pass `right` (a narrow window, a projector, a legend of seven states); the
    /// states in `off` are drawn as hidden.
    static Legend legend(List<State> states, Set<State> off, double left, double right, double y, DiagramStyle style,
                         TextMeasure text) {
        List<LegendItem> items = new ArrayList<>();
        double swatch = style.px(12);
        double lx = left;
        double baseline = y + style.px(14);
        int rows = 1;
        for (State state : states) {
            String label = state.legend();
            double itemWidth = swatch + style.px(6) + text.textWidth(label, style.px(LABEL_SIZE), false);
            if (lx > left && lx + itemWidth > right) {
                lx = left;
                baseline += style.px(LEGEND_HEIGHT);
                rows++;
            }
            items.add(new LegendItem(state, label, lx, baseline, swatch, itemWidth, off.contains(state)));
            lx += itemWidth + style.px(18);
        }
        return new Legend(items, rows * style.px(LEGEND_HEIGHT));
    }

    /// The states the legend lists only once a lane shows them, in the legend's order.
    static final List<State> LEGEND_WHEN_SHOWN = List.of(State.READY, State.PAUSED, State.LOCK_WAIT, State.STARTUP,
            State.QUEUED);

    /// The legend's states: CPU and I/O always (the article's two colours), the others once
    /// they occur, on a finished lane or one still open in a live run.
    static List<State> legendStates(TraceModel model, List<Segment> open) {
        List<State> states = new ArrayList<>(List.of(State.WORK, State.IO_WAIT));
        for (State s : LEGEND_WHEN_SHOWN) {
            if (model.laneStates().contains(s) || open.stream().anyMatch(o -> o.state() == s)) states.add(s);
        }
        return states;
    }
}
