package org.concurrencylab.ui.diagram;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.ReplayClock;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.diagram.Viewport;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/// The timing diagram: one lane per worker (or per task), time flowing right, live while a run
/// goes on, explorable and replayable once it is over.
///
/// The control holds what is shown and how (the trace, the [Viewport], the [ReplayClock], the
/// view's properties); its [TimingDiagramSkin] draws it with the same painter as the PNG and SVG
/// files, and its [TimingDiagramBehavior] turns mouse and keys into the methods below. Workers
/// never touch it: the skin drains the run's recorder once per frame, and only while a run is
/// live, a replay plays or something changed; an idle diagram asks for no frames at all.
///
/// Thread-safety: FX thread only.
public final class TimingDiagram extends Control {
    public static final String STYLE_CLASS = "timing-diagram";
    /// Lanes get no thinner than this on screen; more lanes scroll.
    public static final double MIN_ROW_PX = 6;

    public enum ViewMode { WORKERS, TASKS }

    /// A click on a box: the segment, the lane it is drawn on, and the run's spec.
    public record SegmentClick(Segment segment, Lane lane, RunSpec spec) {}

    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(ViewMode.WORKERS);
    private final ObservableSet<State> hiddenStates = FXCollections.observableSet(EnumSet.noneOf(State.class));
    private final IntegerProperty highlightTask = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.articleLight());
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Map<State, Long>> totals = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyLongWrapper laneNanos = new ReadOnlyLongWrapper();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();

    private final Viewport viewport = new Viewport();
    private final ReplayClock clock = new ReplayClock();
    private final Runnable onFrame;
    private Consumer<SegmentClick> onSegmentClicked = click -> {};
    private Runnable repaint = () -> {};

    private final ShownRun shown = new ShownRun();
    private DiagramLayout.Frame lastFrame;
    private boolean dirty = true;

    /// `onFrame` runs once per frame while a run is live, before drawing (the run's view model
    /// pulls its progress there).
    public TimingDiagram(Runnable onFrame) {
        this.onFrame = onFrame;
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setMinSize(200, 120);
        viewMode.addListener((obs, a, b) -> {
            viewport.setFirstLane(0, 0);
            highlightTask.set(-1);
            invalidateFx();
        });
        hiddenStates.addListener((SetChangeListener<State>) c -> invalidateFx());
        highlightTask.addListener((obs, a, b) -> invalidateFx());
        palette.addListener((obs, a, b) -> invalidateFx());
        note.addListener((obs, a, b) -> invalidateFx());
        scale.addListener((obs, a, b) -> invalidateFx());
        speed.addListener((obs, a, b) -> {
            clock.setSpeed(b.doubleValue());
            if (clock.speed() != b.doubleValue()) speed.set(clock.speed());
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimingDiagramSkin(this);
    }

    // ---- what is shown --------------------------------------------------------------------

    /// Follows a run as it happens.
    public void showLiveFx(RunHandle handle) {
        shown.live(handle);
        resetFx();
    }

    /// Shows a finished run (just ended, or loaded from a file).
    public void showResultFx(RunResult finishedRun) {
        shown.finished(finishedRun);
        resetFx();
        finished.set(true);
    }

    /// Shows `text` instead of a diagram (a run that could not start).
    public void showMessageFx(String text) {
        shown.message(text);
        resetFx();
    }

    private void resetFx() {
        stopReplayFx();
        finished.set(false);
        highlightTask.set(-1);
        hiddenStates.clear(); // a state hidden in the last run must not vanish silently from this one
        totals.set(Map.of());
        laneNanos.set(0);
        viewport.setFirstLane(0, 0);
        fitFx();
    }

    /// The trace as drawn by worker.
    public TraceModel model() { return shown.byWorker(); }

    /// The model drawn now: by worker, or by task.
    public TraceModel shownModel() {
        return viewMode.get() == ViewMode.WORKERS ? shown.byWorker() : shown.byTask();
    }

    /// The finished run shown, or null while live or before any run.
    public RunResult result() { return shown.result(); }

    /// What is shown, for the skin.
    ShownRun shown() { return shown; }

    /// The spec of the run shown, or null.
    public RunSpec specShown() {
        return shown.spec();
    }

    public ObjectProperty<ViewMode> viewModeProperty() { return viewMode; }

    /// States left out of the plot (clicking a legend entry toggles one).
    public ObservableSet<State> hiddenStates() { return hiddenStates; }

    /// The task whose segments stand out, or -1.
    public IntegerProperty highlightTaskProperty() { return highlightTask; }

    public ObjectProperty<Palette> paletteProperty() { return palette; }

    /// What the outcome line says of the run shown beyond its own numbers: how it compares with
    /// the synchronous run of the same work ("4.9× faster than synchronous (14.71 s)"), or "".
    public StringProperty noteProperty() { return note; }

    /// Multiplies fonts and lanes (presentation mode uses about 1.6).
    public DoubleProperty scaleProperty() { return scale; }

    /// Whether a replay is on (the cursor shows only what had happened by then).
    public ReadOnlyBooleanProperty replayingProperty() { return replaying.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }

    /// Replay speed: run seconds per real second, from [ReplayClock#MIN_SPEED] to [ReplayClock#MAX_SPEED].
    public DoubleProperty speedProperty() { return speed; }

    /// The replay cursor in ns from the run's start, or -1 when not replaying.
    public ReadOnlyLongProperty replayCursorProperty() { return cursor.getReadOnlyProperty(); }

    /// Whether the time window differs from the whole run.
    public ReadOnlyBooleanProperty zoomedProperty() { return zoomed.getReadOnlyProperty(); }

    /// Time per state over every lane (up to the replay cursor), refreshed with each frame.
    public ReadOnlyObjectProperty<Map<State, Long>> totalsProperty() { return totals.getReadOnlyProperty(); }

    /// The time the lanes span together (lanes × the run's time so far, or up to the replay
    /// cursor): the whole of which [#totalsProperty()] are shares, idle time included.
    public ReadOnlyLongProperty laneNanosProperty() { return laneNanos.getReadOnlyProperty(); }

    /// Whether a finished run is shown (replay and exports need one).
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }

    /// Called when the user clicks a box (the context help listens).
    public void setOnSegmentClicked(Consumer<SegmentClick> handler) {
        onSegmentClicked = handler == null ? click -> {} : handler;
    }

    void segmentClicked(SegmentClick click) {
        onSegmentClicked.accept(click);
    }

    /// The geometry of the last frame drawn, or null.
    public DiagramLayout.Frame lastFrame() { return lastFrame; }

    void frameDrawn(DiagramLayout.Frame frame, Map<State, Long> stateTotals, long lanesSpan) {
        lastFrame = frame;
        if (stateTotals != null) {
            laneNanos.set(lanesSpan);
            totals.set(stateTotals);
        }
    }

    /// How the diagram draws it, for tests in this package.
    TimingDiagramSkin drawing() {
        return (TimingDiagramSkin) getSkin();
    }

    /// The time window shown: `[start, end]` in ns.
    public long[] windowNanos() {
        return new long[] {viewport.start(), viewport.showsAll() ? 0 : viewport.end(fullEnd())};
    }

    /// The first lane shown at the top.
    public int firstLane() { return viewport.firstLane(); }

    Viewport viewport() { return viewport; }

    ReplayClock clock() { return clock; }

    Runnable onFrame() { return onFrame; }

    /// The style of the diagram as drawn now, with the run's title and caption.
    public DiagramStyle styleFx(boolean withTitle) {
        return shown.style(new DiagramStyle(scale.get(), "", "", true, palette.get()), note.get(), withTitle);
    }

    /// What the current frame shows, for exports of "what I see".
    public DiagramLayout.View viewFx() {
        return new DiagramLayout.View(viewport.firstLane(), MIN_ROW_PX * scale.get(), hiddenStatesOrNone(),
                clock.replaying() ? clock.cursor() : -1, highlightTask.get());
    }

    Set<State> hiddenStatesOrNone() {
        return hiddenStates.isEmpty() ? EnumSet.noneOf(State.class) : EnumSet.copyOf(hiddenStates);
    }

    // ---- zoom and pan --------------------------------------------------------------------

    /// Shows the whole run again.
    public void fitFx() {
        viewport.fit();
        zoomed.set(false);
        invalidateFx();
    }

    /// Zooms by `factor` (> 1 zooms in) around the pixel `x`.
    public void zoomAtFx(double x, double factor) {
        if (lastFrame == null) return;
        viewport.zoomAt(lastFrame.scale(), x, factor, fullEnd());
        windowChanged();
    }

    /// Zooms in (> 1) or out around the middle of the plot.
    public void zoomFx(double factor) {
        if (lastFrame == null) return;
        zoomAtFx(lastFrame.plot().x() + lastFrame.plot().w() / 2, factor);
    }

    /// Moves the window by `share` of its width (negative: left).
    public void panFx(double share) {
        if (lastFrame == null) return;
        viewport.pan(lastFrame.scale(), share, fullEnd());
        windowChanged();
    }

    /// Moves the window by `nanos` (a drag).
    void shiftFx(long nanos) {
        if (lastFrame == null) return;
        viewport.shift(lastFrame.scale(), nanos, fullEnd());
        windowChanged();
    }

    /// Shows the time window `start`–`end` (clamped to the run, give or take a little).
    public void setWindowFx(long start, long end) {
        viewport.setWindow(start, end, fullEnd());
        windowChanged();
    }

    private void windowChanged() {
        zoomed.set(!viewport.showsAll());
        invalidateFx();
    }

    /// Scrolls the lanes by `lanes` (negative: up).
    public void scrollLanesFx(int lanes) {
        if (getSkin() instanceof TimingDiagramSkin skin) skin.scrollLanesFx(lanes);
    }

    long fullEnd() {
        return shown.fullEnd();
    }

    // ---- replay --------------------------------------------------------------------------

    /// Starts a replay from the beginning of the finished run; it plays at once.
    public void startReplayFx() {
        if (shown.result() == null) return;
        clock.start();
        replayChanged();
    }

    public void stopReplayFx() {
        clock.stop();
        replayChanged();
    }

    /// Moves the replay cursor to `nanos` (clamped to the run).
    public void seekFx(long nanos) {
        clock.seek(nanos, replayEnd());
        replayChanged();
    }

    /// Pauses a replay that plays.
    void pauseFx() {
        clock.pause();
        replayChanged();
    }

    /// Moves the cursor to the next (or previous) moment a lane changes state.
    public void stepFx(boolean forward) {
        if (!clock.replaying()) return;
        clock.pause();
        long next = shownModel().nextChange(clock.cursor(), !forward);
        clock.seek(next >= 0 ? next : forward ? replayEnd() : 0, replayEnd());
        replayChanged();
    }

    public void togglePlayFx() {
        if (!clock.replaying() && shown.result() == null) return;
        clock.toggle(replayEnd());
        replayChanged();
    }

    /// Doubles (or halves) the replay speed, within the limits.
    public void changeSpeedFx(boolean faster) {
        clock.changeSpeed(faster);
        speed.set(clock.speed());
    }

    /// Moves a playing replay on by the wall time since the last frame.
    void tickReplay(long nowNanos) {
        if (clock.advance(nowNanos, replayEnd())) replayChanged();
        else if (playing.get() != clock.playing()) replayChanged();
    }

    long replayEnd() {
        return shown.replayEnd();
    }

    private void replayChanged() {
        replaying.set(clock.replaying());
        playing.set(clock.playing());
        cursor.set(clock.cursor());
        invalidateFx();
    }

    /// Marks the diagram as needing a redraw and asks for a frame.
    void invalidateFx() {
        dirty = true;
        repaint.run();
    }

    /// Takes the redraw mark: true if the diagram needed one.
    boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    boolean dirty() { return dirty; }

    void setRepaint(Runnable r) { repaint = r == null ? () -> {} : r; }

    /// Stops asking for frames (when the window closes).
    public void dispose() {
        if (getSkin() instanceof TimingDiagramSkin skin) skin.stopFrames();
    }
}
