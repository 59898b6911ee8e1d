package org.concurrencylab.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// A run's segments as CSV, one row per segment in the run's order (by start), for a
/// spreadsheet or a notebook. Columns:
///
/// | column | holds |
/// |---|---|
/// | `lane` | the lane id, -1 for a task's queued time, which belongs to no worker |
/// | `lane_name` | the lane's name, empty for -1 |
/// | `task` | the task id, -1 for time that belongs to no task (start-up, an idle loop) |
/// | `state` | `WORK`, `IO_WAIT`, `LOCK_WAIT`, `STARTUP` or `QUEUED` |
/// | `start_ms`, `end_ms`, `duration_ms` | from the run's start, exact to the nanosecond (six decimals) |
/// | `label` | what the step was (a URL and size, `n = 5,000,000`) |
/// | `error` | why the step failed, empty if it did not |
/// | `failed` | `true` or `false` |
///
/// A text cell (`lane_name`, `label`, `error`) that a spreadsheet would run as a formula, one
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, is written with a single
/// quote before it, as OWASP advises against CSV injection: a label is a URL the user typed or a
/// server's error text, and must stay text. Numbers are written as numbers.
///
/// Thread-safety: thread-safe (the mapper and writer are immutable).
public final class SegmentCsv {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader();
    private static final ObjectWriter WRITER = MAPPER.writer(SCHEMA);

    private SegmentCsv() {}

    /// One row of the file.
    @JsonPropertyOrder({"lane", "lane_name", "task", "state", "start_ms", "end_ms", "duration_ms", "label", "error", "failed"})
    public record Row(@JsonProperty("lane") int lane, @JsonProperty("lane_name") String laneName,
                      @JsonProperty("task") int task, @JsonProperty("state") String state,
                      @JsonProperty("start_ms") BigDecimal startMs, @JsonProperty("end_ms") BigDecimal endMs,
                      @JsonProperty("duration_ms") BigDecimal durationMs, @JsonProperty("label") String label,
                      @JsonProperty("error") String error, @JsonProperty("failed") boolean failed) {}

    /// The columns, in order, as the header names them.
    public static CsvSchema schema() {
        return SCHEMA;
    }

    /// Writes `result`'s segments to `file` atomically.
    public static void write(RunResult result, Path file) throws IOException {
        Exports.writeAtomically(file, out -> write(result, out));
    }

    /// Writes `result`'s segments (UTF-8) to `out`, which is left open.
    public static void write(RunResult result, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(result, text);
        text.flush();
    }

    public static String toCsv(RunResult result) {
        StringWriter text = new StringWriter();
        try {
            write(result, text);
        } catch (IOException e) {
            throw new IllegalStateException("CSV could not be written to memory", e);
        }
        return text.toString();
    }

    private static void write(RunResult result, Writer text) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        for (Lane lane : result.lanes()) names.put(lane.id(), lane.name());
        try (SequenceWriter rows = WRITER.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(text)) {
            for (Segment s : result.segments()) rows.write(row(s, names));
        }
    }

    static Row row(Segment s, Map<Integer, String> laneNames) {
        return new Row(s.lane(), text(laneNames.getOrDefault(s.lane(), "")), s.task(), s.state().name(),
                ms(s.start()), ms(s.end()), ms(s.duration()), text(s.label()), text(s.error()), s.failed());
    }

    /// `cell` as a spreadsheet reads it as text: with a `'` before a first character that would
    /// start a formula (null stays null: an empty cell).
    static String text(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    /// Nanoseconds as milliseconds with six decimals: exact, and read back as the same number.
    static BigDecimal ms(long nanos) {
        return BigDecimal.valueOf(nanos, 6);
    }
}
