package org.concurrencylab.worker;

import org.concurrencylab.core.io.LineReader;
import org.concurrencylab.core.io.StderrTail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// One worker process seen from the app: it starts the child JVM, writes commands to its stdin,
/// and a reader thread turns the child's stdout into [Event]s for whoever is attached (the run
/// using the process). When the child first says ready, the reader aligns the child's clock with
/// a ping handshake: offset = child time − midpoint of the parent's send and receive, kept from
/// the ping with the smallest round trip.
///
/// A child that writes a line that is not a protocol message is killed: the attached run hears
/// [Unreadable], then [Exited].
///
/// Thread-safety: thread-safe. [#send] may be called from any thread; the reader thread
/// (`worker-N-out`) alone parses stdout; status fields are volatile and events are handed over
/// in the order the child wrote them.
public final class WorkerProcess {
    /// Pings of the clock handshake; the one with the smallest round trip counts.
    static final int PINGS = 5;
    /// Longest line accepted from a child; a longer one is unreadable.
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int STDERR_LINES = 20;

    /// What a worker process tells the run attached to it.
    sealed interface Event permits Started, Message, Unreadable, Exited {
        WorkerProcess worker();
    }

    /// The child started, warmed up and its clock is aligned.
    record Started(WorkerProcess worker) implements Event {}

    /// A protocol message, after the start.
    record Message(WorkerProcess worker, Protocol.Event event) implements Event {}

    /// The child wrote something that is not a protocol message; it is being killed.
    record Unreadable(WorkerProcess worker, String error) implements Event {}

    /// The child's process ended with `code`.
    record Exited(WorkerProcess worker, int code) implements Event {}

    private final int slot;
    private final Process process;
    private final long spawnNanoTime;
    private final OutputStream stdin;
    private final StderrTail stderrTail = new StderrTail(STDERR_LINES, MAX_LINE_BYTES);
    /// Set before the stdout reader starts (which joins it), never changed.
    private Thread stderrReader;
    private volatile Consumer<Event> sink;
    private volatile boolean started;
    private volatile boolean unreadable;
    private volatile Integer exitCode;
    private volatile long clockOffset;
    private volatile long roundTrip;
    private volatile boolean httpWarm;
    private volatile boolean killed;
    private volatile boolean outputEnded;

    private WorkerProcess(int slot, Process process, long spawnNanoTime) {
        this.slot = slot;
        this.process = process;
        this.spawnNanoTime = spawnNanoTime;
        this.stdin = process.getOutputStream();
    }

    /// Starts a child as `jvm` says; `slot` is its place in the pool (from 0). Returns at once:
    /// the child is ready when [Started] comes.
    static WorkerProcess start(ChildJvm jvm, int slot) throws IOException {
        long spawn = System.nanoTime();
        Process process = new ProcessBuilder(jvm.command()).start();
        WorkerProcess worker = new WorkerProcess(slot, process, spawn);
        worker.stderrReader = Thread.ofPlatform().daemon(true).name("worker-" + (slot + 1) + "-err").start(worker::readStderr);
        Thread.ofPlatform().daemon(true).name("worker-" + (slot + 1) + "-out").start(worker::readStdout);
        return worker;
    }

    public long pid() {
        return process.pid();
    }

    /// The place of this process in its pool, from 0.
    public int slot() {
        return slot;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /// `System.nanoTime()` just before the process was started.
    long spawnNanoTime() {
        return spawnNanoTime;
    }

    /// Whether the child has started, warmed up and had its clock aligned.
    boolean started() {
        return started;
    }

    boolean exited() {
        return exitCode != null;
    }

    /// The exit code, or -1 while the process lives.
    int exitCode() {
        Integer code = exitCode;
        return code == null ? -1 : code;
    }

    /// Usable for another run: alive, never killed, never garbled (it may still be starting).
    boolean usable() {
        return !killed && !unreadable && exitCode == null && process.isAlive();
    }

    boolean httpWarm() {
        return httpWarm;
    }

    void httpWarmed() {
        httpWarm = true;
    }

    /// The round trip of the ping that aligned the clock, ns.
    long clockRoundTrip() {
        return roundTrip;
    }

    /// Converts a time of the child's clock into this process's `System.nanoTime()`.
    long toLocalNanoTime(long childTime) {
        return childTime - clockOffset;
    }

    /// Sends events to `newSink` from now on (null: drop them). Attach first, then look at the
    /// status ([#started], [#exited]): an event that changes it is then either seen in the status
    /// or delivered, possibly both.
    void attach(Consumer<Event> newSink) {
        sink = newSink;
    }

    /// Writes one command line. Throws if the child's stdin is closed (it is exiting).
    void send(Protocol.Command command) throws IOException {
        byte[] line = (Protocol.write(command) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (stdin) {
            stdin.write(line);
            stdin.flush();
        }
    }

    /// Kills the process at once (and anything it started).
    public void kill() {
        killed = true;
        killTree(process.toHandle());
    }

    /// Whether the child's stdout has ended: it is exiting, and the reader waits for its exit
    /// (killing it after a while), so it is no longer expected to answer.
    boolean outputEnded() {
        return outputEnded;
    }

    /// Whether [#kill] was called (the process did not die by itself).
    boolean killed() {
        return killed;
    }

    /// Asks the child to exit; kills it if it has not within `millis`.
    void stop(long millis) {
        try {
            send(new Protocol.Exit());
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) kill();
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    static void killTree(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }

    /// "worker process 1234".
    public String describe() {
        return "worker process " + pid();
    }

    /// The last lines the child wrote on stderr, oldest first, joined by " | ".
    String stderrTail() {
        return stderrTail.text();
    }

    private void deliver(Event event) {
        Consumer<Event> target = sink;
        if (target != null) target.accept(event);
    }

    private void readStdout() {
        try (InputStream out = process.getInputStream()) {
            LineReader lines = new LineReader(out, MAX_LINE_BYTES);
            String line;
            while ((line = lines.next()) != null) {
                if (unreadable) continue;
                Protocol.Event event = parse(line);
                if (event == null) continue;
                if (started) {
                    deliver(new Message(this, event));
                } else if (!(event instanceof Protocol.Ready)) {
                    garbled("expected 'ready' first, got: " + abbreviate(line));
                } else if (alignClock(lines)) {
                    started = true;
                    deliver(new Started(this));
                }
            }
        } catch (IOException e) {
            // the stream broke: the process is gone
        }
        outputEnded = true;
        int code = waitForExit();
        try {
            stderrReader.join(1_000); // its last words go into the exit message
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exitCode = code;
        deliver(new Exited(this, code));
    }

    /// The ping handshake, run on the reader thread right after the child's first "ready".
    private boolean alignClock(LineReader lines) throws IOException {
        long bestRoundTrip = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < PINGS; i++) {
            long sent = System.nanoTime();
            send(new Protocol.Ping(i));
            String line = lines.next();
            long received = System.nanoTime();
            if (line == null) return false;
            Protocol.Event event = parse(line);
            if (event == null) return false;
            if (!(event instanceof Protocol.Pong(long id, long time)) || id != i) {
                garbled("expected the answer to ping " + i + ", got: " + abbreviate(line));
                return false;
            }
            long rtt = received - sent;
            if (rtt < bestRoundTrip) {
                bestRoundTrip = rtt;
                bestOffset = time - (sent + rtt / 2);
            }
        }
        clockOffset = bestOffset;
        roundTrip = bestRoundTrip;
        return true;
    }

    private Protocol.Event parse(String line) {
        if (line.length() > MAX_LINE_BYTES) {
            garbled("a line of more than " + (MAX_LINE_BYTES >> 10) + " KiB");
            return null;
        }
        try {
            Protocol.Event event = Protocol.readEvent(line);
            if (event != null) return event;
        } catch (IOException | RuntimeException e) {
            // falls through to garbled
        }
        garbled(abbreviate(line));
        return null;
    }

    private void garbled(String what) {
        if (unreadable) return;
        unreadable = true;
        deliver(new Unreadable(this, describe() + " sent an unreadable message: " + what));
        kill();
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return -1;
        }
    }

    private void readStderr() {
        stderrTail.readAll(process.getErrorStream());
    }

    static String abbreviate(String text) {
        return StderrTail.oneLine(text);
    }
}
