package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// Several runs on one time axis: same scale, aligned plots, every lane shown.
class StackedLayoutTest {
    private static final long MS = 1_000_000L;
    private static final DiagramStyle STYLE = DiagramStyle.screen(Palette.articleLight());

    /// `lanes` lanes named `prefix-1`…, each busy from 0 to `wallMs`.
    static TraceModel model(String prefix, int lanes, long wallMs, State state) {
        List<Lane> ls = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            ls.add(new Lane(i, prefix + "-" + (i + 1), LaneKind.THREAD));
            segments.add(Segment.closed(i, i, state, 0, wallMs * MS, ""));
        }
        return TraceModel.of(ls, segments);
    }

    static List<StackedLayout.Panel> panels() {
        return List.of(
                new StackedLayout.Panel("sync", "wall 14.4 s", model("main", 1, 14_400, State.IO_WAIT), 14_400 * MS),
                new StackedLayout.Panel("threads (5)", "wall 2.97 s", model("pool", 5, 2_970, State.IO_WAIT), 2_880 * MS),
                new StackedLayout.Panel("processes (2)", "", model("process 1 (pid 12345)", 2, 8_700, State.STARTUP), -1),
                new StackedLayout.Panel("event loop", "wall 225 ms", model("task", 161, 225, State.WORK), 180 * MS));
    }

    @Test
    void every_panel_shares_one_time_scale_and_its_plot_starts_at_the_same_x() {
        var text = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = panels();

        StackedLayout.Stacked s = StackedLayout.layout(panels, "Download sites", "verdict", 1600,
                StackedLayout.sharedEnd(panels), STYLE, text);

        assertThat(s.panels()).hasSize(4);
        assertThat(s.panels()).allSatisfy(p -> {
            assertThat(p.frame().scale()).isEqualTo(s.scale());
            assertThat(p.frame().plot().x()).isCloseTo(s.scale().x0(), within(1e-6));
            assertThat(p.frame().plot().w()).isCloseTo(s.scale().width(), within(1e-6));
            assertThat(p.frame().width()).isEqualTo(1600);
        });
        assertThat(s.scale().endNanos()).as("the longest run, with a little room").isEqualTo((long) (14_400 * MS * 1.02));
        // lengths compare: each run's box ends where its wall time falls on the shared axis
        for (StackedLayout.PanelFrame p : s.panels()) {
            double right = p.frame().boxes().stream().mapToDouble(b -> b.x() + b.w()).max().orElseThrow();
            assertThat(right).isCloseTo(s.scale().x(p.panel().model().endNanos()), within(1e-6));
        }
        double syncRight = s.panels().get(0).frame().boxes().getFirst().x() + s.panels().get(0).frame().boxes().getFirst().w();
        double threadsRight = s.panels().get(1).frame().boxes().getFirst().x() + s.panels().get(1).frame().boxes().getFirst().w();
        assertThat((threadsRight - s.scale().x0()) / (syncRight - s.scale().x0())).isCloseTo(2_970.0 / 14_400, within(1e-9));
    }

    @Test
    void panels_stack_downwards_under_the_header_and_every_lane_gets_a_row() {
        var text = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = panels();

        StackedLayout.Stacked s = StackedLayout.layout(panels, "Download sites", "verdict", 1200,
                StackedLayout.sharedEnd(panels), STYLE, text);

        double y = s.header().height();
        for (StackedLayout.PanelFrame p : s.panels()) {
            assertThat(p.y()).isEqualTo(y);
            assertThat(p.frame().hiddenLanes()).isZero();
            assertThat(p.frame().rows()).hasSize(p.panel().model().lanes().size());
            y += p.height();
        }
        assertThat(s.height()).isGreaterThanOrEqualTo(y);
        assertThat(StackedLayout.fittingHeight(panels, "Download sites", "verdict", 1200, STYLE, text)).isEqualTo((int) Math.ceil(s.height()));
        assertThat(s.header().legend()).extracting(DiagramLayout.LegendItem::state)
                .containsExactly(State.WORK, State.IO_WAIT, State.STARTUP);
    }

    @Test
    void a_legend_too_wide_for_its_picture_goes_on_as_many_rows_as_it_needs_and_the_plot_starts_below() {
        var text = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = List.of(
                new StackedLayout.Panel("a", "", model("pool", 2, 500, State.READY), -1),
                new StackedLayout.Panel("b", "", model("pool", 2, 400, State.PAUSED), -1),
                new StackedLayout.Panel("c", "", model("pool", 2, 400, State.LOCK_WAIT), -1),
                new StackedLayout.Panel("d", "", model("process", 2, 300, State.STARTUP), -1),
                new StackedLayout.Panel("e", "", model("task", 2, 300, State.QUEUED), -1));
        double width = 480;

        StackedLayout.Stacked narrow = StackedLayout.layout(panels, "Sum of squares", "verdict", width,
                StackedLayout.sharedEnd(panels), STYLE, text);
        StackedLayout.Stacked wide = StackedLayout.layout(panels, "Sum of squares", "verdict", 4000,
                StackedLayout.sharedEnd(panels), STYLE, text);

        List<DiagramLayout.LegendItem> legend = narrow.header().legend();
        assertThat(legend).hasSize(7).allSatisfy(item -> assertThat(item.x() + item.width()).isLessThanOrEqualTo(width));
        assertThat(legend.stream().map(DiagramLayout.LegendItem::y).distinct().count()).as("rows").isGreaterThan(1);
        assertThat(wide.header().legend().stream().map(DiagramLayout.LegendItem::y).distinct()).as("rows when it fits").hasSize(1);
        double lowest = legend.stream().mapToDouble(DiagramLayout.LegendItem::y).max().orElseThrow();
        assertThat(narrow.panels().getFirst().y()).as("the first panel starts below the legend's last row")
                .isGreaterThan(lowest);
    }

    @Test
    void the_legend_lists_every_state_a_panel_shows_as_a_single_diagram_would() {
        var text = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = List.of(
                new StackedLayout.Panel("CPython threads (5)", "", model("pool", 5, 500, State.READY), -1),
                new StackedLayout.Panel("threads (5) + GIL", "", model("pool", 5, 400, State.PAUSED), -1),
                new StackedLayout.Panel("CPython processes (2)", "", model("process", 2, 300, State.LOCK_WAIT), -1));

        StackedLayout.Stacked s = StackedLayout.layout(panels, "Sum of squares", "verdict", 1600,
                StackedLayout.sharedEnd(panels), STYLE, text);

        assertThat(s.header().legend()).extracting(DiagramLayout.LegendItem::state)
                .containsExactly(State.WORK, State.IO_WAIT, State.READY, State.PAUSED, State.LOCK_WAIT);
    }

    @Test
    void the_painter_draws_each_panel_below_the_last_with_a_ghost_bar_for_each_ideal() {
        var surface = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = panels();
        StackedLayout.Stacked s = StackedLayout.layout(panels, "Download sites", "verdict", 1600,
                StackedLayout.sharedEnd(panels), STYLE, surface);

        StackedPainter.paint(surface, s);

        assertThat(surface.texts).extracting(DiagramPainterTest.RecordingSurface.Text::text)
                .contains("Download sites", "verdict", "sync", "threads (5)", "processes (2)", "event loop",
                        "ideal 14.4 s", "ideal 2.88 s", "ideal 180 ms");
        double threadsTitleY = surface.texts.stream().filter(t -> t.text().equals("threads (5)")).findFirst().orElseThrow().y();
        assertThat(threadsTitleY).isGreaterThan(s.panels().get(1).y()).isLessThan(s.panels().get(2).y());
        assertThat(surface.pushes).isEqualTo(surface.pops);
    }

    @Test
    void a_compact_panel_too_thin_for_the_ideal_tag_keeps_its_band_and_line_and_leaves_the_tag_to_its_caption() {
        var surface = new DiagramPainterTest.RecordingSurface();
        List<StackedLayout.Panel> panels = panels();
        StackedLayout.Stacked s = StackedLayout.layout(panels, "", "", 1280, StackedLayout.sharedEnd(panels),
                STYLE.compacted(), surface);

        StackedPainter.paint(surface, s);

        List<String> texts = surface.texts.stream().map(DiagramPainterTest.RecordingSurface.Text::text).toList();
        assertThat(texts).as("one lane: no room").doesNotContain("ideal 14.4 s")
                .as("five lanes and 161: room").contains("ideal 2.88 s", "ideal 180 ms");
        for (String tag : List.of("ideal 2.88 s", "ideal 180 ms")) {
            double y = surface.texts.stream().filter(t -> t.text().equals(tag)).findFirst().orElseThrow().y();
            StackedLayout.PanelFrame panel = s.panels().stream().filter(p -> p.y() < y).reduce((a, b) -> b).orElseThrow();
            assertThat(y).as(tag + " within its panel's plot").isLessThanOrEqualTo(panel.y() + panel.frame().plot().bottom());
        }
        StackedLayout.PanelFrame sync = s.panels().getFirst();
        double syncIdealX = sync.frame().scale().x(14_400 * MS);
        assertThat(surface.lines).as("the sync panel's ideal still marked")
                .anyMatch(l -> Math.abs(l.x1() - (Math.floor(syncIdealX) + 0.5)) < 1 && l.y1() >= sync.y()
                        && l.y2() <= sync.y() + sync.height());
    }
}
