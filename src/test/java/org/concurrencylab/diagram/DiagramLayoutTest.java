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
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/// The diagram's geometry with a fake font (7 px per character), so every position is exact.
class DiagramLayoutTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final DiagramLayout.TextMeasure SEVEN_PX_PER_CHAR = (text, size, bold) -> 7.0 * text.length();
    private static final DiagramStyle STYLE = DiagramStyle.screen(Palette.articleLight());
    /// Margin 12 + lane header 56 (short lane names) + plot 1000 + margin 12 + 8.
    private static final double WIDTH_FOR_1000_PX_PLOT = 1088;

    private static List<Lane> lanes(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Lane(i, "w" + i, LaneKind.THREAD)).toList();
    }

    private static Segment seg(int lane, State state, long start, long end) {
        return Segment.closed(lane, 0, state, start, end, "");
    }

    private static DiagramLayout.Frame layout(TraceModel model, double width, double height, long start, long end) {
        return DiagramLayout.layout(model, List.of(), width, height, start, end, -1, STYLE, SEVEN_PX_PER_CHAR);
    }

    @Test
    void with_short_lane_names_the_plot_takes_the_width_left_by_margins_and_header() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(2), List.of()), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

        assertThat(frame.headerWidth()).isEqualTo(56);
        assertThat(frame.plot().x()).isEqualTo(68);
        assertThat(frame.plot().w()).isEqualTo(1000);
        assertThat(frame.scale().x0()).isEqualTo(68);
        assertThat(frame.scale().width()).isEqualTo(1000);
        assertThat(frame.hiddenLanes()).isZero();
    }

    @Test
    void a_long_lane_name_widens_the_header_up_to_three_tenths_of_the_width() {
        List<Lane> named = List.of(new Lane(0, "x".repeat(20), LaneKind.THREAD));
        List<Lane> huge = List.of(new Lane(0, "x".repeat(500), LaneKind.THREAD));

        assertThat(layout(TraceModel.of(named, List.of()), 1000, 400, 0, SECOND).headerWidth()).isEqualTo(20 * 7 + 16);
        assertThat(layout(TraceModel.of(huge, List.of()), 1000, 400, 0, SECOND).headerWidth()).isEqualTo(300);
    }

    @Test
    void only_segments_that_reach_into_the_time_window_get_a_box() {
        TraceModel model = TraceModel.of(lanes(1), List.of(
                seg(0, State.WORK, 0, 100 * MS),
                seg(0, State.IO_WAIT, 110 * MS, 140 * MS),
                seg(0, State.WORK, 200 * MS, 300 * MS),
                seg(0, State.IO_WAIT, 300 * MS, 700 * MS),
                seg(0, State.WORK, 810 * MS, 900 * MS),
                seg(0, State.IO_WAIT, 900 * MS, SECOND)));

        DiagramLayout.Frame frame = layout(model, WIDTH_FOR_1000_PX_PLOT, 400, 150 * MS, 800 * MS);

        assertThat(frame.boxes()).extracting(b -> b.segment().start()).containsExactly(200 * MS, 300 * MS);
    }

    @Test
    void a_segment_crossing_an_edge_of_the_window_is_cut_at_the_plot_edge() {
        TraceModel model = TraceModel.of(lanes(1), List.of(
                seg(0, State.WORK, 0, 300 * MS),
                seg(0, State.IO_WAIT, 700 * MS, SECOND)));

        DiagramLayout.Frame frame = layout(model, WIDTH_FOR_1000_PX_PLOT, 400, 200 * MS, 800 * MS);

        DiagramLayout.Rect plot = frame.plot();
        assertThat(frame.boxes()).hasSize(2);
        DiagramLayout.Box left = frame.boxes().get(0);
        DiagramLayout.Box right = frame.boxes().get(1);
        assertThat(left.x()).isEqualTo(plot.x());
        assertThat(left.x() + left.w()).isCloseTo(frame.scale().x(300 * MS), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(right.x()).isCloseTo(frame.scale().x(700 * MS), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(right.x() + right.w()).isCloseTo(plot.right(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_segment_wider_than_a_pixel_is_one_box_exactly_at_its_times() {
        List<Segment> segments = List.of(
                seg(0, State.WORK, 3 * MS + 250_000, 17 * MS + 600_000),
                seg(0, State.IO_WAIT, 17 * MS + 600_000, 400 * MS + 1),
                seg(0, State.LOCK_WAIT, 401 * MS, 402 * MS + 1));
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);
        TimeScale scale = frame.scale();
        DiagramLayout.LaneRow row = frame.rows().getFirst();

        assertThat(frame.boxes()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DiagramLayout.Box box = frame.boxes().get(i);
            Segment s = segments.get(i);
            assertThat(box.x()).isEqualTo(scale.x(s.start()));
            assertThat(box.w()).isEqualTo(scale.x(s.end()) - scale.x(s.start()));
            assertThat(box.y()).isEqualTo(row.boxY());
            assertThat(box.h()).isEqualTo(row.boxHeight());
            assertThat(box.state()).isEqualTo(s.state());
            assertThat(box.segment()).isSameAs(s);
            assertThat(box.merged()).isEqualTo(1);
        }
    }

    /// The boxes of one pixel column, bottom to top.
    private static List<DiagramLayout.Box> column(DiagramLayout.Frame frame, int px) {
        return frame.boxes().stream().filter(b -> b.x() == frame.plot().x() + px)
                .sorted(java.util.Comparator.comparingDouble(DiagramLayout.Box::y).reversed()).toList();
    }

    @Test
    void a_thousand_one_microsecond_segments_fill_their_pixel_with_each_state_s_share() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            segments.add(seg(0, i % 2 == 0 ? State.IO_WAIT : State.WORK, 500 * MS + i * 1_000L, 500 * MS + (i + 1) * 1_000L));
        }

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);
        DiagramLayout.LaneRow row = frame.rows().getFirst();

        // 1 ms of segments on a 1 ms-per-pixel plot: pixel 500, half CPU and half I/O, CPU at the bottom
        assertThat(column(frame, 500)).extracting(DiagramLayout.Box::state).containsExactly(State.WORK, State.IO_WAIT);
        assertThat(column(frame, 500)).allSatisfy(b -> {
            assertThat(b.w()).isEqualTo(1);
            assertThat(b.share()).isCloseTo(0.5, within(0.01));
            assertThat(b.h()).isCloseTo(row.boxHeight() / 2, within(0.5));
            assertThat(b.merged()).isEqualTo(500);
        });
        assertThat(column(frame, 500).getFirst().y() + column(frame, 500).getFirst().h()).isEqualTo(row.boxY() + row.boxHeight());
        assertThat(frame.boxes()).hasSize(2);
    }

    @Test
    void a_second_of_five_microsecond_segments_gives_each_column_its_true_shares() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            segments.add(seg(0, i % 3 == 0 ? State.WORK : State.IO_WAIT, i * 5_000L, (i + 1) * 5_000L));
        }

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

        assertThat(frame.boxes()).hasSize(2 * (int) frame.plot().w());
        assertThat(frame.boxes()).allSatisfy(b -> {
            assertThat(b.w()).isEqualTo(1);
            assertThat(b.share()).isCloseTo(b.state() == State.WORK ? 1 / 3.0 : 2 / 3.0, within(0.02));
            assertThat(b.x()).isBetween(frame.plot().x(), frame.plot().right() - 1);
        });
        assertThat(frame.boxes().stream().mapToInt(DiagramLayout.Box::merged).sum()).isEqualTo(200_000);
    }

    @Test
    void idle_time_in_a_pixel_stays_empty() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) segments.add(seg(0, State.IO_WAIT, i * 20_000L, i * 20_000L + 10_000L));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);
        DiagramLayout.LaneRow row = frame.rows().getFirst();

        assertThat(frame.boxes()).hasSize(200).allSatisfy(b -> {
            assertThat(b.w()).isEqualTo(1);
            assertThat(b.merged()).isEqualTo(50);
            assertThat(b.share()).isCloseTo(0.5, within(0.01));
            assertThat(b.h()).as("the other half of the pixel was idle").isCloseTo(row.boxHeight() / 2, within(0.5));
        });
    }

    @Test
    void a_state_that_is_there_at_all_gets_a_pixel_of_height_and_idle_lanes_stay_mostly_empty() {
        // a worker that ran code for 2 µs in every 3 ms, as a race on two processes does
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 330; i++) segments.add(seg(0, State.WORK, i * 3 * MS, i * 3 * MS + 2_000));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);
        DiagramLayout.LaneRow row = frame.rows().getFirst();

        assertThat(frame.boxes()).hasSize(330).allSatisfy(b -> {
            assertThat(b.h()).isEqualTo(1);
            assertThat(b.share()).isLessThan(0.01);
        });
        double painted = frame.boxes().stream().mapToDouble(b -> b.w() * b.h()).sum();
        assertThat(painted / (frame.plot().w() * row.boxHeight())).as("share of the lane painted").isLessThan(0.05);
    }

    @Test
    void a_short_cpu_step_between_long_waits_is_drawn_after_them_so_it_stays_on_top() {
        List<Segment> segments = List.of(
                seg(0, State.IO_WAIT, 0, 400 * MS),
                seg(0, State.WORK, 400 * MS, 400 * MS + 300_000),
                seg(0, State.IO_WAIT, 400 * MS + 300_000, SECOND));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);
        DiagramLayout.LaneRow row = frame.rows().getFirst();

        assertThat(frame.boxes()).extracting(DiagramLayout.Box::state)
                .containsExactly(State.IO_WAIT, State.IO_WAIT, State.WORK);
        DiagramLayout.Box sliver = frame.boxes().getLast();
        assertThat(sliver.x()).isEqualTo(frame.plot().x() + 400);
        assertThat(sliver.w()).isEqualTo(1);
        assertThat(sliver.share()).isCloseTo(0.3, within(0.01));
        assertThat(sliver.h()).isCloseTo(Math.max(1, 0.3 * row.boxHeight()), within(0.01));
        assertThat(sliver.merged()).isEqualTo(1);
    }

    @Test
    void a_sliver_in_the_last_pixel_column_stays_inside_the_plot_in_its_own_column() {
        List<Segment> segments = List.of(seg(0, State.WORK, SECOND - 100_000, SECOND - 50_000));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

        assertThat(frame.boxes()).singleElement().satisfies(b -> {
            assertThat(b.x()).isEqualTo(frame.plot().right() - 1);
            assertThat(b.w()).isEqualTo(1);
        });
    }

    @Test
    void a_pixel_shared_by_io_wait_and_work_shows_both_whatever_their_order() {
        // 1 ms per pixel: all the segments fall in pixel 10 of the plot, with 0.1 ms of CPU
        List<Segment> ioFirst = List.of(
                seg(0, State.IO_WAIT, 10 * MS, 10 * MS + 600_000),
                seg(0, State.WORK, 10 * MS + 600_000, 10 * MS + 700_000),
                seg(0, State.IO_WAIT, 10 * MS + 700_000, 11 * MS - 1));
        List<Segment> workFirst = List.of(
                seg(0, State.WORK, 10 * MS, 10 * MS + 100_000),
                seg(0, State.IO_WAIT, 10 * MS + 100_000, 11 * MS - 1));

        for (List<Segment> segments : List.of(ioFirst, workFirst)) {
            DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

            assertThat(column(frame, 10)).extracting(DiagramLayout.Box::state).containsExactly(State.WORK, State.IO_WAIT);
            assertThat(column(frame, 10).getFirst().share()).isCloseTo(0.1, within(0.01));
            assertThat(column(frame, 10).getLast().share()).isCloseTo(0.9, within(0.01));
            assertThat(column(frame, 10).stream().mapToInt(DiagramLayout.Box::merged).sum()).isEqualTo(segments.size());
        }
    }

    @Test
    void a_state_held_for_no_time_gets_no_pixel_unless_it_failed() {
        // a thread that was ready, waiting for a core, from the very start of its step: the step's
        // WORK lasted 0 ns and must not paint a blue pixel into the column of its wait
        List<Segment> segments = List.of(
                seg(0, State.WORK, 10 * MS, 10 * MS),
                seg(0, State.READY, 10 * MS, 10 * MS + 600_000),
                new Segment(0, 1, State.IO_WAIT, 20 * MS, 20 * MS, "GET /x", "connection refused", false));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

        assertThat(column(frame, 10)).extracting(DiagramLayout.Box::state).containsExactly(State.READY);
        assertThat(column(frame, 20)).extracting(DiagramLayout.Box::state, DiagramLayout.Box::failed)
                .containsExactly(tuple(State.IO_WAIT, true));
    }

    @Test
    void a_pixel_s_state_is_failed_if_any_of_its_segments_failed() {
        List<Segment> segments = List.of(
                seg(0, State.WORK, 10 * MS, 10 * MS + 100_000),
                new Segment(0, 1, State.IO_WAIT, 10 * MS + 100_000, 10 * MS + 200_000, "GET /x", "HTTP 500", false),
                seg(0, State.WORK, 10 * MS + 200_000, 10 * MS + 300_000));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), segments), WIDTH_FOR_1000_PX_PLOT, 400, 0, SECOND);

        assertThat(frame.boxes()).extracting(DiagramLayout.Box::state, DiagramLayout.Box::failed)
                .containsExactlyInAnyOrder(tuple(State.WORK, false), tuple(State.IO_WAIT, true));
    }

    @Test
    void open_segments_of_a_live_run_are_laid_out_on_their_lane_and_marked_open() {
        TraceModel model = TraceModel.of(lanes(2), List.of(seg(0, State.WORK, 0, 100 * MS)));
        Segment open = new Segment(1, 4, State.IO_WAIT, 50 * MS, 300 * MS, "GET /a", null, true);
        Segment elsewhere = new Segment(1, 5, State.IO_WAIT, 2 * SECOND, 3 * SECOND, "GET /b", null, true);

        DiagramLayout.Frame frame = DiagramLayout.layout(model, List.of(open, elsewhere), WIDTH_FOR_1000_PX_PLOT, 400,
                0, SECOND, 300 * MS, STYLE, SEVEN_PX_PER_CHAR);

        assertThat(frame.boxes()).hasSize(2);
        DiagramLayout.Box live = frame.boxes().get(1);
        assertThat(live.open()).isTrue();
        assertThat(live.segment()).isSameAs(open);
        assertThat(live.y()).isEqualTo(frame.rows().get(1).boxY());
        assertThat(frame.nowNanos()).isEqualTo(300 * MS);
    }

    @Test
    void rows_stack_top_down_without_overlap_inside_the_plot() {
        for (int lanes : new int[] {1, 2, 7, 40, 200}) {
            DiagramLayout.Frame frame = layout(TraceModel.of(lanes(lanes), List.of()), 1200, 600, 0, SECOND);
            DiagramLayout.Rect plot = frame.plot();
            List<DiagramLayout.LaneRow> rows = frame.rows();

            assertThat(rows).as("%d lanes", lanes).hasSize(lanes);
            assertThat(rows.getFirst().y()).isEqualTo(plot.y());
            for (int i = 0; i < rows.size(); i++) {
                DiagramLayout.LaneRow row = rows.get(i);
                assertThat(row.lane().id()).isEqualTo(i);
                assertThat(row.height()).isPositive().isLessThanOrEqualTo(46);
                assertThat(row.y() + row.height()).isLessThanOrEqualTo(plot.bottom() + 1e-9);
                assertThat(row.boxY()).isGreaterThanOrEqualTo(row.y());
                assertThat(row.boxY() + row.boxHeight()).isLessThanOrEqualTo(row.y() + row.height() + 1e-9);
                if (i > 0) {
                    DiagramLayout.LaneRow above = rows.get(i - 1);
                    assertThat(row.y()).isCloseTo(above.y() + above.height(), org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    @Test
    void a_few_lanes_get_rows_of_the_largest_height_not_the_whole_plot() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(2), List.of()), 1200, 900, 0, SECOND);

        assertThat(frame.rows()).extracting(DiagramLayout.LaneRow::height).containsOnly(46.0);
        assertThat(frame.rows().getFirst().boxHeight()).isCloseTo(46 * 0.78, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void lanes_that_do_not_fit_at_two_pixels_each_are_hidden_and_counted() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(10_000), List.of()), 1200, 500, 0, SECOND);

        int shown = frame.rows().size();
        assertThat(frame.hiddenLanes()).isPositive();
        assertThat(shown + frame.hiddenLanes()).isEqualTo(10_000);
        assertThat(shown).isEqualTo((int) Math.floor(frame.plot().h() / 2));
        assertThat(frame.rows()).allSatisfy(row -> assertThat(row.height()).isGreaterThanOrEqualTo(2));
        DiagramLayout.LaneRow last = frame.rows().getLast();
        assertThat(last.y() + last.height()).isLessThanOrEqualTo(frame.plot().bottom());
        assertThat(last.lane().id()).isEqualTo(shown - 1);
    }

    @Test
    void hidden_lanes_get_no_boxes() {
        List<Segment> segments = new ArrayList<>();
        for (int lane = 0; lane < 1_000; lane++) segments.add(seg(lane, State.WORK, 0, SECOND));

        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1_000), segments), 1200, 300, 0, SECOND);

        assertThat(frame.hiddenLanes()).isPositive();
        assertThat(frame.boxes()).hasSize(frame.rows().size());
    }

    @Test
    void the_legend_lists_cpu_and_io_always_and_other_states_only_when_present() {
        DiagramLayout.Frame plain = layout(TraceModel.of(lanes(1), List.of(seg(0, State.WORK, 0, 1))), 1200, 400, 0, SECOND);
        DiagramLayout.Frame locked = layout(TraceModel.of(lanes(1), List.of(seg(0, State.LOCK_WAIT, 0, 1),
                seg(0, State.STARTUP, 1, 2), seg(0, State.QUEUED, 2, 3))), 1200, 400, 0, SECOND);

        assertThat(plain.legend()).extracting(DiagramLayout.LegendItem::state).containsExactly(State.WORK, State.IO_WAIT);
        assertThat(locked.legend()).extracting(DiagramLayout.LegendItem::state)
                .containsExactly(State.WORK, State.IO_WAIT, State.LOCK_WAIT, State.STARTUP, State.QUEUED);
        DiagramLayout.Frame taskQueue = layout(TraceModel.of(lanes(1), List.of(seg(0, State.WORK, 0, 1),
                new Segment(Segment.NO_LANE, 0, State.QUEUED, 0, 1, "", null, false))), 1200, 400, 0, SECOND);
        assertThat(taskQueue.legend()).as("queue time of no worker is not drawn by worker, so not listed")
                .extracting(DiagramLayout.LegendItem::state).containsExactly(State.WORK, State.IO_WAIT);
    }

    @Test
    void legend_items_are_placed_one_after_the_other_by_their_measured_labels() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), List.of()), 1200, 400, 0, SECOND);

        List<DiagramLayout.LegendItem> legend = frame.legend();
        assertThat(legend.get(0).x()).isEqualTo(12);
        assertThat(legend.get(0).label()).isEqualTo("CPU (running code)");
        assertThat(legend.get(1).x()).isEqualTo(12 + 12 + 6 + 7 * "CPU (running code)".length() + 18);
        assertThat(legend).allSatisfy(item -> {
            assertThat(item.y()).isEqualTo(12 + 14);
            assertThat(item.swatch()).isEqualTo(12);
        });
        assertThat(frame.plot().y()).isEqualTo(12 + 24 + 4);
    }

    @Test
    void a_caption_wider_than_the_picture_wraps_between_its_parts_and_keeps_every_one() {
        String caption = "Sum of squares · Process pool (2 processes) — CPython 3.11 · processes (2) · wall 5.61 s"
                + " · start-up 29 ms · 2 cores · 0 errors";
        DiagramStyle captioned = STYLE.withTitle("", caption);
        double width = 400;
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(1), List.of()), List.of(), width, 600,
                0, SECOND, -1, captioned, SEVEN_PX_PER_CHAR);
        DiagramLayout.Frame wide = DiagramLayout.layout(TraceModel.of(lanes(1), List.of()), List.of(), 2000, 600,
                0, SECOND, -1, captioned, SEVEN_PX_PER_CHAR);

        assertThat(wide.captionLines()).containsExactly(caption);
        List<String> lines = frame.captionLines();
        assertThat(lines).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(7.0 * line.length()).isLessThanOrEqualTo(width - 2 * 12))
                .allSatisfy(line -> assertThat(line).doesNotEndWith("·").doesNotStartWith(" "));
        assertThat(String.join(" · ", lines).replace("— · ", "— ")).isEqualTo(caption);
        assertThat(lines.getLast()).endsWith("0 errors");
        // the lines push the plot down, one step each
        assertThat(frame.plot().y() - wide.plot().y()).isEqualTo((lines.size() - 1) * (12.5 + 5));
        assertThat(frame.lastCaptionBaseline(captioned)).isEqualTo(frame.captionBaseline() + (lines.size() - 1) * 17.5);
    }

    @Test
    void a_caption_part_wider_than_a_line_breaks_between_its_words() {
        List<String> lines = CaptionLines.wrap("one two three four five six · seven", 12, 7 * 10, SEVEN_PX_PER_CHAR);

        assertThat(lines).containsExactly("one two", "three four", "five six", "seven");
    }

    @Test
    void a_title_and_caption_push_the_plot_down_and_get_their_baselines() {
        DiagramStyle titled = STYLE.withTitle("Download sites · Thread pool (5 threads)", "160 pages");
        DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(1), List.of()), List.of(), 1200, 600,
                0, SECOND, -1, titled, SEVEN_PX_PER_CHAR);
        DiagramLayout.Frame bare = layout(TraceModel.of(lanes(1), List.of()), 1200, 600, 0, SECOND);

        assertThat(frame.titleBaseline()).isEqualTo(12 + 18);
        assertThat(frame.captionBaseline()).isEqualTo(12 + 18 + 6 + 12.5);
        assertThat(bare.titleBaseline()).isEqualTo(-1);
        assertThat(bare.captionBaseline()).isEqualTo(-1);
        assertThat(frame.plot().y() - bare.plot().y()).isEqualTo(18 + 6 + 12.5 + 8);
    }

    @Test
    void a_doubled_style_scale_doubles_margins_and_rows() {
        DiagramLayout.Frame one = layout(TraceModel.of(lanes(2), List.of()), 2400, 1800, 0, SECOND);
        DiagramLayout.Frame two = DiagramLayout.layout(TraceModel.of(lanes(2), List.of()), List.of(), 2400, 1800,
                0, SECOND, -1, STYLE.withScale(2), (text, size, bold) -> 7.0 * text.length() * size / 12);

        assertThat(two.plot().x()).isEqualTo(2 * one.plot().x());
        assertThat(two.plot().y()).isEqualTo(2 * one.plot().y());
        assertThat(two.rows().getFirst().height()).isEqualTo(2 * one.rows().getFirst().height());
    }

    @Test
    void ticks_lie_inside_the_plot_at_least_eighty_pixels_apart() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), List.of()), WIDTH_FOR_1000_PX_PLOT, 400, 0, 3 * SECOND);

        assertThat(frame.ticks()).extracting(Ticks.Tick::label).containsExactly("0", "0.5 s", "1.0 s", "1.5 s", "2.0 s", "2.5 s", "3.0 s");
        assertThat(frame.ticks()).allSatisfy(t -> assertThat(t.x()).isBetween(frame.plot().x(), frame.plot().right()));
        for (int i = 1; i < frame.ticks().size(); i++) {
            assertThat(frame.ticks().get(i).x() - frame.ticks().get(i - 1).x()).isGreaterThanOrEqualTo(80);
        }
    }

    @Test
    void a_fitting_height_shows_every_lane_at_full_thickness_when_there_are_few() {
        DiagramStyle titled = STYLE.withTitle("Download sites · Thread pool (8 threads)", "160 pages");
        for (int lanes : new int[] {1, 2, 8, 12, 100, 1_000}) {
            int height = DiagramLayout.fittingHeight(lanes, titled);
            DiagramLayout.Frame frame = DiagramLayout.layout(TraceModel.of(lanes(lanes), List.of()), List.of(), 1600, height,
                    0, SECOND, -1, titled, SEVEN_PX_PER_CHAR);

            assertThat(frame.hiddenLanes()).as("%d lanes in %d px", lanes, height).isZero();
            if (lanes <= 8) assertThat(frame.rows()).extracting(DiagramLayout.LaneRow::height).containsOnly(46.0);
        }
    }

    @Test
    void a_fitting_height_is_kept_between_200_and_4000_pixels() {
        assertThat(DiagramLayout.fittingHeight(1, STYLE)).isBetween(200, 260);
        assertThat(DiagramLayout.fittingHeight(100_000, STYLE)).isEqualTo(4000);
        int previous = 0;
        for (int lanes = 1; lanes <= 2_000; lanes++) {
            int height = DiagramLayout.fittingHeight(lanes, STYLE);
            assertThat(height).isBetween(200, 4000);
            previous = height;
        }
        assertThat(previous).isEqualTo(4000);
    }

    @Test
    void an_empty_window_is_widened_to_one_nanosecond() {
        DiagramLayout.Frame frame = layout(TraceModel.of(lanes(1), List.of()), 1200, 400, 5, 5);

        assertThat(frame.scale().span()).isEqualTo(1);
    }
}
