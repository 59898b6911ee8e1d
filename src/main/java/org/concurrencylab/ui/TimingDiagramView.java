package org.concurrencylab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.render.FxSurface;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/// The timing diagram: one lane per worker (or per task), time flowing right, live while a run
/// goes on, explorable and replayable once it is over.
///
/// Workers never touch it: once per frame an [AnimationTimer] drains the run's recorder into a
/// [TraceModel] and redraws, only when something changed. Drawing is done by the same
/// [DiagramPainter] as the PNG and SVG files; hit-testing uses the geometry of the last frame.
///
/// Mouse: wheel or pinch zooms at the pointer, drag pans, Shift+drag selects a time range to
/// zoom to, the wheel over the lane names (or Shift+wheel) scrolls lanes, hovering a box tells
/// what it was, clicking one highlights its task, clicking a legend entry hides its state.
/// During a replay, dragging moves the time cursor.
///
/// Thread-safety: FX thread only.
public final class TimingDiagramView extends Region {
    public static final String STYLE_CLASS = "timing-diagram";
    /// A live run is redrawn at most this often: the drawing shares the machine's cores with the
    /// workload it measures, so it takes no more than it needs to look fluid.
    public static final long LIVE_FRAME_NANOS = 40_000_000L;
    /// ... and at most this often once the machine shows it cannot keep up (a pulse came over
    /// [#LATE_PULSE_NANOS] late): rasterizing a frame then competes with the run for the cores.
    public static final long SLOW_LIVE_FRAME_NANOS = 100_000_000L;
    static final long LATE_PULSE_NANOS = 50_000_000L;
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 4;
    /// The narrowest time window zooming reaches.
    static final long MIN_SPAN = 1_000L;
    /// Lanes get no thinner than this on screen; more lanes scroll.
    static final double MIN_ROW_PX = 6;

    public enum ViewMode { WORKERS, TASKS }

    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    private final ScrollBar lanesBar = new ScrollBar();
    private final Label hover = new Label();
    private final Region selection = new Region();
    private final AnimationTimer timer;
    private final Runnable onFrame;

    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(ViewMode.WORKERS);
    private final ObservableSet<State> hiddenStates = FXCollections.observableSet(EnumSet.noneOf(State.class));
    private final IntegerProperty highlightTask = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.articleLight());
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Map<State, Long>> totals = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private Consumer<SegmentClick> onSegmentClicked = click -> {};

    private TraceModel model = new TraceModel();
    private TraceModel taskModel;
    private RunHandle live;
    private RunResult result;
    private DiagramLayout.Frame lastFrame;
    private boolean dirty = true;
    private String message = "Choose a workload and a model, then press Run (Space).";
    private long redraws;
    private long lastLiveDraw;
    private long lastPulse;
    private long liveFrameNanos = LIVE_FRAME_NANOS;
    private long lastReplayPulse;
    private long lastFrameNanos;
    private long worstFrameNanos;
    /// The time window shown when the user has zoomed or panned; otherwise the whole run.
    private long viewStart;
    private long viewEnd;
    private int firstLane;
    private double pressX;
    private double pressY;
    private double lastDragX;
    private boolean dragged;
    private boolean selecting;

    /// A click on a box: the segment, the lane it is drawn on, and the run's spec.
    public record SegmentClick(Segment segment, Lane lane, RunSpec spec) {}

    /// `onFrame` runs once per frame before drawing (the view model pulls progress there).
    public TimingDiagramView(Runnable onFrame) {
        this.onFrame = onFrame;
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        lanesBar.setOrientation(Orientation.VERTICAL);
        lanesBar.setVisible(false);
        lanesBar.valueProperty().addListener((obs, a, b) -> {
            int lane = (int) Math.round(b.doubleValue());
            if (lane != firstLane) {
                firstLane = lane;
                dirty = true;
            }
        });
        hover.getStyleClass().add("diagram-tooltip");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setWrapText(false);
        selection.getStyleClass().add("diagram-selection");
        selection.setManaged(false);
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        getChildren().addAll(canvas, selection, hover, lanesBar);
        setMinSize(200, 120);

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hoverFx);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressFx);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragFx);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::releaseFx);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrollFx);
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAtFx(e.getX(), e.getZoomFactor());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (handleKeyFx(e)) e.consume();
        });

        Runnable redraw = () -> dirty = true;
        viewMode.addListener((obs, a, b) -> {
            firstLane = 0;
            lanesBar.setValue(0);
            highlightTask.set(-1);
            redraw.run();
        });
        hiddenStates.addListener((javafx.collections.SetChangeListener<State>) c -> redraw.run());
        highlightTask.addListener((obs, a, b) -> redraw.run());
        palette.addListener((obs, a, b) -> redraw.run());
        scale.addListener((obs, a, b) -> redraw.run());
        cursor.addListener((obs, a, b) -> redraw.run());
        speed.addListener((obs, a, b) -> {
            double clamped = Math.clamp(b.doubleValue(), MIN_SPEED, MAX_SPEED);
            if (clamped != b.doubleValue()) speed.set(clamped);
        });

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frameFx(now);
            }
        };
        timer.start();
    }

    // ---- what is shown --------------------------------------------------------------------

    /// Follows a run as it happens.
    public void showLiveFx(RunHandle handle) {
        live = handle;
        liveFrameNanos = LIVE_FRAME_NANOS;
        result = null;
        model = new TraceModel();
        taskModel = null;
        resetFx();
    }

    /// Shows a finished run (just ended, or loaded from a file).
    public void showResultFx(RunResult finishedRun) {
        result = finishedRun;
        live = null;
        model = TraceModel.of(finishedRun.lanes(), finishedRun.segments());
        taskModel = null;
        resetFx();
        finished.set(true);
    }

    private void resetFx() {
        stopReplayFx();
        finished.set(false);
        highlightTask.set(-1);
        hiddenStates.clear(); // a state hidden in the last run must not vanish silently from this one
        totals.set(Map.of());
        firstLane = 0;
        lanesBar.setValue(0);
        fitFx();
        hover.setVisible(false);
        dirty = true;
    }

    /// Shows `text` instead of a diagram (a run that could not start).
    public void showMessageFx(String text) {
        live = null;
        result = null;
        model = new TraceModel();
        taskModel = null;
        message = text;
        resetFx();
    }

    /// The trace as drawn by worker (for tests and hit-testing).
    public TraceModel model() {
        return model;
    }

    /// The model drawn now: by worker, or by task.
    public TraceModel shownModel() {
        if (viewMode.get() == ViewMode.WORKERS) return model;
        if (taskModel == null) taskModel = model.byTask();
        return taskModel;
    }

    /// The finished run shown, or null while live or before any run.
    public RunResult result() {
        return result;
    }

    /// The spec of the run shown, or null.
    public RunSpec specShown() {
        return result != null ? result.spec() : live != null ? live.spec() : null;
    }

    public ObjectProperty<ViewMode> viewModeProperty() { return viewMode; }

    /// States left out of the plot (clicking a legend entry toggles one).
    public ObservableSet<State> hiddenStates() { return hiddenStates; }

    /// The task whose segments stand out, or -1.
    public IntegerProperty highlightTaskProperty() { return highlightTask; }

    public ObjectProperty<Palette> paletteProperty() { return palette; }

    /// Multiplies fonts and lanes (presentation mode uses about 1.6).
    public DoubleProperty scaleProperty() { return scale; }

    /// Whether a replay is on (the cursor shows only what had happened by then).
    public ReadOnlyBooleanProperty replayingProperty() { return replaying.getReadOnlyProperty(); }

    public BooleanProperty playingProperty() { return playing; }

    /// Replay speed: run seconds per real second, from [#MIN_SPEED] to [#MAX_SPEED].
    public DoubleProperty speedProperty() { return speed; }

    /// The replay cursor in ns from the run's start, or -1 when not replaying.
    public ReadOnlyLongProperty replayCursorProperty() { return cursor.getReadOnlyProperty(); }

    /// Whether the time window differs from the whole run.
    public ReadOnlyBooleanProperty zoomedProperty() { return zoomed.getReadOnlyProperty(); }

    /// Time per state over every lane (up to the replay cursor), refreshed with each frame.
    public ReadOnlyObjectProperty<Map<State, Long>> totalsProperty() { return totals.getReadOnlyProperty(); }

    /// Whether a finished run is shown (replay and exports need one).
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }

    /// Called when the user clicks a box (the context help listens).
    public void setOnSegmentClicked(Consumer<SegmentClick> handler) {
        onSegmentClicked = handler == null ? click -> {} : handler;
    }

    /// The geometry of the last frame drawn, or null.
    public DiagramLayout.Frame lastFrame() {
        return lastFrame;
    }

    /// The text of the hover box, or "" when hidden.
    public String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    /// How many times the diagram was redrawn (tests count redraws instead of timing them).
    public long redrawCount() {
        return redraws;
    }

    /// How long the last redraw took (layout and painting), in ns.
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    /// The longest redraw since the last call of [#resetWorstFrame()], in ns.
    public long worstFrameNanos() {
        return worstFrameNanos;
    }

    public void resetWorstFrame() {
        worstFrameNanos = 0;
    }

    /// The time window shown: `[start, end]` in ns.
    public long[] windowNanos() {
        return new long[] {viewStart, viewEnd};
    }

    /// The first lane shown at the top.
    public int firstLane() {
        return firstLane;
    }

    /// The style of the diagram as drawn now, with the run's title and caption.
    public DiagramStyle styleFx(boolean withTitle) {
        DiagramStyle style = new DiagramStyle(scale.get(), "", "", true, palette.get());
        if (result != null) {
            return withTitle ? style.withTitle(Captions.title(result.spec()), Captions.caption(result))
                    : style.withTitle("", Captions.title(result.spec()) + " — " + Captions.caption(result));
        }
        if (live != null) return style.withTitle("", Captions.title(live.spec()) + " — " + Captions.what(live.spec()));
        return style;
    }

    /// What the current frame shows, for exports of "what I see".
    public DiagramLayout.View viewFx() {
        return new DiagramLayout.View(firstLane, MIN_ROW_PX * scale.get(), EnumSet.copyOf(hiddenStatesOrNone()),
                replaying.get() ? cursor.get() : -1, highlightTask.get());
    }

    private java.util.Set<State> hiddenStatesOrNone() {
        return hiddenStates.isEmpty() ? EnumSet.noneOf(State.class) : EnumSet.copyOf(hiddenStates);
    }

    // ---- zoom and pan --------------------------------------------------------------------

    /// Shows the whole run again.
    public void fitFx() {
        viewStart = 0;
        viewEnd = 0; // 0: follow the run
        zoomed.set(false);
        dirty = true;
    }

    /// Zooms by `factor` (> 1 zooms in) around the pixel `x`.
    public void zoomAtFx(double x, double factor) {
        if (lastFrame == null || !(factor > 0)) return;
        TimeScale s = lastFrame.scale();
        long anchor = s.nanos(Math.clamp(x, s.x0(), s.x0() + s.width()));
        double span = Math.max(MIN_SPAN, s.span() / factor);
        double leftShare = (anchor - s.startNanos()) / (double) s.span();
        setWindowFx(anchor - Math.round(span * leftShare), anchor + Math.round(span * (1 - leftShare)));
    }

    /// Zooms in (> 1) or out around the middle of the plot.
    public void zoomFx(double factor) {
        if (lastFrame == null) return;
        zoomAtFx(lastFrame.plot().x() + lastFrame.plot().w() / 2, factor);
    }

    /// Moves the window by `share` of its width (negative: left).
    public void panFx(double share) {
        if (lastFrame == null) return;
        TimeScale s = lastFrame.scale();
        long by = Math.round(s.span() * share);
        setWindowFx(s.startNanos() + by, s.endNanos() + by);
    }

    /// Shows the time window `start`–`end` (clamped to the run, give or take a little).
    public void setWindowFx(long start, long end) {
        long total = fullEnd();
        long span = Math.max(MIN_SPAN, end - start);
        span = Math.min(span, total);
        long lo = Math.clamp(start, 0, Math.max(0, total - span));
        viewStart = lo;
        viewEnd = lo + span;
        zoomed.set(viewStart > 0 || viewEnd < total);
        if (!zoomed.get()) viewEnd = 0;
        dirty = true;
    }

    /// Scrolls the lanes by `lanes` (negative: up).
    public void scrollLanesFx(int lanes) {
        int max = (int) Math.round(lanesBar.getMax());
        lanesBar.setValue(Math.clamp(firstLane + lanes, 0, Math.max(0, max)));
    }

    /// The end of the time window that shows the whole run.
    private long fullEnd() {
        if (live != null && !live.phase().isOver() && live.trace() != null) {
            return TimeScale.roundUpSpan(live.trace().clock().now());
        }
        long wall = result != null ? result.wallNanos() : model.endNanos();
        return Math.max(1, (long) (Math.max(wall, model.endNanos()) * 1.02));
    }

    // ---- replay --------------------------------------------------------------------------

    /// Starts a replay from the beginning of the finished run; it plays at once.
    public void startReplayFx() {
        if (result == null) return;
        replaying.set(true);
        cursor.set(0);
        playing.set(true);
        lastReplayPulse = 0;
    }

    public void stopReplayFx() {
        playing.set(false);
        replaying.set(false);
        cursor.set(-1);
    }

    /// Moves the replay cursor to `nanos` (clamped to the run).
    public void seekFx(long nanos) {
        if (!replaying.get()) return;
        cursor.set(Math.clamp(nanos, 0, replayEnd()));
    }

    /// Moves the cursor to the next (or previous) moment a lane changes state.
    public void stepFx(boolean forward) {
        if (!replaying.get()) return;
        playing.set(false);
        long next = shownModel().nextChange(cursor.get(), !forward);
        if (next >= 0) seekFx(next);
        else seekFx(forward ? replayEnd() : 0);
    }

    public void togglePlayFx() {
        if (!replaying.get()) {
            startReplayFx();
            return;
        }
        if (!playing.get() && cursor.get() >= replayEnd()) cursor.set(0);
        playing.set(!playing.get());
        lastReplayPulse = 0;
    }

    /// Doubles (or halves) the replay speed, within [#MIN_SPEED]–[#MAX_SPEED].
    public void changeSpeedFx(boolean faster) {
        double s = speed.get();
        speed.set(faster ? Math.min(MAX_SPEED, s * 2) : Math.max(MIN_SPEED, s / 2));
    }

    private long replayEnd() {
        return result == null ? 0 : Math.max(result.wallNanos(), model.endNanos());
    }

    // ---- input ---------------------------------------------------------------------------

    /// The diagram's keys; returns true if `e` was one. Replay: Space plays or pauses, arrows
    /// step from change to change, +/− change the speed, Home/End jump, Escape ends the
    /// replay. Otherwise: +/− zoom, 0 fits the run, arrows pan and scroll, T switches view.
    public boolean handleKeyFx(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return false;
        KeyCode code = e.getCode();
        boolean plus = code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD;
        boolean minus = code == KeyCode.MINUS || code == KeyCode.SUBTRACT;
        if (replaying.get()) {
            if (code == KeyCode.SPACE) togglePlayFx();
            else if (code == KeyCode.RIGHT) stepFx(true);
            else if (code == KeyCode.LEFT) stepFx(false);
            else if (plus) changeSpeedFx(true);
            else if (minus) changeSpeedFx(false);
            else if (code == KeyCode.HOME) seekFx(0);
            else if (code == KeyCode.END) seekFx(replayEnd());
            else if (code == KeyCode.ESCAPE) stopReplayFx();
            else return false;
            return true;
        }
        if (plus) zoomFx(1.5);
        else if (minus) zoomFx(1 / 1.5);
        else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) fitFx();
        else if (code == KeyCode.LEFT) panFx(-0.1);
        else if (code == KeyCode.RIGHT) panFx(0.1);
        else if (code == KeyCode.UP) scrollLanesFx(-1);
        else if (code == KeyCode.DOWN) scrollLanesFx(1);
        else if (code == KeyCode.PAGE_UP) scrollLanesFx(-Math.max(1, visibleLanes() - 1));
        else if (code == KeyCode.PAGE_DOWN) scrollLanesFx(Math.max(1, visibleLanes() - 1));
        else if (code == KeyCode.T) viewMode.set(viewMode.get() == ViewMode.WORKERS ? ViewMode.TASKS : ViewMode.WORKERS);
        else return false;
        return true;
    }

    /// The lanes a page of scrolling moves over: the shown rows, less an event loop's row pinned
    /// on top.
    private int visibleLanes() {
        if (lastFrame == null) return 1;
        long pinned = lastFrame.rows().isEmpty() || lastFrame.hiddenLanes() == 0 ? 0
                : lastFrame.rows().getFirst().lane().kind() == org.concurrencylab.core.trace.LaneKind.LOOP ? 1 : 0;
        return (int) Math.max(1, lastFrame.visibleLanes() - pinned);
    }

    private void hoverFx(MouseEvent e) {
        if (lastFrame == null) {
            hover.setVisible(false);
            return;
        }
        boolean overLegend = lastFrame.legendAt(e.getX(), e.getY()).isPresent();
        Optional<DiagramLayout.Box> box = overLegend ? Optional.empty() : lastFrame.boxAt(e.getX(), e.getY());
        canvas.setCursor(overLegend || box.isPresent() ? Cursor.HAND : replaying.get() ? Cursor.H_RESIZE : Cursor.DEFAULT);
        if (box.isEmpty()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(describe(box.get()));
        hover.setVisible(true);
        hover.autosize();
        double x = e.getX() + 14;
        double y = e.getY() + 16;
        if (x + hover.getWidth() > getWidth() - 4) x = Math.max(4, e.getX() - hover.getWidth() - 10);
        if (y + hover.getHeight() > getHeight() - 4) y = Math.max(4, e.getY() - hover.getHeight() - 10);
        hover.relocate(x, y);
    }

    /// The hover text of a box: task, state, start, duration, and what the step was.
    String describe(DiagramLayout.Box box) {
        Segment s = box.segment();
        TraceModel shown = shownModel();
        StringBuilder text = new StringBuilder();
        text.append(s.task() >= 0 ? "Task " + (s.task() + 1) : "No task").append(" · ").append(s.state().title());
        if (s.open()) text.append(" (in progress)");
        text.append('\n').append("from ").append(Ticks.duration(s.start())).append(" for ").append(Ticks.duration(s.duration()));
        if (!s.label().isEmpty()) text.append('\n').append(s.label());
        int worker = shown.workerLaneOf(s);
        if (shown.isByTask()) {
            text.append('\n').append(worker >= 0 && worker < model.lanes().size() ? "on " + model.lanes().get(worker).name() : "on no worker yet");
        }
        if (s.failed()) text.append('\n').append("failed: ").append(s.error());
        if (box.merged() > 1) text.append('\n').append(String.format(Locale.ROOT, "(%,d short segments in this pixel; zoom in)", box.merged()));
        return text.toString();
    }

    private void pressFx(MouseEvent e) {
        requestFocus();
        e.consume(); // a tab pane around the diagram would take the focus back
        pressX = e.getX();
        pressY = e.getY();
        lastDragX = e.getX();
        dragged = false;
        selecting = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
        if (replaying.get() && !selecting && lastFrame != null && inPlot(e.getX(), e.getY())) {
            playing.set(false);
            seekFx(lastFrame.scale().nanos(e.getX()));
        }
    }

    private void dragFx(MouseEvent e) {
        if (lastFrame == null) return;
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) dragged = true;
        hover.setVisible(false);
        if (selecting) {
            DiagramLayout.Rect plot = lastFrame.plot();
            double x0 = Math.clamp(Math.min(pressX, e.getX()), plot.x(), plot.right());
            double x1 = Math.clamp(Math.max(pressX, e.getX()), plot.x(), plot.right());
            selection.resizeRelocate(x0, plot.y(), x1 - x0, plot.h());
            selection.setVisible(true);
        } else if (replaying.get()) {
            seekFx(lastFrame.scale().nanos(e.getX()));
        } else {
            double dx = e.getX() - lastDragX;
            lastDragX = e.getX();
            TimeScale s = lastFrame.scale();
            long by = Math.round(-dx / s.pixelsPerNano());
            if (by != 0) setWindowFx(s.startNanos() + by, s.endNanos() + by);
        }
    }

    private void releaseFx(MouseEvent e) {
        if (lastFrame == null) return;
        if (selecting && dragged) {
            selection.setVisible(false);
            selecting = false;
            TimeScale s = lastFrame.scale();
            double x0 = Math.min(pressX, e.getX());
            double x1 = Math.max(pressX, e.getX());
            if (x1 - x0 >= 4) setWindowFx(s.nanos(Math.max(x0, s.x0())), s.nanos(Math.min(x1, s.x0() + s.width())));
            return;
        }
        selection.setVisible(false);
        if (dragged || e.getButton() != MouseButton.PRIMARY) return;
        Optional<DiagramLayout.LegendItem> legend = lastFrame.legendAt(e.getX(), e.getY());
        if (legend.isPresent()) {
            State state = legend.get().state();
            if (!hiddenStates.remove(state)) hiddenStates.add(state);
            return;
        }
        if (replaying.get() && inPlot(e.getX(), e.getY())) return;
        Optional<DiagramLayout.Box> box = lastFrame.boxAt(e.getX(), e.getY());
        if (box.isPresent()) {
            Segment s = box.get().segment();
            highlightTask.set(s.task() >= 0 && highlightTask.get() != s.task() ? s.task() : -1);
            Lane lane = lastFrame.rowAt(e.getY()).map(DiagramLayout.LaneRow::lane).orElse(null);
            onSegmentClicked.accept(new SegmentClick(s, lane, specShown()));
        } else {
            highlightTask.set(-1);
        }
    }

    private boolean inPlot(double x, double y) {
        return lastFrame != null && lastFrame.plot().contains(x, y);
    }

    private void scrollFx(ScrollEvent e) {
        if (lastFrame == null || e.getTouchCount() > 1) return;
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0) return;
        boolean overNames = e.getX() < lastFrame.plot().x();
        if ((e.isShiftDown() || overNames) && lastFrame.hiddenLanes() > 0) {
            scrollLanesFx(delta > 0 ? -3 : 3);
        } else {
            zoomAtFx(e.getX(), delta > 0 ? 1.25 : 1 / 1.25);
        }
        e.consume();
    }

    // ---- layout and drawing --------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        double barWidth = lanesBar.isVisible() ? lanesBar.prefWidth(-1) : 0;
        double w = snapSizeX(getWidth() - barWidth);
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        lanesBar.resizeRelocate(w, 0, barWidth, h);
    }

    private void frameFx(long pulseNanos) {
        if (live != null && lastPulse != 0 && pulseNanos - lastPulse > LATE_PULSE_NANOS) liveFrameNanos = SLOW_LIVE_FRAME_NANOS;
        lastPulse = pulseNanos;
        onFrame.run();
        List<Segment> open = List.of();
        long now = -1;
        boolean warming = false;
        if (live != null) {
            TraceRecorder trace = live.trace();
            if (trace != null) {
                dirty |= model.drain(trace, s -> {
                    if (taskModel != null) taskModel.addAsTask(s);
                });
                if (!live.phase().isOver()) {
                    if (pulseNanos - lastLiveDraw < liveFrameNanos) return;
                    lastLiveDraw = pulseNanos;
                    open = trace.openNow();
                    now = trace.clock().now();
                    dirty = true;
                }
            } else if (!live.phase().isOver()) {
                warming = true;
                String text = live.phase() == RunPhase.WARMING_UP
                        ? "Warming up the JIT and the HTTP client (not timed)…" : "Preparing the run…";
                if (!text.equals(message)) {
                    message = text;
                    dirty = true;
                }
            }
        }
        if (replaying.get() && playing.get()) {
            // the wall clock, not the pulse's time stamp: a replay at 1× takes as long as the run did
            long nowNanos = System.nanoTime();
            if (lastReplayPulse != 0) {
                long next = cursor.get() + Math.round((nowNanos - lastReplayPulse) * speed.get());
                if (next >= replayEnd()) {
                    next = replayEnd();
                    playing.set(false);
                }
                cursor.set(next);
            }
            lastReplayPulse = nowNanos;
        }
        if (!dirty || canvas.getWidth() < 1 || canvas.getHeight() < 1) return;
        dirty = false;
        redraws++;
        long started = System.nanoTime();
        drawFx(open, now, warming);
        lastFrameNanos = System.nanoTime() - started;
        worstFrameNanos = Math.max(worstFrameNanos, lastFrameNanos);
    }

    private void drawFx(List<Segment> open, long now, boolean warming) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        TraceModel shown = shownModel();
        DiagramStyle style = styleFx(false);
        if (shown.lanes().isEmpty() || warming) {
            lastFrame = null;
            DiagramPainter.paintMessage(surface, w, h, shown.lanes().isEmpty() && !warming && result != null
                    ? "This run recorded nothing to draw." : message, style);
            updateLanesBar(0, 0);
            return;
        }
        if (shown.isByTask() && !open.isEmpty()) open = asTasks(open);
        long start = viewEnd > 0 ? viewStart : 0;
        long end = viewEnd > 0 ? viewEnd : fullEnd();
        DiagramLayout.View view = new DiagramLayout.View(firstLane, MIN_ROW_PX * scale.get(), hiddenStatesOrNone(),
                replaying.get() ? cursor.get() : -1, highlightTask.get());
        lastFrame = DiagramLayout.layout(shown, open, w, h, start, end, now, style, surface, view);
        DiagramPainter.paint(surface, lastFrame, style);
        updateLanesBar(lastFrame.rows().size(), shown.lanes().size());
        totals.set(shown.stateTotals(replaying.get() ? cursor.get() : -1, open));
    }

    private static List<Segment> asTasks(List<Segment> open) {
        return open.stream().filter(s -> s.task() >= 0)
                .map(s -> new Segment(s.task(), s.task(), s.state(), s.start(), s.end(), s.label(), s.error(), true)).toList();
    }

    private void updateLanesBar(int shown, int total) {
        boolean needed = total > shown && shown > 0;
        if (lanesBar.isVisible() != needed) {
            lanesBar.setVisible(needed);
            requestLayout();
        }
        if (needed) {
            lanesBar.setMax(total - shown);
            lanesBar.setVisibleAmount(Math.max(1, (total - shown) * shown / (double) total));
            lanesBar.setUnitIncrement(1);
            lanesBar.setBlockIncrement(Math.max(1, shown - 1));
            if (firstLane > total - shown) lanesBar.setValue(total - shown);
        } else if (firstLane != 0) {
            firstLane = 0;
            lanesBar.setValue(0);
        }
    }

    /// Stops the frame timer (when the window closes).
    public void dispose() {
        timer.stop();
    }
}
