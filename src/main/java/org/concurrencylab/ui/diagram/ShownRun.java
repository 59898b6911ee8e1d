package org.concurrencylab.ui.diagram;

import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;

/// What a [TimingDiagram] shows: a run followed live, a finished run, or a message instead of a
/// diagram; its trace by worker, and (made when first asked for) by task.
///
/// Thread-safety: FX thread only.
final class ShownRun {
    private TraceModel model = new TraceModel();
    private TraceModel taskModel;
    private RunHandle live;
    private RunResult result;
    private String message = "Choose a workload and a model, then press Run (Space).";

    void live(RunHandle handle) {
        live = handle;
        result = null;
        model = new TraceModel();
        taskModel = null;
    }

    void finished(RunResult run) {
        result = run;
        live = null;
        model = TraceModel.of(run.lanes(), run.segments());
        taskModel = null;
    }

    void message(String text) {
        live = null;
        result = null;
        model = new TraceModel();
        taskModel = null;
        message = text;
    }

    /// Takes in what the live run's recorder holds that is new; true if anything was.
    boolean drain(TraceRecorder trace) {
        return model.drain(trace, s -> {
            if (taskModel != null) taskModel.addAsTask(s);
        });
    }

    TraceModel byWorker() { return model; }

    TraceModel byTask() {
        if (taskModel == null) taskModel = model.byTask();
        return taskModel;
    }

    RunHandle live() { return live; }

    RunResult result() { return result; }

    String message() { return message; }

    void setMessage(String text) { message = text; }

    RunSpec spec() {
        return result != null ? result.spec() : live != null ? live.spec() : null;
    }

    /// The end of the time window that shows the whole run: the live run's time so far, rounded
    /// up, or a little past the end of a finished one.
    long fullEnd() {
        if (live != null && !live.phase().isOver() && live.trace() != null) {
            return TimeScale.roundUpSpan(live.trace().clock().now());
        }
        long wall = result != null ? result.wallNanos() : model.endNanos();
        return Math.max(1, (long) (Math.max(wall, model.endNanos()) * 1.02));
    }

    /// Where a replay of the finished run ends.
    long replayEnd() {
        return result == null ? 0 : Math.max(result.wallNanos(), model.endNanos());
    }

    /// `style` with the title and caption of what is shown: a finished run's title over its
    /// caption (with `note`, e.g. the speed-up), or on one line without `withTitle`; a live
    /// run's title and what it runs.
    DiagramStyle style(DiagramStyle style, String note, boolean withTitle) {
        if (result != null) {
            String caption = Captions.caption(result, note);
            return withTitle ? style.withTitle(Captions.title(result.spec()), caption)
                    : style.withTitle("", Captions.title(result.spec()) + " — " + caption);
        }
        if (live != null) return style.withTitle("", Captions.title(live.spec()) + " — " + Captions.what(live.spec()));
        return style;
    }
}
