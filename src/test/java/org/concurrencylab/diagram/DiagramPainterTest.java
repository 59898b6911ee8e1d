package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The painter drawing onto a surface that records every call, so what it draws is counted.
class DiagramPainterTest {
    private static final long MS = 1_000_000L;
    private static final Palette PALETTE = Palette.articleLight();
    private static final DiagramStyle STYLE = DiagramStyle.screen(PALETTE);

    /// Records drawing calls; measures text at 7 px per character.
    static final class RecordingSurface implements Surface {
        record Fill(double x, double y, double w, double h, Rgb color) {}

        record Line(double x1, double y1, double x2, double y2, Rgb color) {}

        record Text(String text, double x, double y, Align align, Rgb color) {}

        final List<Fill> fills = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        final List<Text> texts = new ArrayList<>();
        int pushes;
        int pops;
        int depth;
        int deepest;
        boolean popWithoutPush;

        @Override public void fillRect(double x, double y, double w, double h, Rgb color) {
            fills.add(new Fill(x, y, w, h, color));
        }

        @Override public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {}

        @Override public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
            lines.add(new Line(x1, y1, x2, y2, color));
        }

        @Override public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
            texts.add(new Text(text, x, y, align, color));
        }

        @Override public void pushClip(double x, double y, double w, double h) {
            pushes++;
            depth++;
            deepest = Math.max(deepest, depth);
        }

        @Override public void popClip() {
            pops++;
            if (depth == 0) popWithoutPush = true;
            depth--;
        }

        @Override public double textWidth(String text, double size, boolean bold) {
            return 7.0 * text.length();
        }

        long fillsOf(Rgb color) {
            return fills.stream().filter(f -> f.color().equals(color)).count();
        }
    }

    private static List<Lane> lanes(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Lane(i, "pool-" + (i + 1), LaneKind.THREAD)).toList();
    }

    private static Segment seg(int lane, State state, long start, long end) {
        return Segment.closed(lane, 0, state, start, end, "");
    }

    private static RecordingSurface paint(TraceModel model, DiagramStyle style, int width, int height, long end) {
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(model, List.of(), width, height, 0, end, -1, style, surface);
        DiagramPainter.paint(surface, frame, style);
        return surface;
    }

    @Test
    void every_box_is_one_fill_of_its_state_colour_besides_one_legend_swatch_per_state() {
        TraceModel model = TraceModel.of(lanes(2), List.of(
                seg(0, State.WORK, 0, 100 * MS), seg(0, State.IO_WAIT, 100 * MS, 400 * MS),
                seg(0, State.WORK, 400 * MS, 450 * MS), seg(0, State.IO_WAIT, 450 * MS, 800 * MS),
                seg(0, State.WORK, 800 * MS, 900 * MS),
                seg(1, State.STARTUP, 0, 200 * MS), seg(1, State.WORK, 200 * MS, 1_000 * MS)));

        RecordingSurface surface = paint(model, STYLE, 1200, 500, 1_000 * MS);

        assertThat(surface.fillsOf(PALETTE.fill(State.WORK))).isEqualTo(4 + 1);
        assertThat(surface.fillsOf(PALETTE.fill(State.IO_WAIT))).isEqualTo(2 + 1);
        assertThat(surface.fillsOf(PALETTE.fill(State.STARTUP))).isEqualTo(1 + 1);
        assertThat(surface.fillsOf(PALETTE.fill(State.LOCK_WAIT))).isZero();
        assertThat(surface.fillsOf(PALETTE.fill(State.QUEUED))).isZero();
        assertThat(surface.fillsOf(PALETTE.background())).as("the background, once").isEqualTo(1);
        assertThat(surface.fillsOf(PALETTE.laneStripe())).as("every other lane").isEqualTo(1);
    }

    @Test
    void the_background_is_painted_first_over_the_whole_frame() {
        RecordingSurface surface = paint(TraceModel.of(lanes(1), List.of()), STYLE, 640, 360, 1_000 * MS);

        assertThat(surface.fills.getFirst()).isEqualTo(new RecordingSurface.Fill(0, 0, 640, 360, PALETTE.background()));
    }

    @Test
    void a_box_is_drawn_where_the_layout_put_it_one_pixel_narrower_to_leave_a_gap() {
        TraceModel model = TraceModel.of(lanes(1), List.of(seg(0, State.IO_WAIT, 100 * MS, 400 * MS)));
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(model, List.of(), 1200, 500, 0, 1_000 * MS, -1, STYLE, surface);

        DiagramPainter.paint(surface, frame, STYLE);

        DiagramLayout.Box box = frame.boxes().getFirst();
        assertThat(surface.fills).contains(new RecordingSurface.Fill(box.x(), box.y(), box.w() - 1, box.h(), PALETTE.fill(State.IO_WAIT)));
    }

    @Test
    void thousands_of_sub_pixel_segments_cost_at_most_one_fill_per_state_and_pixel_column() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            segments.add(seg(0, i % 2 == 0 ? State.IO_WAIT : State.WORK, i * 10_000L, (i + 1) * 10_000L));
        }
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(1), segments), List.of(), 1200, 500,
                0, 1_000 * MS, -1, STYLE, surface);

        DiagramPainter.paint(surface, frame, STYLE);

        long boxFills = surface.fillsOf(PALETTE.fill(State.WORK)) + surface.fillsOf(PALETTE.fill(State.IO_WAIT)) - 2;
        assertThat(boxFills).isEqualTo(frame.boxes().size()).isLessThanOrEqualTo(2 * (long) Math.ceil(frame.plot().w()));
    }

    @Test
    void every_clip_pushed_is_popped_and_hatching_stays_inside_its_boxes_without_clips() {
        TraceModel model = TraceModel.of(lanes(3), List.of(
                seg(0, State.LOCK_WAIT, 0, 300 * MS), seg(0, State.WORK, 300 * MS, 600 * MS),
                seg(1, State.LOCK_WAIT, 100 * MS, 500 * MS), seg(1, State.LOCK_WAIT, 500 * MS, 500 * MS + 1),
                seg(2, State.IO_WAIT, 0, 900 * MS)));

        RecordingSurface surface = paint(model, STYLE, 1200, 500, 1_000 * MS);

        assertThat(surface.popWithoutPush).isFalse();
        assertThat(surface.depth).isZero();
        assertThat(surface.pops).isEqualTo(surface.pushes);
        // none: the layout cuts boxes to the plot and hatching is cut to its boxes by
        // arithmetic, as clips cost a software renderer dearly
        assertThat(surface.pushes).isZero();

        Rgb stripe = PALETTE.fill(State.LOCK_WAIT).mix(Rgb.hex("#000000"), 0.35);
        List<RecordingSurface.Fill> hatched = surface.fills.stream()
                .filter(f -> f.color().equals(PALETTE.fill(State.LOCK_WAIT)) && f.w() >= 3).toList();
        List<RecordingSurface.Line> stripes = surface.lines.stream().filter(l -> l.color().equals(stripe)).toList();
        assertThat(hatched).as("the legend swatch and two boxes at least 3 px wide").hasSize(3);
        assertThat(stripes).hasSizeGreaterThan(hatched.size());
        for (RecordingSurface.Line l : stripes) {
            assertThat(hatched).as("stripe %s inside a hatched box", l).anySatisfy(f -> {
                assertThat(Math.min(l.x1(), l.x2())).isGreaterThanOrEqualTo(f.x() - 1e-9);
                assertThat(Math.max(l.x1(), l.x2())).isLessThanOrEqualTo(f.x() + f.w() + 1e-9);
                assertThat(Math.min(l.y1(), l.y2())).isGreaterThanOrEqualTo(f.y() - 1e-9);
                assertThat(Math.max(l.y1(), l.y2())).isLessThanOrEqualTo(f.y() + f.h() + 1e-9);
            });
        }
    }

    @Test
    void a_failed_box_gets_a_cross_of_two_lines_in_the_fail_mark_colour() {
        TraceModel model = TraceModel.of(lanes(1), List.of(
                seg(0, State.WORK, 0, 100 * MS),
                new Segment(0, 2, State.IO_WAIT, 100 * MS, 300 * MS, "GET /x", "HTTP 500", false),
                new Segment(0, 3, State.IO_WAIT, 300 * MS, 500 * MS, "GET /y", "timed out", false)));

        RecordingSurface surface = paint(model, STYLE, 1200, 500, 1_000 * MS);

        assertThat(surface.lines).filteredOn(l -> l.color().equals(PALETTE.failMark())).hasSize(2 * 2);
    }

    @Test
    void lane_names_are_drawn_right_aligned_before_the_plot() {
        TraceModel model = TraceModel.of(lanes(3), List.of());
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(model, List.of(), 1200, 500, 0, 1_000 * MS, -1, STYLE, surface);

        DiagramPainter.paint(surface, frame, STYLE);

        assertThat(surface.texts).filteredOn(t -> t.text().startsWith("pool-"))
                .extracting(RecordingSurface.Text::text).containsExactly("pool-1", "pool-2", "pool-3");
        assertThat(surface.texts).filteredOn(t -> t.text().startsWith("pool-"))
                .allSatisfy(t -> {
                    assertThat(t.align()).isEqualTo(Surface.Align.RIGHT);
                    assertThat(t.x()).isLessThan(frame.plot().x());
                });
    }

    @Test
    void every_tick_gets_a_label_and_the_title_and_caption_are_drawn() {
        DiagramStyle titled = STYLE.withTitle("Sum of squares · Synchronous", "20 numbers from 5,000,000");
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(1), List.of()), List.of(), 1088, 500,
                0, 1_000 * MS, -1, titled, surface);

        DiagramPainter.paint(surface, frame, titled);

        List<String> drawn = surface.texts.stream().map(RecordingSurface.Text::text).toList();
        assertThat(drawn).contains("Sum of squares · Synchronous", "20 numbers from 5,000,000", "CPU (running code)", "waiting for I/O");
        assertThat(drawn).containsSubsequence(frame.ticks().stream().map(Ticks.Tick::label).toList());
        assertThat(frame.ticks()).isNotEmpty();
    }

    @Test
    void hidden_lanes_are_announced_with_their_count() {
        RecordingSurface surface = paint(TraceModel.of(lanes(1_000), List.of()), STYLE, 1200, 400, 1_000 * MS);

        assertThat(surface.texts).extracting(RecordingSurface.Text::text).anySatisfy(t -> assertThat(t).matches("\\+\\d+ more lanes"));
        List<RecordingSurface.Text> names = surface.texts.stream().filter(t -> t.text().startsWith("pool-")).toList();
        assertThat(names).as("rows too thin for every name: one in k is named").isNotEmpty().hasSizeLessThan(100);
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i).y() - names.get(i - 1).y()).as("names never overlap").isGreaterThanOrEqualTo(12);
        }
    }

    /// A legend as wide as a projector's window leaves no room at its end: the note of hidden
    /// lanes moves to the caption's line instead of over the last legend item.
    @Test
    void the_note_of_hidden_lanes_never_covers_the_legend() {
        List<Segment> segments = new ArrayList<>();
        State[] states = {State.WORK, State.IO_WAIT, State.READY, State.QUEUED, State.LOCK_WAIT};
        for (int i = 0; i < states.length; i++) segments.add(Segment.closed(i, i, states[i], 0, 10 * MS, "s"));
        DiagramStyle captioned = STYLE.withTitle("", "Download sites · Event loop — 160 pages");
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(1_000), segments), List.of(), 900, 400,
                0, 1_000 * MS, -1, captioned, surface);
        DiagramPainter.paint(surface, frame, captioned);

        RecordingSurface.Text note = surface.texts.stream().filter(t -> t.text().endsWith("more lanes")).findFirst().orElseThrow();
        double noteLeft = note.x() - surface.textWidth(note.text(), 0, false);
        // room at the end of the last row: the note goes there, after the row's items
        assertThat(note.y()).isEqualTo(frame.legend().getLast().y());
        assertThat(frame.legend()).filteredOn(item -> item.y() == note.y()).isNotEmpty()
                .allSatisfy(item -> assertThat(item.x() + item.width()).isLessThan(noteLeft));
        assertThat(note.x()).isLessThanOrEqualTo(900);

        // one row that fills the picture: the note goes on the caption's line
        List<Segment> two = segments.subList(0, 2);
        double snug = frame.legend().get(1).x() + frame.legend().get(1).width() + 20;
        RecordingSurface narrow = new RecordingSurface();
        DiagramLayout.Frame tight = DiagramLayout.layout(TraceModel.of(lanes(1_000), two), List.of(), snug, 400,
                0, 1_000 * MS, -1, captioned, narrow);
        DiagramPainter.paint(narrow, tight, captioned);
        RecordingSurface.Text moved = narrow.texts.stream().filter(t -> t.text().endsWith("more lanes")).findFirst().orElseThrow();
        assertThat(tight.legend().stream().map(DiagramLayout.LegendItem::y).distinct()).hasSize(1);
        assertThat(moved.y()).isEqualTo(tight.captionBaseline());
    }

    @Test
    void a_legend_wider_than_the_picture_wraps_onto_more_rows_within_it() {
        List<Segment> segments = new ArrayList<>();
        State[] states = {State.WORK, State.IO_WAIT, State.READY, State.PAUSED, State.LOCK_WAIT, State.STARTUP, State.QUEUED};
        for (int i = 0; i < states.length; i++) segments.add(Segment.closed(i, i, states[i], 0, 10 * MS, "s"));
        RecordingSurface surface = new RecordingSurface();
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(7), segments), List.of(), 640, 400,
                0, 1_000 * MS, -1, STYLE, surface);

        // within the picture's right margin, the 12 px every side keeps
        assertThat(frame.legend()).hasSize(7).allSatisfy(item -> assertThat(item.x() + item.width()).isLessThanOrEqualTo(640 - 12));
        assertThat(frame.legend().stream().map(DiagramLayout.LegendItem::y).distinct().count()).isGreaterThan(1);
        assertThat(frame.plot().y()).isGreaterThan(frame.legend().getLast().y());
    }

    @Test
    void a_message_is_drawn_centred_on_an_empty_background() {
        RecordingSurface surface = new RecordingSurface();

        DiagramPainter.paintMessage(surface, 800, 600, "Press Run", STYLE);

        assertThat(surface.fills).containsExactly(new RecordingSurface.Fill(0, 0, 800, 600, PALETTE.background()));
        assertThat(surface.texts).containsExactly(new RecordingSurface.Text("Press Run", 400, 300, Surface.Align.CENTER, PALETTE.mutedText()));
    }
}
