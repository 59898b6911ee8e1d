package org.concurrencylab.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.render.FxSurface;

import java.util.List;

/// The live timing diagram: one lane per worker, time flowing right.
///
/// Workers never touch it: once per frame an [AnimationTimer] drains the run's recorder into a
/// [TraceModel] and redraws, only when something changed (new segments, a live run's clock, a
/// new size). Drawing is done by the same [DiagramPainter] as the PNG files.
///
/// Thread-safety: FX thread only.
public final class TimingDiagramView extends Region {
    public static final String STYLE_CLASS = "timing-diagram";
    /// A live run is redrawn at most this often: the drawing shares the machine's cores with the
    /// workload it measures, so it takes no more than it needs to look fluid.
    public static final long LIVE_FRAME_NANOS = 40_000_000L;

    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    private final AnimationTimer timer;
    private final Runnable onFrame;
    private DiagramStyle style = DiagramStyle.screen(Palette.articleLight());
    private TraceModel model = new TraceModel();
    private RunHandle live;
    private RunResult result;
    private DiagramLayout.Frame lastFrame;
    private boolean dirty = true;
    private String message = "Choose a workload and a model, then press Run (Space).";
    private long redraws;
    private long lastLiveDraw;

    /// `onFrame` runs once per frame before drawing (the view model pulls progress there).
    public TimingDiagramView(Runnable onFrame) {
        this.onFrame = onFrame;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setMinSize(200, 120);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frameFx(now);
            }
        };
        timer.start();
    }

    /// Follows a run as it happens.
    public void showLiveFx(RunHandle handle) {
        live = handle;
        result = null;
        model = new TraceModel();
        dirty = true;
    }

    /// Shows a finished run.
    public void showResultFx(RunResult finished) {
        result = finished;
        live = null;
        model = TraceModel.of(finished.lanes(), finished.segments());
        dirty = true;
    }

    public void setPaletteFx(Palette palette) {
        style = style.withPalette(palette);
        dirty = true;
    }

    /// The trace as drawn (for tests and hit-testing).
    public TraceModel model() {
        return model;
    }

    /// The geometry of the last frame drawn, or null.
    public DiagramLayout.Frame lastFrame() {
        return lastFrame;
    }

    /// How many times the diagram was redrawn (tests count redraws instead of timing them).
    public long redrawCount() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
    }

    private void frameFx(long pulseNanos) {
        onFrame.run();
        List<Segment> open = List.of();
        long now = -1;
        boolean warming = false;
        if (live != null) {
            TraceRecorder trace = live.trace();
            if (trace != null) {
                dirty |= model.drain(trace);
                if (!live.phase().isOver()) {
                    if (pulseNanos - lastLiveDraw < LIVE_FRAME_NANOS) return;
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
        if (!dirty || canvas.getWidth() < 1 || canvas.getHeight() < 1) return;
        dirty = false;
        redraws++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (model.lanes().isEmpty() || warming) {
            lastFrame = null;
            DiagramPainter.paintMessage(surface, w, h, message, style);
            return;
        }
        long end;
        if (now >= 0) {
            end = TimeScale.roundUpSpan(now);
        } else {
            long wall = result != null ? result.wallNanos() : model.endNanos();
            end = Math.max(1, (long) (Math.max(wall, model.endNanos()) * 1.02));
        }
        DiagramStyle frameStyle = result != null
                ? style.withTitle("", Captions.title(result.spec()) + " — " + Captions.caption(result))
                : live != null ? style.withTitle("", Captions.title(live.spec()) + " — " + Captions.what(live.spec())) : style;
        lastFrame = DiagramLayout.layout(model, open, w, h, 0, end, now, frameStyle, surface);
        DiagramPainter.paint(surface, lastFrame, frameStyle);
    }

    /// Stops the frame timer (when the window closes).
    public void dispose() {
        timer.stop();
    }
}
