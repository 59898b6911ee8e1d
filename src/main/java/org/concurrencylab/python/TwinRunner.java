package org.concurrencylab.python;

import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/// One run of a [PreparedTwin]: the harness's events, as they come, onto the trace and the
/// outcomes, until the program ends, fails, hangs past the deadline or is stopped; then the
/// [TwinResult], with the reason of a failure.
///
/// Thread-safety: used by the one thread that runs the twin.
final class TwinRunner {
    private final PreparedTwin twin;
    private final TraceRecorder recorder;
    private final RunControl control;
    private final Outcomes outcomes;
    private final TwinTrace trace;
    private final List<String> output = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<Integer, TaskOutcome> done = new HashMap<>();
    private GilStats gil = GilStats.NONE;
    private HarnessEvent.Main main;
    private HarnessEvent.Done finished;
    private HarnessEvent.Failed programFailure;
    private HarnessEvent.Exit exit;
    private String problem;

    TwinRunner(PreparedTwin twin, TraceRecorder recorder, RunControl control, Outcomes outcomes) {
        this.twin = twin;
        this.recorder = recorder;
        this.control = control;
        this.outcomes = outcomes;
        this.trace = new TwinTrace(recorder, twin.request().program().model(),
                t -> recorder.clock().fromNanoTime(t - twin.clockOffset), twin.request().inputs()::taskName);
    }

    TwinResult go() throws InterruptedException {
        if (twin.failure != null) return result(twin.failure);
        trace.openLanes(twin.request().inputs().tasks());
        for (HarnessEvent event : twin.early) apply(event);
        if (!twin.send("{\"type\":\"go\"}")) return result(twin.failure);
        long deadline = System.nanoTime() + twin.request().deadline().toNanos();
        long treeEvery = PreparedTwin.TREE_EVERY_NANOS;
        long nextTree = System.nanoTime() + treeEvery;
        while (true) {
            if (control.cancelled()) return result("cancelled");
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                twin.kill();
                return result("the Python program did not finish within " + PreparedTwin.seconds(twin.request().deadline().toMillis())
                        + ": it was killed" + running());
            }
            if (now - nextTree >= 0) {
                treeEvery = twin.noteTree() ? PreparedTwin.TREE_EVERY_NANOS
                        : Math.min(2 * treeEvery, PreparedTwin.TREE_AT_MOST_EVERY_NANOS);
                nextTree = now + treeEvery;
            }
            HarnessProcess.Item item = twin.process.poll(Math.min(PreparedTwin.MAX_WAIT_NANOS, deadline - now));
            switch (item) {
                case null -> { }
                case HarnessProcess.Line(HarnessEvent event) -> {
                    try {
                        apply(event);
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        if (problem == null) problem = "the Python harness sent an unreadable line: " + e.getMessage();
                        twin.kill();
                    }
                }
                case HarnessProcess.Garbage(String what) -> {
                    if (problem == null) problem = "the Python harness sent an unreadable line: " + what;
                }
                case HarnessProcess.Exited(int code) -> {
                    return result(control.cancelled() ? "cancelled" : verdict(code));
                }
            }
        }
    }

    private void apply(HarnessEvent event) {
        switch (event) {
            case HarnessEvent.Began began -> {
                checkLane(began.lane());
                checkTask(began.task(), true);
                trace.began(began);
            }
            case HarnessEvent.Ended ended -> {
                if (ended.lane() != null) checkLane(ended.lane());
                checkTask(ended.task(), true);
                trace.ended(ended);
            }
            case HarnessEvent.Outcome outcome -> {
                checkLane(outcome.lane());
                checkTask(outcome.task(), false);
                TaskOutcome o = new TaskOutcome(outcome.task(), twin.request().inputs().taskName(outcome.task()), outcome.ok(),
                        outcome.ok() ? null : outcome.error(), outcome.ok() ? outcome.result() : null);
                if (done.putIfAbsent(o.task(), o) != null) throw new IllegalStateException("task " + o.task() + " finished twice");
                outcomes.add(o);
                if (outcome.count() != null) {
                    trace.laneId(outcome.lane());
                    counts.put(outcome.lane(), outcome.count());
                }
            }
            case HarnessEvent.Gil step -> gil = gil.plus(step);
            case HarnessEvent.Print print -> {
                if (output.size() < PreparedTwin.MAX_OUTPUT_LINES) output.add(print.text());
            }
            case HarnessEvent.Main m -> main = m;
            case HarnessEvent.Done d -> finished = d;
            case HarnessEvent.Failed f -> {
                if (programFailure == null) programFailure = f;
            }
            case HarnessEvent.Exit e -> exit = e;
            case HarnessEvent.Hello _, HarnessEvent.Pong _, HarnessEvent.Ready _ -> { }
        }
    }

    private void checkLane(String key) {
        if (!TwinTrace.validKey(key)) throw new IllegalArgumentException("an unknown lane '" + PythonRuntime.abbreviate(key) + "'");
    }

    private void checkTask(int task, boolean orNone) {
        if ((task < 0 || task >= twin.request().inputs().tasks()) && !(orNone && task == -1)) {
            throw new IllegalArgumentException("task " + task + " of " + twin.request().inputs().tasks());
        }
    }

    /// Why the run failed, or null, once the relay has exited with `code`.
    private String verdict(int code) {
        if (problem != null) return problem;
        if (programFailure != null) {
            return switch (programFailure.where()) {
                case "main" -> "the Python program raised " + programFailure.error() + running();
                case "load" -> "the Python program could not be loaded: " + programFailure.error();
                default -> programFailure.error();
            };
        }
        if (exit == null) return "the Python harness exited with code " + code + PreparedTwin.tail(twin.process.stderrTail());
        if (exit.code() != 0) {
            String how = exit.code() < 0 ? "was killed by signal " + -exit.code() : "exited with code " + exit.code();
            return "the Python program " + how + (finished == null ? " before main() returned" : "") + running()
                    + PreparedTwin.tail(exit.stderr());
        }
        if (finished == null) return "the Python program ended before main() returned" + PreparedTwin.tail(exit.stderr());
        int missing = twin.request().inputs().tasks() - done.size();
        if (missing > 0) {
            return "the Python program finished, but " + missing + " of its " + twin.request().inputs().tasks()
                    + " tasks did not run as tasks the harness could see";
        }
        return null;
    }

    /// ", while running task 3" when tasks were under way.
    private String running() {
        int started = twin.request().inputs().tasks() - done.size();
        return started > 0 && !done.isEmpty() ? " (" + done.size() + " of " + twin.request().inputs().tasks() + " tasks had finished)" : "";
    }

    private TwinResult result(String why) {
        long now = recorder.clock().now();
        // what is still open (a pool's process that never got to say it was up) ends with main()
        long end = finished == null ? now : Math.min(now, recorder.clock().fromNanoTime(finished.time() - twin.clockOffset));
        trace.closeAll(end, why);
        List<TaskOutcome> all = new ArrayList<>();
        for (int task = 0; task < twin.request().inputs().tasks(); task++) {
            TaskOutcome o = done.get(task);
            if (o == null && why != null && !why.equals("cancelled")) {
                o = TaskOutcome.failure(task, twin.request().inputs().taskName(task), why);
                outcomes.add(o);
            }
            if (o != null) all.add(o);
        }
        List<Long> processCounts = new ArrayList<>();
        for (String key : trace.processLanes()) if (counts.containsKey(key)) processCounts.add(counts.get(key));
        OptionalLong counter = finished != null && finished.counter() != null ? OptionalLong.of(finished.counter())
                : OptionalLong.empty();
        List<String> lines = new ArrayList<>(output);
        return new TwinResult(why, twin.variant(), twin.programFile(), twin.ready == null ? "" : twin.ready.startMethod(), all,
                finished == null ? 0 : finished.wall(), finished == null ? OptionalLong.empty() : OptionalLong.of(end),
                counter, processCounts, gil, lines, twin.pythonName);
    }
}
