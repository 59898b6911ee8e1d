package org.concurrencylab.ui.diagram;

import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.LivePacing;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.render.FxSurface;

import java.util.List;

/// Draws a [TimingDiagram] on a canvas, with a scroll bar for lanes that do not fit, a hover box
/// and a range selection; its [TimingDiagramBehavior] handles input. Frames come from an
/// [AnimationTimer] that runs only while there is something to draw: a live run (paced by
/// [LivePacing]), a replay that plays, or a change since the last frame. Once a frame finds none
/// of these, the timer stops, so an idle window uses no CPU of the machine it measures.
///
/// Thread-safety: FX thread only.
final class TimingDiagramSkin extends SkinBase<TimingDiagram> {
    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    private final ScrollBar lanesBar = new ScrollBar();
    private final Label hover = new Label();
    private final Region selection = new Region();
    private final LivePacing pacing = new LivePacing();
    private final TimingDiagramBehavior behavior;
    private final AnimationTimer timer;
    private boolean timerOn;
    private RunHandle paced;
    private long redraws;
    private long worstFrameNanos;

    TimingDiagramSkin(TimingDiagram control) {
        super(control);
        lanesBar.setOrientation(Orientation.VERTICAL);
        lanesBar.setVisible(false);
        lanesBar.valueProperty().addListener((obs, a, b) -> {
            int lane = (int) Math.round(b.doubleValue());
            if (lane != control.viewport().firstLane()) {
                control.viewport().setFirstLane(lane, (int) Math.round(lanesBar.getMax()));
                control.invalidateFx();
            }
        });
        hover.getStyleClass().add("diagram-tooltip");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        selection.getStyleClass().add("diagram-selection");
        selection.setManaged(false);
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        getChildren().addAll(canvas, selection, hover, lanesBar);
        behavior = new TimingDiagramBehavior(control, canvas, hover, selection);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frameFx(now);
            }
        };
        control.setRepaint(this::wake);
        wake();
    }

    /// Starts the frames if they are stopped.
    private void wake() {
        if (!timerOn) {
            timerOn = true;
            timer.start();
        }
    }

    void stopFrames() {
        timerOn = false;
        timer.stop();
    }

    boolean framesRunning() {
        return timerOn;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double barWidth = lanesBar.isVisible() ? lanesBar.prefWidth(-1) : 0;
        double cw = snapSizeX(w - barWidth);
        double ch = snapSizeY(h);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            getSkinnable().invalidateFx();
        }
        canvas.relocate(x, y);
        lanesBar.resizeRelocate(x + cw, y, barWidth, ch);
    }

    private void frameFx(long pulseNanos) {
        TimingDiagram d = getSkinnable();
        RunHandle live = d.shown().live();
        if (live != paced) {
            paced = live;
            pacing.reset();
        }
        List<Segment> open = List.of();
        long now = -1;
        boolean warming = false;
        boolean liveGoingOn = false;
        boolean draw = d.takeDirty();
        if (live != null) {
            pacing.pulse(pulseNanos);
            d.onFrame().run();
            TraceRecorder trace = live.trace();
            if (trace != null) {
                draw |= d.shown().drain(trace);
                if (!live.phase().isOver()) {
                    liveGoingOn = true;
                    if (!pacing.due(pulseNanos)) {
                        if (draw) d.invalidateFx(); // drawn with the next live frame
                        return;
                    }
                    open = trace.openNow();
                    now = trace.clock().now();
                    draw = true;
                }
            } else if (!live.phase().isOver()) {
                liveGoingOn = true;
                warming = true;
                String text = live.phase() != RunPhase.WARMING_UP ? "Preparing the run…"
                        : live.spec().runtime() == RuntimeKind.PYTHON ? "Warming up the demo sites (not timed)…"
                        : "Warming up the JIT and the HTTP client (not timed)…";
                if (!text.equals(d.shown().message())) {
                    d.shown().setMessage(text);
                    draw = true;
                }
            }
        }
        d.tickReplay(System.nanoTime());
        draw |= d.takeDirty();
        if (draw && canvas.getWidth() >= 1 && canvas.getHeight() >= 1) {
            redraws++;
            long started = System.nanoTime();
            drawFx(open, now, warming);
            worstFrameNanos = Math.max(worstFrameNanos, System.nanoTime() - started);
        }
        if (!liveGoingOn && !d.clock().playing() && !d.dirty()) stopFrames();
    }

    private void drawFx(List<Segment> open, long now, boolean warming) {
        TimingDiagram d = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        TraceModel shown = d.shownModel();
        DiagramStyle style = d.styleFx(false);
        if (shown.lanes().isEmpty() || warming) {
            d.frameDrawn(null, null, 0);
            DiagramPainter.paintMessage(surface, w, h, shown.lanes().isEmpty() && !warming && d.result() != null
                    ? "This run recorded nothing to draw." : d.shown().message(), style);
            updateLanesBar(0, 0);
            return;
        }
        if (shown.isByTask() && !open.isEmpty()) open = asTasks(open);
        long end = d.fullEnd();
        long cursor = d.clock().replaying() ? d.clock().cursor() : -1;
        DiagramLayout.View view = new DiagramLayout.View(d.viewport().firstLane(), TimingDiagram.MIN_ROW_PX * d.scaleProperty().get(),
                d.hiddenStatesOrNone(), cursor, d.highlightTaskProperty().get());
        DiagramLayout.Frame frame = DiagramLayout.layout(shown, open, w, h, d.viewport().start(), d.viewport().end(end),
                now, style, surface, view);
        DiagramPainter.paint(surface, frame, style);
        long span = cursor >= 0 ? cursor : now >= 0 ? now : d.result() != null ? d.result().wallNanos() : shown.endNanos();
        d.frameDrawn(frame, shown.stateTotals(cursor, open), span * shown.lanes().size());
        updateLanesBar(frame.rows().size(), shown.lanes().size());
    }

    private static List<Segment> asTasks(List<Segment> open) {
        return open.stream().filter(s -> s.task() >= 0)
                .map(s -> new Segment(s.task(), s.task(), s.state(), s.start(), s.end(), s.label(), s.error(), true)).toList();
    }

    private void updateLanesBar(int shown, int total) {
        boolean needed = total > shown && shown > 0;
        if (lanesBar.isVisible() != needed) {
            lanesBar.setVisible(needed);
            getSkinnable().requestLayout();
        }
        if (needed) {
            lanesBar.setMax(total - shown);
            lanesBar.setVisibleAmount(Math.max(1, (total - shown) * shown / (double) total));
            lanesBar.setUnitIncrement(1);
            lanesBar.setBlockIncrement(Math.max(1, shown - 1));
            if (getSkinnable().viewport().firstLane() > total - shown) lanesBar.setValue(total - shown);
        } else if (getSkinnable().viewport().firstLane() != 0) {
            getSkinnable().viewport().setFirstLane(0, 0);
            lanesBar.setValue(0);
        }
    }

    /// Scrolls the lanes by `lanes` (negative: up).
    void scrollLanesFx(int lanes) {
        int max = (int) Math.round(lanesBar.getMax());
        lanesBar.setValue(Math.clamp(getSkinnable().viewport().firstLane() + lanes, 0, Math.max(0, max)));
    }

    /// The lanes a page of scrolling moves over: the shown rows, less an event loop's row pinned on top.
    int visibleLanes() {
        DiagramLayout.Frame f = getSkinnable().lastFrame();
        if (f == null) return 1;
        long pinned = f.rows().isEmpty() || f.hiddenLanes() == 0 ? 0
                : f.rows().getFirst().lane().kind() == LaneKind.LOOP ? 1 : 0;
        return (int) Math.max(1, f.visibleLanes() - pinned);
    }

    String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    long redraws() { return redraws; }

    long worstFrameNanos() { return worstFrameNanos; }

    void resetWorstFrame() { worstFrameNanos = 0; }

    @Override
    public void dispose() {
        stopFrames();
        behavior.dispose();
        getSkinnable().setRepaint(null);
        super.dispose();
    }
}
