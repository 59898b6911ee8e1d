package org.concurrencylab.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.RunJson;

import java.io.IOException;
import java.nio.file.Path;

/// The files of a comparison and of a sweep: the table (or the points) with every run in full,
/// each run laid out as in the run file ([RunJson]), so one can be cut out and opened alone.
///
/// A comparison: `{format, kind: "compare", verdict, rows[] {label, model, gil, workers,
/// wallNanos, speedUp, cpuNanos, peakThreads, idealNanos, efficiency, errors}, runs[]}`.
/// A sweep: `{format, kind: "sweep", param, points[] {value, wallNanos, idealNanos, efficiency,
/// cpuNanos, peakThreads, errors}, reference, runs[]}`. Unknown numbers are null.
///
/// Thread-safety: thread-safe.
public final class SeriesJson {
    public static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SeriesJson() {}

    public static String toJson(Comparison comparison) throws IOException {
        return MAPPER.writeValueAsString(tree(comparison));
    }

    public static String toJson(Sweep sweep) throws IOException {
        return MAPPER.writeValueAsString(tree(sweep));
    }

    /// Writes `comparison` to `file` atomically (a temporary file, then a rename).
    public static void write(Comparison comparison, Path file) throws IOException {
        write(tree(comparison), file);
    }

    /// Writes `sweep` to `file` atomically.
    public static void write(Sweep sweep, Path file) throws IOException {
        write(tree(sweep), file);
    }

    static ObjectNode tree(Comparison comparison) throws IOException {
        ObjectNode root = header("compare");
        root.put("verdict", comparison.verdict());
        ArrayNode rows = root.putArray("rows");
        ArrayNode runs = root.putArray("runs");
        for (Comparison.Row r : comparison.rows()) {
            ObjectNode row = rows.addObject();
            row.put("label", r.label());
            row.put("model", r.result().spec().model().id());
            row.put("gil", r.result().spec().gil());
            row.put("runtime", r.result().spec().runtime().id());
            row.put("workers", r.result().spec().workers());
            row.put("wallNanos", r.result().wallNanos());
            number(row, "speedUp", r.speedUp());
            row.put("cpuNanos", r.cpuNanos());
            row.put("peakThreads", r.peakThreads());
            nanos(row, "idealNanos", r.idealNanos());
            number(row, "efficiency", r.efficiency());
            row.put("errors", r.result().errors());
            row.put("cancelled", r.result().cancelled());
            runs.add(run(r.result()));
        }
        return root;
    }

    static ObjectNode tree(Sweep sweep) throws IOException {
        ObjectNode root = header("sweep");
        root.put("param", sweep.param().id());
        root.put("workload", sweep.base().workload().id());
        root.put("model", sweep.base().model().id());
        ArrayNode points = root.putArray("points");
        ArrayNode runs = root.putArray("runs");
        for (Sweep.Point p : sweep.points()) {
            ObjectNode point = points.addObject();
            point.put("value", p.value());
            point.put("wallNanos", p.result().wallNanos());
            nanos(point, "idealNanos", p.idealNanos());
            number(point, "efficiency", p.efficiency());
            point.put("cpuNanos", p.cpuNanos());
            point.put("peakThreads", p.result().peakThreads());
            point.put("errors", p.result().errors());
            runs.add(run(p.result()));
        }
        if (sweep.reference() != null) root.set("reference", run(sweep.reference()));
        else root.putNull("reference");
        return root;
    }

    private static ObjectNode header(String kind) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", kind);
        return root;
    }

    private static JsonNode run(RunResult result) throws IOException {
        return MAPPER.readTree(RunJson.toJson(result));
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) node.put(field, value);
        else node.putNull(field);
    }

    private static void nanos(ObjectNode node, String field, long value) {
        if (value >= 0) node.put(field, value);
        else node.putNull(field);
    }

    private static void write(ObjectNode tree, Path file) throws IOException {
        Exports.writeAtomically(file, out -> MAPPER.writeValue(out, tree));
    }
}
