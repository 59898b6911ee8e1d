package org.concurrencylab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.diagram.Captions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A run as a Chrome Trace Event file (the JSON object form), which Perfetto
/// (ui.perfetto.dev) and `chrome://tracing` open.
///
/// - **Processes**: the lab's own process is pid 1; every child process of a process pool
///   ([LaneKind#PROCESS] lane) is a pid of its own, from 2 in lane order. Each gets a
///   `process_name` metadata event (and a sort index, so they list in lane order).
/// - **Threads**: every lane is a thread, tid = lane id + 1, with a `thread_name` event.
/// - **Slices**: one complete event (`"ph": "X"`) per segment, named by its state (`CPU`,
///   `I/O wait`, `lock wait`, `start-up`, `queued`), `ts` and `dur` in microseconds (exact to
///   the nanosecond), `args` with the task, the label, what the label tells (`url` and `bytes`
///   of a download, `n` of a sum) and the error of a failed step.
/// - **Queued time** of tasks that no worker holds yet (lane -1) goes to a separate "queued
///   tasks" process, packed onto as few `queue N` threads as keep its slices apart: slices
///   on one thread never overlap, so a viewer never nests them wrongly.
/// - `otherData` holds the title, the workload, the model, the wall time and the whole spec.
///
/// Thread-safety: stateless.
public final class TraceEventJson {
    /// The lab's own process.
    public static final int APP_PID = 1;

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern BYTES = Pattern.compile("\\(([\\d.,'\\u00a0\\u202f]+) bytes\\)");
    private static final Pattern N = Pattern.compile("^n = ([\\d.,'\\u00a0\\u202f]+)$");

    private TraceEventJson() {}

    /// Writes `result` to `file` atomically.
    public static void write(RunResult result, Path file) throws IOException {
        Exports.writeAtomically(file, out -> write(result, out));
    }

    public static String toJson(RunResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(result, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("a trace could not be written to memory", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /// Writes `result` as UTF-8 JSON to `out`, which is left open.
    public static void write(RunResult result, OutputStream out) throws IOException {
        Tracks tracks = Tracks.of(result);
        try (JsonGenerator gen = RunJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(StreamWriteFeature.AUTO_CLOSE_TARGET.mappedFeature());
            gen.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
            gen.setPrettyPrinter(new OneEventPerLine());
            gen.writeStartObject();
            gen.writeArrayFieldStart("traceEvents");
            gen.writeRaw("\n");
            writeMetadata(gen, result, tracks);
            for (Segment s : result.segments()) {
                Track track = tracks.of(s);
                writeSlice(gen, s, track);
            }
            gen.writeEndArray();
            gen.writeStringField("displayTimeUnit", "ms");
            writeOtherData(gen, result);
            gen.writeEndObject();
        }
        out.flush();
    }

    /// Where one lane (or one queue thread) goes.
    record Track(int pid, int tid) {}

    /// Every segment's pid and tid.
    static final class Tracks {
        final Map<Integer, Track> lanes = new HashMap<>();
        final Map<Integer, String> processNames = new LinkedHashMap<>();
        final Map<Segment, Track> queued = new IdentityHashMap<>();
        int queuePid;
        int queueThreads;

        static Tracks of(RunResult result) {
            Tracks t = new Tracks();
            t.processNames.put(APP_PID, "Concurrency Lab: " + Captions.title(result.spec()));
            int nextPid = APP_PID + 1;
            for (Lane lane : result.lanes()) {
                int pid = APP_PID;
                if (lane.kind() == LaneKind.PROCESS) {
                    pid = nextPid++;
                    t.processNames.put(pid, lane.name());
                }
                t.lanes.put(lane.id(), new Track(pid, lane.id() + 1));
            }
            t.queuePid = nextPid;
            t.packQueued(result.segments(), result.lanes().size() + 1);
            if (t.queueThreads > 0) t.processNames.put(t.queuePid, "queued tasks");
            return t;
        }

        /// Puts each lane-less segment on the lowest-numbered queue thread free at its start.
        private void packQueued(List<Segment> segments, int firstTid) {
            List<Segment> waiting = new ArrayList<>();
            for (Segment s : segments) if (s.lane() == Segment.NO_LANE) waiting.add(s);
            waiting.sort(Comparator.comparingLong(Segment::start).thenComparingLong(Segment::end));
            record Busy(long end, int thread) {}
            PriorityQueue<Busy> busy = new PriorityQueue<>(Comparator.comparingLong(Busy::end));
            TreeSet<Integer> free = new TreeSet<>();
            for (Segment s : waiting) {
                while (!busy.isEmpty() && busy.peek().end() <= s.start()) free.add(busy.poll().thread());
                int thread = free.isEmpty() ? queueThreads++ : free.pollFirst();
                busy.add(new Busy(s.end(), thread));
                queued.put(s, new Track(queuePid, firstTid + thread));
            }
        }

        Track of(Segment s) {
            if (s.lane() == Segment.NO_LANE) return queued.get(s);
            Track track = lanes.get(s.lane());
            // a segment of a lane the run did not list: its own thread of the lab's process
            return track != null ? track : new Track(APP_PID, s.lane() + 1);
        }
    }

    private static void writeMetadata(JsonGenerator gen, RunResult result, Tracks tracks) throws IOException {
        int sort = 0;
        for (Map.Entry<Integer, String> process : tracks.processNames.entrySet()) {
            metadata(gen, "process_name", process.getKey(), 0, "name", process.getValue());
            metadata(gen, "process_sort_index", process.getKey(), 0, "sort_index", sort++);
        }
        for (Lane lane : result.lanes()) {
            Track track = tracks.lanes.get(lane.id());
            metadata(gen, "thread_name", track.pid(), track.tid(), "name", lane.name());
            metadata(gen, "thread_sort_index", track.pid(), track.tid(), "sort_index", lane.id());
        }
        int firstQueueTid = result.lanes().size() + 1;
        for (int q = 0; q < tracks.queueThreads; q++) {
            metadata(gen, "thread_name", tracks.queuePid, firstQueueTid + q, "name", "queue " + (q + 1));
            metadata(gen, "thread_sort_index", tracks.queuePid, firstQueueTid + q, "sort_index", q);
        }
    }

    private static void metadata(JsonGenerator gen, String name, int pid, int tid, String key, Object value) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", name);
        gen.writeStringField("ph", "M");
        gen.writeNumberField("pid", pid);
        gen.writeNumberField("tid", tid);
        gen.writeObjectFieldStart("args");
        gen.writeObjectField(key, value);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeSlice(JsonGenerator gen, Segment s, Track track) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", s.state().label());
        gen.writeStringField("cat", s.state().name());
        gen.writeStringField("ph", "X");
        gen.writeFieldName("ts");
        gen.writeNumber(micros(s.start()));
        gen.writeFieldName("dur");
        gen.writeNumber(micros(s.duration()));
        gen.writeNumberField("pid", track.pid());
        gen.writeNumberField("tid", track.tid());
        gen.writeObjectFieldStart("args");
        if (s.task() != Segment.NO_TASK) gen.writeNumberField("task", s.task());
        if (!s.label().isEmpty()) gen.writeStringField("label", s.label());
        Matcher url = URL.matcher(s.label());
        if (url.find()) gen.writeStringField("url", url.group());
        Matcher bytes = BYTES.matcher(s.label());
        if (bytes.find()) number(gen, "bytes", bytes.group(1));
        Matcher n = N.matcher(s.label());
        if (n.find()) number(gen, "n", n.group(1));
        if (s.failed()) gen.writeStringField("error", s.error());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeOtherData(JsonGenerator gen, RunResult result) throws IOException {
        gen.writeObjectFieldStart("otherData");
        gen.writeStringField("app", "Concurrency Lab");
        gen.writeStringField("title", Captions.title(result.spec()));
        gen.writeStringField("caption", Captions.caption(result));
        gen.writeStringField("workload", result.spec().workload().id());
        gen.writeStringField("model", result.spec().model().id());
        gen.writeNumberField("workers", result.spec().workers());
        gen.writeNumberField("wallNanos", result.wallNanos());
        gen.writeFieldName("wallMs");
        gen.writeNumber(BigDecimal.valueOf(result.wallNanos(), 6));
        gen.writeNumberField("tasks", result.tasks());
        gen.writeNumberField("errors", result.errors());
        gen.writeBooleanField("cancelled", result.cancelled());
        gen.writeObjectField("spec", result.spec());
        gen.writeEndObject();
    }

    /// Nanoseconds as microseconds with three decimals: exact, so slices that touch in the run
    /// touch in the file.
    static BigDecimal micros(long nanos) {
        return BigDecimal.valueOf(nanos, 3);
    }

    /// Writes the number in "49,152" (whatever grouping character the label's locale used),
    /// unless there is none.
    private static void number(JsonGenerator gen, String field, String grouped) throws IOException {
        String digits = grouped.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 18) return;
        gen.writeNumberField(field, Long.parseLong(digits));
    }

    /// Compact events, one per line.
    private static final class OneEventPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            boolean events = "traceEvents".equals(g.getOutputContext().getParent().getCurrentName());
            g.writeRaw(events ? ",\n" : ",");
        }
    }
}
