package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The code behind a run, for the code panel: the Java that actually runs, cut from the lab's own
/// source files between `// code:NAME` and `// end:NAME` comments, and a short Python program that
/// does the same, so a reader of the Python article can map one onto the other.
///
/// The build ships the sources on the class path under `source/`, so the code shown is always the
/// code that was compiled; a test checks that every marker named here exists exactly once.
///
/// Thread-safety: thread-safe (sources are cached in a concurrent map).
public final class CodeLibrary {
    /// Where the build puts the Java sources on the class path.
    public static final String SOURCE_ROOT = "/source/";
    /// Where the Python programs are, on the class path.
    public static final String PYTHON_ROOT = "/org/concurrencylab/teach/python/";

    private static final Pattern MARKER = Pattern.compile("^\\s*// (code|end):([a-z0-9-]+)\\s*$");
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    /// A marked region: its name and the source file (relative to the source root) it is in.
    public record Marker(String name, String file, String title) {
        public Marker {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(title, "title");
        }

        /// The file's simple name, e.g. `ThreadPoolModel.java`.
        public String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }
    }

    /// A piece of Java, cut from `marker`'s file.
    public record Snippet(Marker marker, String code) {}

    /// A Python program equivalent to a model running a workload.
    ///
    /// @param resource its class-path name
    /// @param note     what the reader should know when comparing it with the Java (may be empty)
    public record PythonProgram(String resource, String note, String code) {}

    private static final String MODEL = "org/concurrencylab/core/model/";
    private static final String WORKLOAD = "org/concurrencylab/core/workload/";

    static final Marker SYNC = new Marker("sync-model", MODEL + "SyncModel.java", "The synchronous loop");
    static final Marker THREAD_POOL = new Marker("thread-pool", MODEL + "ThreadPoolModel.java", "The thread pool");
    static final Marker EVENT_LOOP = new Marker("event-loop", MODEL + "EventLoopModel.java", "The event loop");
    static final Marker PROCESS_POOL = new Marker("process-pool", "org/concurrencylab/worker/ProcessPoolModel.java",
            "The parent hands tasks to idle processes");
    static final Marker PROCESS_WORKER = new Marker("process-worker", "org/concurrencylab/worker/WorkerMain.java",
            "A worker process runs one task");
    static final Marker VIRTUAL = new Marker("virtual-threads", MODEL + "VirtualThreadModel.java",
            "One virtual thread per task");
    static final Marker BLOCKING_TASK = new Marker("blocking-task", MODEL + "BlockingInterpreter.java",
            "A worker runs a task's steps, blocking on I/O");
    static final Marker BLOCKING_GET = new Marker("blocking-get", "org/concurrencylab/net/Http.java",
            "A blocking download (OkHttp)");
    static final Marker ASYNC_GET = new Marker("async-get", "org/concurrencylab/net/AsyncHttp.java",
            "A non-blocking download (Netty)");
    static final Marker PARSE_PAGE = new Marker("parse-page", WORKLOAD + "Kernels.java", "Parsing a page a little");
    static final Marker HEAVY_PARSE = new Marker("heavy-parse", MODEL + "CpuSteps.java",
            "Parsing a page heavily, for a set CPU time");
    static final Marker SUM_OF_SQUARES = new Marker("sum-of-squares", WORKLOAD + "Kernels.java",
            "The sum of squares, with big integers");
    static final Marker FIBONACCI = new Marker("fibonacci", WORKLOAD + "Kernels.java", "fib(n), by the naive recursion");
    static final Marker RACE_TASK = new Marker("race-task", MODEL + "CpuSteps.java", "A race task adds one, many times");
    static final Marker RACE_UNSAFE = new Marker("race-unsafe", WORKLOAD + "SharedCounter.java",
            "The unsafe update: read, then write");
    static final Marker RACE_SYNCHRONIZED = new Marker("race-synchronized", WORKLOAD + "SharedCounter.java",
            "The update under a lock");
    static final Marker RACE_ATOMIC = new Marker("race-atomic", WORKLOAD + "SharedCounter.java", "The atomic update");
    static final Marker GIL_TAKE = new Marker("gil-take", MODEL + "TaskContext.java",
            "The GIL: taken to run code, let go to wait");
    static final Marker GIL_SWITCH = new Marker("gil-switch", MODEL + "TaskContext.java",
            "The GIL: handed over every switch interval");

    private CodeLibrary() {}

    /// Every marker the code panel can show.
    public static List<Marker> markers() {
        return List.of(SYNC, THREAD_POOL, EVENT_LOOP, PROCESS_POOL, PROCESS_WORKER, VIRTUAL, BLOCKING_TASK, BLOCKING_GET,
                ASYNC_GET, PARSE_PAGE, HEAVY_PARSE, SUM_OF_SQUARES, FIBONACCI, RACE_TASK, RACE_UNSAFE, RACE_SYNCHRONIZED,
                RACE_ATOMIC, GIL_TAKE, GIL_SWITCH);
    }

    /// The marked regions that make up a run of `workload` under `model`: how the model runs a
    /// task, then what the task does, then the GIL if it is on.
    public static List<Marker> markersFor(ModelKind model, WorkloadKind workload, boolean gil, Step.CounterMode mode) {
        Objects.requireNonNull(mode, "mode");
        Set<Marker> markers = new LinkedHashSet<>();
        switch (model) {
            case SYNC -> markers.addAll(List.of(SYNC, BLOCKING_TASK));
            case THREADS -> markers.addAll(List.of(THREAD_POOL, BLOCKING_TASK));
            case VIRTUAL -> markers.addAll(List.of(VIRTUAL, BLOCKING_TASK));
            case EVENTLOOP -> markers.add(EVENT_LOOP);
            case PROCESSES -> markers.addAll(List.of(PROCESS_POOL, PROCESS_WORKER, BLOCKING_TASK));
        }
        Marker get = model == ModelKind.EVENTLOOP ? ASYNC_GET : BLOCKING_GET;
        switch (workload) {
            case DOWNLOAD -> markers.addAll(List.of(get, PARSE_PAGE));
            case CPU -> markers.add(SUM_OF_SQUARES);
            case FIB -> markers.add(FIBONACCI);
            case RACE -> markers.addAll(List.of(RACE_TASK, switch (mode) {
                case UNSAFE -> RACE_UNSAFE;
                case SYNCHRONIZED -> RACE_SYNCHRONIZED;
                case ATOMIC -> RACE_ATOMIC;
            }));
            case MIXED -> markers.addAll(List.of(get, HEAVY_PARSE));
        }
        if (gil && model.supportsGil()) markers.addAll(List.of(GIL_TAKE, GIL_SWITCH));
        return List.copyOf(markers);
    }

    /// The Java that runs `workload` under `model`, cut from the shipped sources.
    ///
    /// @throws IllegalStateException if a source is not on the class path or a marker is missing
    public static List<Snippet> java(ModelKind model, WorkloadKind workload, boolean gil, Step.CounterMode mode) {
        List<Snippet> snippets = new ArrayList<>();
        for (Marker m : markersFor(model, workload, gil, mode)) snippets.add(new Snippet(m, extract(source(m.file()), m.name())));
        return snippets;
    }

    /// The text of a shipped source file, e.g. `org/concurrencylab/core/model/SyncModel.java`.
    ///
    /// @throws IllegalStateException if it is not on the class path
    public static String source(String file) {
        return SOURCES.computeIfAbsent(file, f -> read(SOURCE_ROOT + f,
                "the source " + f + " is not on the class path (the Maven build ships it under " + SOURCE_ROOT + ")"));
    }

    /// The lines between `// code:NAME` and `// end:NAME` in `source`, less their common
    /// indentation, with any other markers inside left out.
    ///
    /// @throws IllegalStateException if the start or the end is missing, doubled or out of order
    public static String extract(String source, String name) {
        List<String> lines = source.lines().toList();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches() || !m.group(2).equals(name)) continue;
            if (m.group(1).equals("code")) {
                if (start >= 0) throw new IllegalStateException("marker code:" + name + " appears twice");
                start = i;
            } else {
                if (end >= 0) throw new IllegalStateException("marker end:" + name + " appears twice");
                end = i;
            }
        }
        if (start < 0) throw new IllegalStateException("marker code:" + name + " is missing");
        if (end < 0) throw new IllegalStateException("marker code:" + name + " has no end:" + name);
        if (end < start) throw new IllegalStateException("marker end:" + name + " comes before code:" + name);
        List<String> body = lines.subList(start + 1, end).stream().filter(l -> !MARKER.matcher(l).matches()).toList();
        if (body.stream().allMatch(String::isBlank)) throw new IllegalStateException("marker code:" + name + " marks nothing");
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(CodeLibrary::indent).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : body) out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        return out.toString();
    }

    /// Every `// code:` and `// end:` name in `source`, in order, with its kind: "code:x", "end:x".
    public static List<String> markerLines(String source) {
        List<String> found = new ArrayList<>();
        for (String line : source.lines().toList()) {
            Matcher m = MARKER.matcher(line);
            if (m.matches()) found.add(m.group(1) + ":" + m.group(2));
        }
        return found;
    }

    /// The Python program that does `workload` the way `model` does, with a note for the reader.
    ///
    /// @throws IllegalStateException if the program is not on the class path
    public static PythonProgram python(ModelKind model, WorkloadKind workload, boolean gil) {
        String resource = PYTHON_ROOT + pythonName(model, workload);
        String code = read(resource, "the Python program " + resource + " is not on the class path");
        return new PythonProgram(resource, pythonNote(model, workload, gil), code);
    }

    /// `threads_download.py`: one program per model and workload.
    public static String pythonName(ModelKind model, WorkloadKind workload) {
        return model.id() + "_" + workload.id() + ".py";
    }

    static String pythonNote(ModelKind model, WorkloadKind workload, boolean gil) {
        boolean computes = workload.computes() || workload == WorkloadKind.MIXED;
        return switch (model) {
            case SYNC -> "A plain loop, in both languages.";
            case THREADS -> gil
                    ? "With the GIL on, the Java pool behaves as CPython's threads always do: one runs Python code at a time."
                    : computes
                    ? "CPython runs these threads one at a time (the GIL), so the Python gets no faster; the Java does. "
                      + "Tick GIL to make the Java behave like the Python."
                    : "Both wait in parallel: CPython lets go of the GIL while a thread waits for the network.";
            case EVENTLOOP -> "asyncio is Python's event loop; aiohttp does the non-blocking requests, as a Netty client does here.";
            case PROCESSES -> "multiprocessing.Pool starts Python processes and sends them the tasks, as the lab sends task plans to child JVMs.";
            case VIRTUAL -> "Python has no virtual threads. The closest analogue is a thread per task with the same blocking "
                    + "code, shown here; but each Python thread is an OS thread, so thousands of them cost what virtual "
                    + "threads do not (gevent's greenlets are the cheap, third-party alternative)."
                    + (gil ? "" : computes ? " And under the GIL they compute one at a time." : "");
        };
    }

    private static String read(String resource, String missing) {
        try (InputStream in = CodeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(missing);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
