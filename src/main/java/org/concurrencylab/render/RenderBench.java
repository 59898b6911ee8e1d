package org.concurrencylab.render;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.LivePacing;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/// The diagram's rendering benchmark: frame times on a large trace, and how long the FX thread
/// is held up while a big run is drawn live.
///
/// 1. A trace of `lanes` lanes and `segments` segments (a generated mix of CPU, I/O and lock
///    waits of random lengths: only its size matters here) is laid out and painted on a
///    1280 × 720 canvas in several views; each frame's layout + paint time on the FX thread is
///    measured, and the time to rasterize it (a canvas snapshot) separately.
/// 2. A real run of `liveTasks` tasks (virtual threads downloading from the demo sites) is
///    drawn live on a stage the way the window's diagram draws it (the recorder drained once
///    per pulse into a [TraceModel], frames paced by [LivePacing], laid out and painted by the
///    same [DiagramLayout] and [DiagramPainter]), and the gaps between FX pulses are recorded:
///    a gap over 50 ms is a stutter a user would see.
///
/// Thread-safety: call [#run] from any thread but the FX thread.
public final class RenderBench {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FRAMES = 40;
    /// The window's thinnest row.
    private static final double ROW_PX = 6;

    private RenderBench() {}

    public record Frames(String name, int boxes, double layoutPaintMedianMs, double layoutPaintMaxMs,
                         double rasterMedianMs) {}

    public record Live(int tasks, long segments, double wallSeconds, int pulses, double maxGapMs, double p99GapMs,
                       int gapsOver50, double worstFrameMs, long gcMillis) {}

    /// Runs both parts and prints a table; returns true if the targets hold.
    public static boolean run(int lanes, int segments, int liveTasks, PrintWriter out) throws Exception {
        TraceModel model = generated(lanes, segments, 42);
        out.printf(Locale.ROOT, "Trace: %,d lanes, %,d segments; canvas %d × %d; median of %d frames%n",
                lanes, model.segmentCount(), WIDTH, HEIGHT, FRAMES);
        out.printf(Locale.ROOT, "%-44s %8s %14s %10s %12s%n", "view", "boxes", "layout+paint", "max", "rasterize*");
        boolean ok = true;
        for (Frames f : frames(model)) {
            out.printf(Locale.ROOT, "%-44s %,8d %11.2f ms %7.2f ms %9.2f ms%n", f.name(), f.boxes(),
                    f.layoutPaintMedianMs(), f.layoutPaintMaxMs(), f.rasterMedianMs());
            ok &= f.layoutPaintMedianMs() + f.rasterMedianMs() <= 16;
        }
        out.println("* rasterizing: the canvas snapshot's time less an empty canvas's (the copy back a window does not make)");
        out.println("target: layout + paint + rasterize ≤ 16 ms (60 fps) per frame: " + (ok ? "ok" : "MISSED"));
        out.flush();
        Live live = live(liveTasks, true);
        Live bare = live(liveTasks, false);
        out.printf(Locale.ROOT, "%nLive run: %,d tasks (virtual threads, demo sites at 20 ms), %,d segments, %.2f s%n",
                live.tasks(), live.segments(), live.wallSeconds());
        for (Live l : List.of(live, bare)) {
            out.printf(Locale.ROOT, "%-22s FX pulses %,d; longest gap %.1f ms; 99th percentile %.1f ms; gaps over 50 ms: %d; "
                    + "longest diagram frame %.1f ms; garbage collection %d ms%n", l == live ? "drawn live:" : "same run, no diagram:",
                    l.pulses(), l.maxGapMs(), l.p99GapMs(), l.gapsOver50(), l.worstFrameMs(), l.gcMillis());
        }
        boolean liveOk = live.gapsOver50() == 0;
        out.println("target: the FX thread is never held up over 50 ms: " + (liveOk ? "ok" : "MISSED"));
        out.flush();
        return ok && liveOk;
    }

    /// A trace of `lanes` lanes sharing `segments` segments, over 10 s, reproducible by `seed`.
    public static TraceModel generated(int lanes, int segments, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TraceModel model = new TraceModel();
        for (int i = 0; i < lanes; i++) model.addLane(new Lane(i, "worker-" + (i + 1), LaneKind.THREAD));
        int perLane = Math.max(1, segments / lanes);
        long span = 10_000_000_000L;
        State[] states = {State.WORK, State.IO_WAIT, State.IO_WAIT, State.LOCK_WAIT};
        for (int lane = 0; lane < lanes; lane++) {
            long[] cuts = new long[perLane + 1];
            for (int k = 0; k <= perLane; k++) cuts[k] = random.nextLong(span);
            Arrays.sort(cuts);
            for (int k = 0; k < perLane; k++) {
                State state = states[random.nextInt(states.length)];
                model.add(Segment.closed(lane, lane * perLane + k, state, cuts[k], cuts[k + 1], ""));
            }
        }
        return model;
    }

    private static List<Frames> frames(TraceModel model) throws Exception {
        return onFx(() -> {
            Canvas canvas = new Canvas(WIDTH, HEIGHT);
            FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
            DiagramStyle style = DiagramStyle.screen(Palette.articleLight()).withTitle("", "benchmark");
            long end = model.endNanos();
            int middle = model.lanes().size() / 2;
            List<Frames> result = new ArrayList<>();
            result.add(measure("whole run, top lanes (window)", model, canvas, surface, style, 0, end,
                    new DiagramLayout.View(0, ROW_PX, Set.of(), -1, -1)));
            result.add(measure("whole run, scrolled to the middle", model, canvas, surface, style, 0, end,
                    new DiagramLayout.View(middle, ROW_PX, Set.of(), -1, -1)));
            result.add(measure("whole run, 2 px rows (most lanes at once)", model, canvas, surface, style, 0, end,
                    DiagramLayout.View.ALL));
            result.add(measure("zoomed to 1% of the run", model, canvas, surface, style, end / 2, end / 2 + end / 100,
                    new DiagramLayout.View(middle, ROW_PX, Set.of(), -1, -1)));
            result.add(measure("replay cursor at half, task highlighted", model, canvas, surface, style, 0, end,
                    new DiagramLayout.View(middle, ROW_PX, Set.of(), end / 2, middle * 20)));
            return result;
        });
    }

    private static Frames measure(String name, TraceModel model, Canvas canvas, FxSurface surface, DiagramStyle style,
                                  long start, long end, DiagramLayout.View view) {
        double[] drawMs = new double[FRAMES];
        double[] rasterMs = new double[FRAMES];
        int boxes = 0;
        SnapshotParameters params = new SnapshotParameters();
        // a snapshot also copies the pixels back, which a window does not: that share is measured
        // on an empty canvas of the same size and taken off
        Canvas empty = new Canvas(WIDTH, HEIGHT);
        double[] readBack = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            long t = System.nanoTime();
            empty.snapshot(params, null);
            readBack[i] = (System.nanoTime() - t) / 1e6;
        }
        double copy = median(readBack);
        for (int i = -5; i < FRAMES; i++) {
            long t0 = System.nanoTime();
            DiagramLayout.Frame frame = DiagramLayout.layout(model, List.of(), WIDTH, HEIGHT, start, end, -1, style, surface, view);
            DiagramPainter.paint(surface, frame, style);
            long t1 = System.nanoTime();
            canvas.snapshot(params, null);
            long t2 = System.nanoTime();
            if (i >= 0) {
                drawMs[i] = (t1 - t0) / 1e6;
                rasterMs[i] = Math.max(0, (t2 - t1) / 1e6 - copy);
            }
            boxes = frame.boxes().size();
        }
        return new Frames(name, boxes, median(drawMs), Arrays.stream(drawMs).max().orElse(0), median(rasterMs));
    }

    private static Live live(int tasks, boolean drawn) throws Exception {
        try (RunEngine engine = new RunEngine()) {
            RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.VIRTUAL).withTasks(tasks).with(RunParams.LATENCY_MS, 20);
            List<Long> pulses = new ArrayList<>();
            LiveDrawing drawing = onFx(() -> new LiveDrawing(drawn, pulses));
            // one run first, not measured: the JIT and the HTTP clients warm up as in a session
            engine.start(spec).result().get(10, TimeUnit.MINUTES);
            RunHandle handle = engine.start(spec.withWarmup(false));
            long gcBefore = gcMillis();
            onFx(() -> {
                drawing.follow(handle);
                return null;
            });
            RunResult result = handle.result().get(10, TimeUnit.MINUTES);
            Thread.sleep(300); // the last frames of the run
            long gc = gcMillis() - gcBefore;
            double[] gaps = onFx(drawing::stop);
            Arrays.sort(gaps);
            int over = (int) Arrays.stream(gaps).filter(g -> g > 50).count();
            double max = gaps.length == 0 ? 0 : gaps[gaps.length - 1];
            double p99 = gaps.length == 0 ? 0 : gaps[(int) Math.floor(0.99 * (gaps.length - 1))];
            return new Live(tasks, result.segments().size(), result.wallNanos() / 1e9, pulses.size(), max, p99, over,
                    drawing.worstFrameNanos() / 1e6, gc);
        }
    }

    /// A stage that draws a run live as the window's diagram does, and notes every pulse.
    private static final class LiveDrawing {
        private final Stage stage = new Stage();
        private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
        private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
        private final LivePacing pacing = new LivePacing();
        private final TraceModel model = new TraceModel();
        private final boolean drawn;
        private final List<Long> pulses;
        private final AnimationTimer timer;
        private RunHandle live;
        private long worstFrameNanos;

        LiveDrawing(boolean drawn, List<Long> pulses) {
            this.drawn = drawn;
            this.pulses = pulses;
            stage.setScene(new Scene(drawn ? new StackPane(canvas) : new Pane(),
                    WIDTH, HEIGHT + 80));
            stage.show();
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(System.nanoTime());
                    if (LiveDrawing.this.drawn && live != null) frame(now);
                }
            };
        }

        void follow(RunHandle handle) {
            live = handle;
            timer.start();
        }

        private void frame(long pulse) {
            pacing.pulse(pulse);
            TraceRecorder trace = live.trace();
            if (trace == null) return;
            boolean changed = model.drain(trace, s -> { });
            if (!live.phase().isOver() && !pacing.due(pulse)) return;
            if (!changed && live.phase().isOver()) return;
            long started = System.nanoTime();
            DiagramStyle style = DiagramStyle.screen(Palette.articleLight()).withTitle("", "live");
            DiagramLayout.Frame f = DiagramLayout.layout(model, trace.openNow(), WIDTH, HEIGHT, 0,
                    TimeScale.roundUpSpan(trace.clock().now()), trace.clock().now(), style, surface,
                    new DiagramLayout.View(0, ROW_PX, Set.of(), -1, -1));
            DiagramPainter.paint(surface, f, style);
            worstFrameNanos = Math.max(worstFrameNanos, System.nanoTime() - started);
        }

        /// Stops, and returns the gaps between pulses in ms.
        double[] stop() {
            timer.stop();
            stage.close();
            double[] g = new double[Math.max(0, pulses.size() - 1)];
            for (int i = 1; i < pulses.size(); i++) g[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
            return g;
        }

        long worstFrameNanos() {
            return worstFrameNanos;
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return PngRenderer.onFx("measure the diagram", work::get);
    }
}
