package org.concurrencylab.ui.diagram;

import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;

import java.util.Locale;
import java.util.Optional;

/// What mouse and keys do to a [TimingDiagram]. Mouse: wheel or pinch zooms at the pointer,
/// drag pans, Shift+drag (or a right drag) selects a time range to zoom to, the wheel over the
/// lane names (or Shift+wheel) scrolls lanes, hovering a box tells what it was, clicking one
/// highlights its task, clicking a legend entry hides its state; during a replay, dragging
/// moves the time cursor. Keys: see [#handleKey].
///
/// Thread-safety: FX thread only.
final class TimingDiagramBehavior {
    private final TimingDiagram diagram;
    private final Canvas canvas;
    private final Label hover;
    private final Region selection;
    private final EventHandler<KeyEvent> keys = e -> {
        if (handleKey(e)) e.consume();
    };
    private double pressX;
    private double pressY;
    private double lastDragX;
    private boolean dragged;
    private boolean selecting;

    TimingDiagramBehavior(TimingDiagram diagram, Canvas canvas, Label hover, Region selection) {
        this.diagram = diagram;
        this.canvas = canvas;
        this.hover = hover;
        this.selection = selection;
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            diagram.zoomAtFx(e.getX(), e.getZoomFactor());
            e.consume();
        });
        diagram.addEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    void dispose() {
        diagram.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    /// The diagram's keys; returns true if `e` was one. Replay: Space plays or pauses, arrows
    /// step from change to change, +/− change the speed, Home/End jump, Escape ends the
    /// replay. Otherwise: +/− zoom, 0 fits the run, arrows pan and scroll, T switches view.
    boolean handleKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return false;
        KeyCode code = e.getCode();
        boolean plus = code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD;
        boolean minus = code == KeyCode.MINUS || code == KeyCode.SUBTRACT;
        if (diagram.replayingProperty().get()) {
            if (code == KeyCode.SPACE) diagram.togglePlayFx();
            else if (code == KeyCode.RIGHT) diagram.stepFx(true);
            else if (code == KeyCode.LEFT) diagram.stepFx(false);
            else if (plus) diagram.changeSpeedFx(true);
            else if (minus) diagram.changeSpeedFx(false);
            else if (code == KeyCode.HOME) diagram.seekFx(0);
            else if (code == KeyCode.END) diagram.seekFx(diagram.replayEnd());
            else if (code == KeyCode.ESCAPE) diagram.stopReplayFx();
            else return false;
            return true;
        }
        int page = diagram.getSkin() instanceof TimingDiagramSkin skin ? Math.max(1, skin.visibleLanes() - 1) : 1;
        if (plus) diagram.zoomFx(1.5);
        else if (minus) diagram.zoomFx(1 / 1.5);
        else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) diagram.fitFx();
        else if (code == KeyCode.LEFT) diagram.panFx(-0.1);
        else if (code == KeyCode.RIGHT) diagram.panFx(0.1);
        else if (code == KeyCode.UP) diagram.scrollLanesFx(-1);
        else if (code == KeyCode.DOWN) diagram.scrollLanesFx(1);
        else if (code == KeyCode.PAGE_UP) diagram.scrollLanesFx(-page);
        else if (code == KeyCode.PAGE_DOWN) diagram.scrollLanesFx(page);
        else if (code == KeyCode.T) diagram.viewModeProperty().set(diagram.viewModeProperty().get() == TimingDiagram.ViewMode.WORKERS
                ? TimingDiagram.ViewMode.TASKS : TimingDiagram.ViewMode.WORKERS);
        else return false;
        return true;
    }

    private void hover(MouseEvent e) {
        DiagramLayout.Frame frame = diagram.lastFrame();
        if (frame == null) {
            hover.setVisible(false);
            return;
        }
        boolean overLegend = frame.legendAt(e.getX(), e.getY()).isPresent();
        Optional<DiagramLayout.Box> box = overLegend ? Optional.empty() : frame.boxAt(e.getX(), e.getY());
        canvas.setCursor(overLegend || box.isPresent() ? Cursor.HAND
                : diagram.replayingProperty().get() ? Cursor.H_RESIZE : Cursor.DEFAULT);
        if (box.isEmpty()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(describe(box.get()));
        hover.setVisible(true);
        hover.autosize();
        double x = e.getX() + 14;
        double y = e.getY() + 16;
        if (x + hover.getWidth() > diagram.getWidth() - 4) x = Math.max(4, e.getX() - hover.getWidth() - 10);
        if (y + hover.getHeight() > diagram.getHeight() - 4) y = Math.max(4, e.getY() - hover.getHeight() - 10);
        hover.relocate(x, y);
    }

    /// The hover text of a box: task, state, start, duration, and what the step was.
    String describe(DiagramLayout.Box box) {
        Segment s = box.segment();
        TraceModel shown = diagram.shownModel();
        StringBuilder text = new StringBuilder();
        text.append(s.task() >= 0 ? "Task " + (s.task() + 1) : "No task").append(" · ").append(s.state().title());
        if (s.open()) text.append(" (in progress)");
        text.append('\n').append("from ").append(Ticks.duration(s.start())).append(" for ").append(Ticks.duration(s.duration()));
        if (!s.label().isEmpty()) text.append('\n').append(s.label());
        int worker = shown.workerLaneOf(s);
        if (shown.isByTask()) {
            TraceModel byWorker = diagram.model();
            text.append('\n').append(worker >= 0 && worker < byWorker.lanes().size()
                    ? "on " + byWorker.lanes().get(worker).name() : "on no worker yet");
        }
        if (s.failed()) text.append('\n').append("failed: ").append(s.error());
        if (box.share() < 1) {
            text.append('\n').append(String.format(Locale.ROOT, "(%,d short segment%s of this state fill %s of this pixel's time; zoom in)",
                    box.merged(), box.merged() == 1 ? "" : "s", DiagramBar.percent(box.share())));
        }
        return text.toString();
    }

    private void press(MouseEvent e) {
        diagram.requestFocus();
        e.consume(); // a tab pane around the diagram would take the focus back
        pressX = e.getX();
        pressY = e.getY();
        lastDragX = e.getX();
        dragged = false;
        selecting = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
        DiagramLayout.Frame frame = diagram.lastFrame();
        if (diagram.replayingProperty().get() && !selecting && frame != null && frame.plot().contains(e.getX(), e.getY())) {
            diagram.pauseFx();
            diagram.seekFx(frame.scale().nanos(e.getX()));
        }
    }

    private void drag(MouseEvent e) {
        DiagramLayout.Frame frame = diagram.lastFrame();
        if (frame == null) return;
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) dragged = true;
        hover.setVisible(false);
        if (selecting) {
            DiagramLayout.Rect plot = frame.plot();
            double x0 = Math.clamp(Math.min(pressX, e.getX()), plot.x(), plot.right());
            double x1 = Math.clamp(Math.max(pressX, e.getX()), plot.x(), plot.right());
            selection.resizeRelocate(x0, plot.y(), x1 - x0, plot.h());
            selection.setVisible(true);
        } else if (diagram.replayingProperty().get()) {
            diagram.seekFx(frame.scale().nanos(e.getX()));
        } else {
            double dx = e.getX() - lastDragX;
            lastDragX = e.getX();
            diagram.shiftFx(Math.round(-dx / frame.scale().pixelsPerNano()));
        }
    }

    private void release(MouseEvent e) {
        DiagramLayout.Frame frame = diagram.lastFrame();
        if (frame == null) return;
        if (selecting && dragged) {
            selection.setVisible(false);
            selecting = false;
            TimeScale s = frame.scale();
            double x0 = Math.min(pressX, e.getX());
            double x1 = Math.max(pressX, e.getX());
            if (x1 - x0 >= 4) diagram.setWindowFx(s.nanos(Math.max(x0, s.x0())), s.nanos(Math.min(x1, s.x0() + s.width())));
            return;
        }
        selection.setVisible(false);
        if (dragged || e.getButton() != MouseButton.PRIMARY) return;
        Optional<DiagramLayout.LegendItem> legend = frame.legendAt(e.getX(), e.getY());
        if (legend.isPresent()) {
            State state = legend.get().state();
            if (!diagram.hiddenStates().remove(state)) diagram.hiddenStates().add(state);
            return;
        }
        if (diagram.replayingProperty().get() && frame.plot().contains(e.getX(), e.getY())) return;
        Optional<DiagramLayout.Box> box = frame.boxAt(e.getX(), e.getY());
        if (box.isPresent()) {
            Segment s = box.get().segment();
            diagram.highlightTaskProperty().set(s.task() >= 0 && diagram.highlightTaskProperty().get() != s.task() ? s.task() : -1);
            Lane lane = frame.rowAt(e.getY()).map(DiagramLayout.LaneRow::lane).orElse(null);
            diagram.segmentClicked(new TimingDiagram.SegmentClick(s, lane, diagram.specShown()));
        } else {
            diagram.highlightTaskProperty().set(-1);
        }
    }

    private void scroll(ScrollEvent e) {
        DiagramLayout.Frame frame = diagram.lastFrame();
        if (frame == null || e.getTouchCount() > 1) return;
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0) return;
        boolean overNames = e.getX() < frame.plot().x();
        if ((e.isShiftDown() || overNames) && frame.hiddenLanes() > 0) {
            diagram.scrollLanesFx(delta > 0 ? -3 : 3);
        } else {
            diagram.zoomAtFx(e.getX(), delta > 0 ? 1.25 : 1 / 1.25);
        }
        e.consume();
    }
}
