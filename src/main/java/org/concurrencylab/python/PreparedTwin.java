package org.concurrencylab.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.TraceRecorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/// A Python twin made ready to run: the interpreter started, the clocks aligned, the program
/// loaded and instrumented, waiting for [#run] to call its `main()`. Preparing takes the
/// interpreter's start-up and the program's imports (tens to hundreds of ms) out of the run.
///
/// [#run] streams the harness's events into the recorder while the program runs (so the
/// diagram draws it live), records each task's outcome, and fails the run with a clear reason
/// when Python dies, hangs past the request's deadline, or writes garbage. Whatever happens, no
/// process of the twin is left behind: a stop or a failure kills the relay's whole process tree,
/// and [#run] and [#close] kill whatever of it they ever saw that still lives.
///
/// Thread-safety: [#run] is called once, by one thread; [#close] may be called from any thread
/// (it kills the processes, which ends a run in progress).
public final class PreparedTwin implements AutoCloseable {
    /// Pings of the clock handshake; the one with the smallest round trip counts.
    static final int PINGS = 5;
    static final long HELLO_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long PING_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /// The program's imports: aiohttp's, cold, take a second or two on a slow machine.
    static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /// The run's longest wait for an event: how soon it sees a stop or its deadline at the latest.
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /// How often the run notes the processes under the relay, to be sure none outlives it.
    private static final long TREE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_OUTPUT_LINES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwinRequest request;
    private HarnessFiles files;
    private volatile HarnessProcess process;
    private final Set<ProcessHandle> seen = new HashSet<>();
    private final List<HarnessEvent> early = new ArrayList<>();
    private HarnessEvent.Ready ready;
    private String pythonName = "";
    private long clockOffset;
    private String failure;
    private boolean ran;
    private volatile boolean closed;

    private PreparedTwin(TwinRequest request) {
        this.request = request;
    }

    /// Starts and prepares a twin; never throws for a problem of Python's: [#failure] says it.
    static PreparedTwin start(PythonInfo python, TwinRequest request, String code, RunControl control)
            throws InterruptedException {
        PreparedTwin twin = new PreparedTwin(request);
        try (RunControl.Registration stop = control.onCancel(twin::kill)) {
            twin.prepare(python, code, control);
        } catch (InterruptedException e) {
            twin.close();
            throw e;
        }
        return twin;
    }

    public TwinRequest request() {
        return request;
    }

    /// Why the twin could not be prepared, if it could not; [#run] then fails at once with it.
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /// Which program was loaded: [TwinVariant#LIBRARY] (the one the Code tab shows) or
    /// [TwinVariant#STDLIB]; [TwinVariant#AUTO] if none was.
    public TwinVariant variant() {
        if (ready == null) return TwinVariant.AUTO;
        return ready.variant().equals("stdlib") ? TwinVariant.STDLIB : TwinVariant.LIBRARY;
    }

    /// The program file that will run, e.g. `threads_download_stdlib.py`; empty if none was loaded.
    public String programFile() {
        return ready == null ? "" : ready.program();
    }

    private void prepare(PythonInfo python, String code, RunControl control) throws InterruptedException {
        try {
            files = HarnessFiles.write(request, code);
        } catch (IOException | RuntimeException e) {
            failure = "the Python harness's files could not be written: " + e.getMessage();
            return;
        }
        try {
            process = HarnessProcess.start(python, files);
        } catch (IOException e) {
            failure = python.executable() + " could not be started: " + e.getMessage();
            return;
        }
        noteTree();
        HarnessEvent hello = await(HELLO_TIMEOUT_NANOS, HarnessEvent.Hello.class, control, "start");
        if (hello == null) return;
        pythonName = ((HarnessEvent.Hello) hello).python();
        if (!alignClock(control)) return;
        if (ready == null) {
            HarnessEvent loaded = await(READY_TIMEOUT_NANOS, HarnessEvent.Ready.class, control, "load the program");
            if (loaded == null) return;
            ready = (HarnessEvent.Ready) loaded;
        }
        noteTree();
    }

    /// The ping handshake: offset = harness time − midpoint of the app's send and receive, kept
    /// from the ping with the smallest round trip.
    private boolean alignClock(RunControl control) throws InterruptedException {
        long bestRoundTrip = Long.MAX_VALUE;
        for (int i = 0; i < PINGS; i++) {
            long sent = System.nanoTime();
            if (!send("{\"type\":\"ping\",\"id\":" + i + "}")) return false;
            HarnessEvent pong = await(PING_TIMEOUT_NANOS, HarnessEvent.Pong.class, control, "answer a ping");
            long received = System.nanoTime();
            if (pong == null) return false;
            if (((HarnessEvent.Pong) pong).id() != i) {
                fail("the Python harness answered ping " + i + " with pong " + ((HarnessEvent.Pong) pong).id());
                return false;
            }
            long rtt = received - sent;
            if (rtt < bestRoundTrip) {
                bestRoundTrip = rtt;
                clockOffset = ((HarnessEvent.Pong) pong).time() - (sent + rtt / 2);
            }
        }
        return true;
    }

    /// Waits for an event of `type`, keeping the program's prints and its readiness for later;
    /// null (with [#failure] set) if something else ended the wait.
    private HarnessEvent await(long timeoutNanos, Class<? extends HarnessEvent> type, RunControl control, String doing)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (control.cancelled()) {
                fail("cancelled");
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("the Python harness did not " + doing + " within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
                return null;
            }
            HarnessProcess.Item item = process.poll(Math.min(left, MAX_WAIT_NANOS));
            switch (item) {
                case null -> { }
                case HarnessProcess.Line(HarnessEvent event) when type.isInstance(event) -> {
                    return event;
                }
                case HarnessProcess.Line(HarnessEvent.Ready loaded) -> ready = loaded;
                case HarnessProcess.Line(HarnessEvent.Print print) -> early.add(print);
                case HarnessProcess.Line(HarnessEvent.Failed failed) -> {
                    fail(failed.where().equals("load") ? "the Python program could not be loaded: " + failed.error()
                            : failed.error());
                    return null;
                }
                case HarnessProcess.Line(HarnessEvent.Exit exit) -> {
                    fail("the Python program exited with code " + exit.code() + " before it was ready" + tail(exit.stderr()));
                    return null;
                }
                case HarnessProcess.Line(HarnessEvent other) -> {
                    fail("the Python harness sent " + other.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                            + " while it should " + doing);
                    return null;
                }
                case HarnessProcess.Garbage(String what) -> {
                    fail("the Python harness sent an unreadable line: " + what);
                    return null;
                }
                case HarnessProcess.Exited(int code) -> {
                    fail("the Python harness exited with code " + code + " before it was ready" + tail(process.stderrTail()));
                    return null;
                }
            }
        }
    }

    /// Runs the program's `main()`, drawing on `recorder` and adding each task's outcome to
    /// `outcomes` (sized for the inputs' tasks). Returns when the program has ended, failed,
    /// hung past the deadline or been stopped through `control` (within a few ms: the processes
    /// are killed at once).
    ///
    /// @throws IllegalStateException if called twice
    public TwinResult run(TraceRecorder recorder, RunControl control, Outcomes outcomes) throws InterruptedException {
        if (ran) throw new IllegalStateException("a prepared twin runs once");
        ran = true;
        Run run = new Run(recorder, control, outcomes);
        try (RunControl.Registration stop = control.onCancel(this::kill)) {
            return run.go();
        } finally {
            close();
        }
    }

    /// One run: the events, onto the trace and the outcomes.
    private final class Run {
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

        Run(TraceRecorder recorder, RunControl control, Outcomes outcomes) {
            this.recorder = recorder;
            this.control = control;
            this.outcomes = outcomes;
            this.trace = new TwinTrace(recorder, request.program().model(),
                    t -> recorder.clock().fromNanoTime(t - clockOffset), request.inputs()::taskName);
        }

        TwinResult go() throws InterruptedException {
            if (failure != null) return result(failure);
            trace.openLanes(request.inputs().tasks());
            for (HarnessEvent event : early) apply(event);
            if (!send("{\"type\":\"go\"}")) return result(failure);
            long deadline = System.nanoTime() + request.deadline().toNanos();
            long nextTree = System.nanoTime() + TREE_EVERY_NANOS;
            while (true) {
                if (control.cancelled()) return result("cancelled");
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    kill();
                    return result("the Python program did not finish within " + seconds(request.deadline().toMillis())
                            + ": it was killed" + running());
                }
                if (now - nextTree >= 0) {
                    noteTree();
                    nextTree = now + TREE_EVERY_NANOS;
                }
                HarnessProcess.Item item = process.poll(Math.min(MAX_WAIT_NANOS, deadline - now));
                switch (item) {
                    case null -> { }
                    case HarnessProcess.Line(HarnessEvent event) -> {
                        try {
                            apply(event);
                        } catch (IllegalArgumentException | IllegalStateException e) {
                            if (problem == null) problem = "the Python harness sent an unreadable line: " + e.getMessage();
                            kill();
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
                    TaskOutcome o = new TaskOutcome(outcome.task(), request.inputs().taskName(outcome.task()), outcome.ok(),
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
                    if (output.size() < MAX_OUTPUT_LINES) output.add(print.text());
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
            if ((task < 0 || task >= request.inputs().tasks()) && !(orNone && task == -1)) {
                throw new IllegalArgumentException("task " + task + " of " + request.inputs().tasks());
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
            if (exit == null) return "the Python harness exited with code " + code + tail(process.stderrTail());
            if (exit.code() != 0) {
                String how = exit.code() < 0 ? "was killed by signal " + -exit.code() : "exited with code " + exit.code();
                return "the Python program " + how + (finished == null ? " before main() returned" : "") + running()
                        + tail(exit.stderr());
            }
            if (finished == null) return "the Python program ended before main() returned" + tail(exit.stderr());
            int missing = request.inputs().tasks() - done.size();
            if (missing > 0) {
                return "the Python program finished, but " + missing + " of its " + request.inputs().tasks()
                        + " tasks did not run as tasks the harness could see";
            }
            return null;
        }

        /// ", while running task 3" when tasks were under way.
        private String running() {
            int started = request.inputs().tasks() - done.size();
            return started > 0 && !done.isEmpty() ? " (" + done.size() + " of " + request.inputs().tasks() + " tasks had finished)" : "";
        }

        private TwinResult result(String why) {
            long now = recorder.clock().now();
            // what is still open (a pool's process that never got to say it was up) ends with main()
            long end = finished == null ? now : Math.min(now, recorder.clock().fromNanoTime(finished.time() - clockOffset));
            trace.closeAll(end, why);
            List<TaskOutcome> all = new ArrayList<>();
            for (int task = 0; task < request.inputs().tasks(); task++) {
                TaskOutcome o = done.get(task);
                if (o == null && why != null && !why.equals("cancelled")) {
                    o = TaskOutcome.failure(task, request.inputs().taskName(task), why);
                    outcomes.add(o);
                }
                if (o != null) all.add(o);
            }
            List<Long> processCounts = new ArrayList<>();
            for (String key : trace.processLanes()) if (counts.containsKey(key)) processCounts.add(counts.get(key));
            OptionalLong counter = finished != null && finished.counter() != null ? OptionalLong.of(finished.counter())
                    : OptionalLong.empty();
            List<String> lines = new ArrayList<>(output);
            return new TwinResult(why, variant(), programFile(), ready == null ? "" : ready.startMethod(), all,
                    finished == null ? 0 : finished.wall(), counter, processCounts, gil, lines, pythonName);
        }
    }

    private boolean send(String json) {
        try {
            process.send(json);
            return true;
        } catch (IOException e) {
            fail("the Python harness stopped reading: " + e.getMessage());
            return false;
        }
    }

    private void fail(String why) {
        if (failure == null) failure = why;
        kill();
    }

    private void noteTree() {
        HarnessProcess p = process;
        if (p == null) return;
        synchronized (seen) {
            seen.addAll(p.tree());
        }
    }

    /// Kills the twin's processes: the relay's tree, and any process of it ever seen.
    private void kill() {
        HarnessProcess p = process;
        if (p == null) return;
        p.killTree();
        synchronized (seen) {
            for (ProcessHandle h : seen) if (h.isAlive()) h.destroyForcibly();
        }
    }

    /// Every process of the twin seen so far (alive or not): the relay, the runner, a pool's.
    List<ProcessHandle> processesSeen() {
        synchronized (seen) {
            noteTree();
            return List.copyOf(seen);
        }
    }

    /// Kills what is left of the twin and deletes its files. A second call does nothing.
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (process != null) {
            noteTree();
            kill();
            try {
                process.waitFor(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (files != null) files.close();
    }

    private static String tail(String stderr) {
        return stderr == null || stderr.isBlank() ? "" : ": " + stderr;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
