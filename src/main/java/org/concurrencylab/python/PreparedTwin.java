package org.concurrencylab.python;

import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.TraceRecorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /// How often the run notes the processes under the relay, to be sure none outlives it: every
    /// 100 ms while the tree grows, twice as long after each walk that found no new process, up
    /// to 1.6 s (a walk reads every process of the machine; a pool's processes start together).
    static final long TREE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long TREE_AT_MOST_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(1_600);
    static final int MAX_OUTPUT_LINES = 1_000;

    private final TwinRequest request;
    private HarnessFiles files;
    volatile HarnessProcess process;
    private final Set<ProcessHandle> seen = new HashSet<>();
    final List<HarnessEvent> early = new ArrayList<>();
    HarnessEvent.Ready ready;
    String pythonName = "";
    long clockOffset;
    String failure;
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
                    fail("the Python harness sent " + other.getClass().getSimpleName().toLowerCase(Locale.ROOT)
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
        TwinRunner run = new TwinRunner(this, recorder, control, outcomes);
        try (RunControl.Registration stop = control.onCancel(this::kill)) {
            return run.go();
        } finally {
            close();
        }
    }


    boolean send(String json) {
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

    /// Notes the processes under the relay now; true if one was new.
    boolean noteTree() {
        HarnessProcess p = process;
        if (p == null) return false;
        synchronized (seen) {
            return seen.addAll(p.tree());
        }
    }

    /// Kills the twin's processes: the relay's tree, and any process of it ever seen.
    void kill() {
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

    static String tail(String stderr) {
        return stderr == null || stderr.isBlank() ? "" : ": " + stderr;
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
