package org.concurrencylab.python;

import org.concurrencylab.core.io.LineReader;
import org.concurrencylab.core.io.StderrTail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/// The harness's relay process seen from the app: it starts it, writes commands to its stdin,
/// and a reader thread turns its stdout into [Item]s on a queue, in the order it wrote them. A
/// line that is not an event (or longer than [#MAX_LINE_BYTES]) is garbage: the reader says so
/// and kills the process tree.
///
/// Thread-safety: thread-safe. [#send] and [#killTree] may be called from any thread; the reader
/// threads (`python-harness-out`, `-err`) alone read the process's streams.
final class HarnessProcess {
    /// The longest line accepted from the relay; a longer one is garbage.
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int STDERR_LINES = 20;
    /// The most events handed over at once, so that a long read is not held back for its end.
    private static final int MAX_BATCH = 256;

    /// What the reader hands over.
    sealed interface Item permits Line, Garbage, Exited {}

    /// One event.
    record Line(HarnessEvent event) implements Item {}

    /// A line that is no event: the process tree is being killed.
    record Garbage(String what) implements Item {}

    /// The relay ended with `code`; nothing comes after this.
    record Exited(int code) implements Item {}

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final StderrTail stderrTail = new StderrTail(STDERR_LINES, MAX_LINE_BYTES);
    private final Thread stderrReader;
    private volatile boolean garbled;

    private HarnessProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stderrReader = Thread.ofPlatform().daemon(true).name("python-harness-err").start(this::readStderr);
        Thread.ofPlatform().daemon(true).name("python-harness-out").start(this::readStdout);
    }

    /// Starts `python harness relay config` in `dir`.
    static HarnessProcess start(PythonInfo python, HarnessFiles files) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(python.executable().toString(), "-u", files.harness().toString(), "relay",
                files.config().toString()).directory(files.dir().toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        return new HarnessProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    /// The next item, waiting at most `nanos`; null if none came.
    Item poll(long nanos) throws InterruptedException {
        return items.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /// Writes one command line, e.g. `{"type":"go"}`.
    void send(String json) throws IOException {
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (stdin) {
            stdin.write(line);
            stdin.flush();
        }
    }

    /// The relay and every process under it (the runner, a pool's processes), as now.
    List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /// Kills the relay and everything under it: the descendants first, while they are still
    /// its descendants (once the relay is gone they are not), and again until none is left.
    void killTree() {
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> below = process.descendants().toList();
            below.forEach(ProcessHandle::destroyForcibly);
            if (below.isEmpty()) break;
        }
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }

    /// Waits up to `millis` for the relay to end.
    boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /// The last lines the relay wrote on stderr, joined by " | ".
    String stderrTail() {
        return stderrTail.text();
    }

    private void readStdout() {
        // the lines of one read go onto the queue together: handed over one by one, each woke
        // the run's thread, and the wake-ups cost the app more than reading the events
        List<Item> batch = new ArrayList<>();
        try (InputStream out = process.getInputStream()) {
            LineReader lines = new LineReader(out, MAX_LINE_BYTES);
            String line;
            while ((line = lines.next()) != null) {
                if (garbled) continue;
                if (line.length() > MAX_LINE_BYTES) {
                    handOver(batch);
                    garbage("a line of more than " + (MAX_LINE_BYTES >> 10) + " KiB");
                    continue;
                }
                try {
                    batch.add(new Line(HarnessLines.read(line)));
                } catch (HarnessLines.Unreadable e) {
                    handOver(batch);
                    garbage(e.getMessage() + ": " + PythonRuntime.abbreviate(line));
                    continue;
                }
                if (!lines.buffered() || batch.size() >= MAX_BATCH) handOver(batch);
            }
        } catch (IOException e) {
            // the stream broke: the process is gone
        }
        handOver(batch);
        int code = waitForExit();
        try {
            stderrReader.join(1_000); // its last words go into the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        items.add(new Exited(code));
    }

    private void handOver(List<Item> batch) {
        items.addAll(batch);
        batch.clear();
    }

    private void garbage(String what) {
        garbled = true;
        items.add(new Garbage(what));
        killTree();
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                killTree();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree();
            return -1;
        }
    }

    private void readStderr() {
        stderrTail.readAll(process.getErrorStream());
    }
}
