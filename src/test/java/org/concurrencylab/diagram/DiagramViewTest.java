package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// What a frame shows beyond its time window: scrolled lanes, hidden states, the replay cursor,
/// a highlighted task, the by-task view and the totals of the summary strip. No toolkit.
class DiagramViewTest {
    private static final long MS = 1_000_000L;
    private static final DiagramLayout.TextMeasure SEVEN_PX_PER_CHAR = (text, size, bold) -> 7.0 * text.length();
    private static final DiagramStyle STYLE = DiagramStyle.screen(Palette.articleLight());

    private static List<Lane> lanes(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Lane(i, "w" + i, LaneKind.THREAD)).toList();
    }

    private static DiagramLayout.Frame layout(TraceModel model, long end, DiagramLayout.View view) {
        return DiagramLayout.layout(model, List.of(), 1088, 600, 0, end, -1, STYLE, SEVEN_PX_PER_CHAR, view);
    }

    private static DiagramLayout.View view(int firstLane, double minRow, Set<State> hidden, long cursor, int task) {
        return new DiagramLayout.View(firstLane, minRow, hidden, cursor, task);
    }

    /// Two workers, three tasks: task 0 on w0 (I/O 0–40, CPU 40–50), task 1 on w1 (I/O 0–60,
    /// CPU 60–70), task 2 queued 0–50 then on w0 (I/O 50–90, CPU 90–100).
    private static TraceModel twoWorkersThreeTasks() {
        return TraceModel.of(lanes(2), List.of(
                Segment.closed(0, 0, State.IO_WAIT, 0, 40 * MS, "GET /large"),
                Segment.closed(0, 0, State.WORK, 40 * MS, 50 * MS, "parse"),
                Segment.closed(1, 1, State.IO_WAIT, 0, 60 * MS, "GET /small"),
                Segment.closed(1, 1, State.WORK, 60 * MS, 70 * MS, "parse"),
                Segment.closed(Segment.NO_LANE, 2, State.QUEUED, 0, 50 * MS, "page 3"),
                Segment.closed(0, 2, State.IO_WAIT, 50 * MS, 90 * MS, "GET /large"),
                Segment.closed(0, 2, State.WORK, 90 * MS, 100 * MS, "parse")));
    }

    @Test
    void many_lanes_scroll_at_the_minimum_row_height_from_the_first_lane_asked_for() {
        TraceModel model = TraceModel.of(lanes(1000), List.of());

        DiagramLayout.Frame top = layout(model, 100 * MS, view(0, 10, Set.of(), -1, -1));
        DiagramLayout.Frame scrolled = layout(model, 100 * MS, view(500, 10, Set.of(), -1, -1));
        DiagramLayout.Frame past = layout(model, 100 * MS, view(5000, 10, Set.of(), -1, -1));

        int shown = top.rows().size();
        assertThat(top.rows().getFirst().height()).isEqualTo(10);
        assertThat(shown).isEqualTo((int) Math.floor(top.plot().h() / 10));
        assertThat(top.hiddenLanes()).isEqualTo(1000 - shown);
        assertThat(top.firstLane()).isZero();
        assertThat(scrolled.firstLane()).isEqualTo(500);
        assertThat(scrolled.rows().getFirst().lane().id()).isEqualTo(500);
        assertThat(scrolled.rows().getFirst().y()).isEqualTo(top.rows().getFirst().y());
        assertThat(past.firstLane()).as("scrolling stops at the last full page").isEqualTo(1000 - shown);
        assertThat(past.rows().getLast().lane().id()).isEqualTo(999);
    }

    @Test
    void a_hidden_state_leaves_the_plot_and_its_legend_entry_is_switched_off() {
        DiagramLayout.Frame frame = layout(twoWorkersThreeTasks(), 100 * MS, view(0, 2, Set.of(State.IO_WAIT), -1, -1));

        assertThat(frame.boxes()).extracting(DiagramLayout.Box::state).containsOnly(State.WORK).hasSize(3);
        assertThat(frame.legend()).filteredOn(DiagramLayout.LegendItem::off)
                .extracting(DiagramLayout.LegendItem::state).containsExactly(State.IO_WAIT);
        DiagramLayout.LegendItem io = frame.legend().get(1);
        assertThat(frame.legendAt(io.x() + 2, io.y() - 2)).contains(io);
        assertThat(frame.legendAt(io.x() + io.width() + 5, io.y() - 2)).isEmpty();
    }

    @Test
    void the_replay_cursor_shows_only_what_had_happened_and_cuts_what_was_going_on() {
        DiagramLayout.Frame frame = layout(twoWorkersThreeTasks(), 100 * MS, view(0, 2, Set.of(), 55 * MS, -1));

        assertThat(frame.nowNanos()).isEqualTo(55 * MS);
        assertThat(frame.boxes()).allSatisfy(b -> assertThat(b.segment().end()).isLessThanOrEqualTo(55 * MS));
        assertThat(frame.boxes()).extracting(b -> b.segment().task(), b -> b.state(), DiagramLayout.Box::open)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, State.IO_WAIT, false),
                        org.assertj.core.groups.Tuple.tuple(0, State.WORK, false),
                        org.assertj.core.groups.Tuple.tuple(2, State.IO_WAIT, true),
                        org.assertj.core.groups.Tuple.tuple(1, State.IO_WAIT, true));
        double cursorX = frame.scale().x(55 * MS);
        assertThat(frame.boxes()).allSatisfy(b -> assertThat(b.x() + b.w()).isLessThanOrEqualTo(cursorX + 1e-9));
    }

    @Test
    void a_highlighted_task_keeps_its_colours_and_every_other_box_dims() {
        DiagramLayout.Frame frame = layout(twoWorkersThreeTasks(), 100 * MS, view(0, 2, Set.of(), -1, 2));

        assertThat(frame.boxes()).filteredOn(b -> !b.dimmed()).extracting(b -> b.segment().task()).containsOnly(2).hasSize(2);
        assertThat(frame.boxes()).filteredOn(DiagramLayout.Box::dimmed).hasSize(4);
    }

    @Test
    void hit_testing_finds_the_box_and_the_row_under_a_point() {
        DiagramLayout.Frame frame = layout(twoWorkersThreeTasks(), 100 * MS, DiagramLayout.View.ALL);
        DiagramLayout.Box box = frame.boxes().get(2);

        assertThat(frame.boxAt(box.x() + box.w() / 2, box.y() + box.h() / 2)).contains(box);
        assertThat(frame.rowAt(box.y() + 1)).map(r -> r.lane().id()).contains(box.segment().lane());
        assertThat(frame.boxAt(frame.plot().x() - 20, box.y() + 1)).isEmpty();
    }

    @Test
    void by_task_every_task_gets_a_lane_with_its_queue_time_and_the_worker_it_ran_on() {
        TraceModel byTask = twoWorkersThreeTasks().byTask();

        assertThat(byTask.isByTask()).isTrue();
        assertThat(byTask.lanes()).extracting(Lane::name).containsExactly("task 1", "task 2", "task 3");
        assertThat(byTask.segments(2)).extracting(Segment::state)
                .containsExactly(State.QUEUED, State.IO_WAIT, State.WORK);
        assertThat(byTask.segments(2)).extracting(byTask::workerLaneOf).containsExactly(Segment.NO_LANE, 0, 0);
        assertThat(byTask.segments(1)).extracting(byTask::workerLaneOf).containsOnly(1);
        assertThat(byTask.laneStates()).contains(State.QUEUED);
        DiagramLayout.Frame frame = layout(byTask, 100 * MS, DiagramLayout.View.ALL);
        assertThat(frame.boxes()).hasSize(7);
        assertThat(frame.legend()).extracting(DiagramLayout.LegendItem::state).contains(State.QUEUED);
    }

    @Test
    void a_by_task_model_follows_a_live_run_segment_by_segment() {
        TraceModel live = new TraceModel();
        List<Segment> all = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) live.addLane(new Lane(lane, "w" + lane, LaneKind.THREAD));
        TraceModel source = twoWorkersThreeTasks();
        for (int lane = 0; lane < 2; lane++) all.addAll(source.segments(lane));
        all.addAll(source.taskOnlySegments());
        for (Segment s : all) live.addAsTask(s);

        assertThat(live.lanes()).hasSize(3);
        assertThat(live.segmentCount()).isEqualTo(source.byTask().segmentCount());
    }

    @Test
    void the_totals_count_time_per_state_up_to_the_cursor_and_skip_queue_time_of_no_worker() {
        TraceModel model = twoWorkersThreeTasks();

        Map<State, Long> all = model.stateTotals(-1, List.of());
        Map<State, Long> by55 = model.stateTotals(55 * MS, List.of());
        Map<State, Long> withOpen = model.stateTotals(-1, List.of(
                new Segment(1, 3, State.LOCK_WAIT, 70 * MS, 75 * MS, "", null, true)));

        assertThat(all).containsEntry(State.IO_WAIT, 140 * MS).containsEntry(State.WORK, 30 * MS).doesNotContainKey(State.QUEUED);
        assertThat(by55).containsEntry(State.IO_WAIT, (40 + 55 + 5) * MS).containsEntry(State.WORK, 10 * MS);
        assertThat(withOpen).containsEntry(State.LOCK_WAIT, 5 * MS);
    }

    @Test
    void stepping_goes_from_one_state_change_to_the_next() {
        TraceModel model = twoWorkersThreeTasks();

        assertThat(model.nextChange(0, false)).isEqualTo(40 * MS);
        assertThat(model.nextChange(40 * MS, false)).isEqualTo(50 * MS);
        assertThat(model.nextChange(50 * MS, true)).isEqualTo(40 * MS);
        assertThat(model.nextChange(100 * MS, false)).isEqualTo(-1);
        assertThat(model.nextChange(0, true)).isEqualTo(-1);
    }

    @Test
    void a_view_copies_its_hidden_states_and_rejects_rows_thinner_than_the_minimum() {
        EnumSet<State> hidden = EnumSet.of(State.WORK);
        DiagramLayout.View v = view(0, 2, hidden, -1, -1);
        hidden.add(State.IO_WAIT);

        assertThat(v.hiddenStates()).containsExactly(State.WORK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view(0, 1, Set.of(), -1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_picture_of_fixed_height_lets_few_lanes_grow_up_to_the_filling_row() {
        TraceModel three = TraceModel.of(lanes(3), List.of());
        TraceModel many = TraceModel.of(lanes(40), List.of());

        DiagramLayout.Frame screen = layout(three, 100 * MS, DiagramLayout.View.ALL);
        DiagramLayout.Frame slide = layout(three, 100 * MS, DiagramLayout.View.ALL.withMaxRow(DiagramLayout.View.FILLING_ROW));
        DiagramLayout.Frame crowded = layout(many, 100 * MS, DiagramLayout.View.ALL.withMaxRow(DiagramLayout.View.FILLING_ROW));

        assertThat(screen.rows().getFirst().height()).isEqualTo(46);
        assertThat(slide.rows().getFirst().height()).isEqualTo(Math.min(DiagramLayout.View.FILLING_ROW, slide.plot().h() / 3));
        assertThat(slide.rows().getFirst().height()).isGreaterThan(46);
        assertThat(crowded.rows().getFirst().height()).as("many lanes share the height").isEqualTo(crowded.plot().h() / 40);
    }

    @Test
    void an_event_loops_lane_stays_on_top_and_thick_while_its_task_lanes_scroll_beneath_it() {
        List<Lane> lanes = new ArrayList<>();
        lanes.add(new Lane(0, "event loop", LaneKind.LOOP));
        for (int i = 1; i <= 200; i++) lanes.add(new Lane(i, "task " + i, LaneKind.TASK));
        TraceModel model = TraceModel.of(lanes, List.of(
                Segment.closed(0, 3, State.WORK, 0, 10 * MS, "task 3"),
                Segment.closed(51, 50, State.IO_WAIT, 0, 40 * MS, "GET")));
        List<Segment> open = List.of(new Segment(0, 7, State.WORK, 20 * MS, 30 * MS, "", null, true),
                new Segment(52, 51, State.IO_WAIT, 0, 30 * MS, "", null, true),
                new Segment(2, 1, State.IO_WAIT, 0, 30 * MS, "", null, true));

        DiagramLayout.Frame top = DiagramLayout.layout(model, open, 1088, 600, 0, 100 * MS, 30 * MS, STYLE, SEVEN_PX_PER_CHAR,
                view(0, 6, Set.of(), -1, -1));
        DiagramLayout.Frame scrolled = DiagramLayout.layout(model, open, 1088, 600, 0, 100 * MS, 30 * MS, STYLE, SEVEN_PX_PER_CHAR,
                view(100, 6, Set.of(), -1, -1));

        assertThat(top.rows().size()).as("lanes 51 and 52 fit on the first page").isGreaterThan(53).isLessThan(101);
        for (DiagramLayout.Frame f : List.of(top, scrolled)) {
            assertThat(f.rows().getFirst().lane().kind()).isEqualTo(LaneKind.LOOP);
            assertThat(f.rows().getFirst().height()).isEqualTo(26);
            assertThat(f.rows().get(1).height()).isEqualTo(6);
            assertThat(f.rows().getLast().y() + f.rows().getLast().height()).isLessThanOrEqualTo(f.plot().bottom() + 1e-9);
            assertThat(f.hiddenLanes()).isEqualTo(201 - f.rows().size());
        }
        assertThat(top.rows().get(1).lane().id()).isEqualTo(1);
        assertThat(scrolled.rows().get(1).lane().id()).isEqualTo(101);
        // every box sits on the row of its own lane, open ones included
        for (DiagramLayout.Frame f : List.of(top, scrolled)) {
            for (DiagramLayout.Box b : f.boxes()) {
                assertThat(f.rowAt(b.y() + b.h() / 2)).map(r -> r.lane().id()).contains(b.segment().lane());
            }
        }
        assertThat(top.boxes()).extracting(b -> b.segment().lane()).containsExactlyInAnyOrder(0, 0, 2, 51, 52);
        assertThat(scrolled.boxes()).as("the loop's boxes stay, the task lanes scrolled away go")
                .extracting(b -> b.segment().lane()).containsExactlyInAnyOrder(0, 0);
    }
}
