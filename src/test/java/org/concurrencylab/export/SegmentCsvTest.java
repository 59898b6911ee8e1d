package org.concurrencylab.export;

import org.concurrencylab.core.run.RunParams;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The segments table: one row per segment, read back with a CSV parser to the same numbers.
@Timeout(30)
class SegmentCsvTest {
    private static final List<String> COLUMNS = List.of("lane", "lane_name", "task", "state", "start_ms", "end_ms",
            "duration_ms", "label", "error", "failed");

    @TempDir
    Path dir;

    /// The file's rows as maps from column to text, read by a CSV parser.
    static List<Map<String, String>> rows(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    /// Asserts that each row holds its segment, numbers exact to the nanosecond.
    static void assertRowsHold(List<Map<String, String>> rows, RunResult run) {
        assertThat(rows).hasSize(run.segments().size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Segment s = run.segments().get(i);
            assertThat(row.keySet()).containsExactlyElementsOf(COLUMNS);
            assertThat(Integer.parseInt(row.get("lane"))).isEqualTo(s.lane());
            assertThat(Integer.parseInt(row.get("task"))).isEqualTo(s.task());
            assertThat(row.get("state")).isEqualTo(s.state().name());
            assertThat(nanos(row.get("start_ms"))).isEqualTo(s.start());
            assertThat(nanos(row.get("end_ms"))).isEqualTo(s.end());
            assertThat(nanos(row.get("duration_ms"))).isEqualTo(s.duration());
            assertThat(row.get("label")).isEqualTo(s.label());
            assertThat(row.get("error")).isEqualTo(s.failed() ? s.error() : "");
            assertThat(Boolean.parseBoolean(row.get("failed"))).isEqualTo(s.failed());
        }
    }

    private static long nanos(String ms) {
        return new BigDecimal(ms).movePointRight(6).longValueExact();
    }

    @Test
    void a_hand_made_run_has_a_header_and_one_row_per_segment_that_reads_back_exactly() throws IOException {
        RunResult run = ExportFixtures.processPool();

        String csv = SegmentCsv.toCsv(run);

        assertThat(csv.lines().findFirst()).hasValue(String.join(",", COLUMNS));
        List<Map<String, String>> rows = rows(csv);
        assertRowsHold(rows, run);
        assertThat(rows).filteredOn(r -> r.get("lane").equals("0")).allSatisfy(r ->
                assertThat(r.get("lane_name")).isEqualTo("process 1 <pid 41>"));
        assertThat(rows).filteredOn(r -> r.get("lane").equals("-1")).hasSize(4).allSatisfy(r -> {
            assertThat(r.get("lane_name")).isEmpty();
            assertThat(r.get("state")).isEqualTo("QUEUED");
        });
        assertThat(rows).filteredOn(r -> r.get("failed").equals("true")).singleElement()
                .satisfies(r -> assertThat(r.get("error")).isEqualTo("HTTP 500 Internal Server Error"));
        assertThat(rows).extracting(r -> r.get("label")).contains("parse /large \"quoted\", with a comma", "line one\nline two");
    }

    @Test
    void times_are_milliseconds_with_six_decimals_and_never_an_exponent() throws IOException {
        assertThat(SegmentCsv.ms(1)).hasToString("0.000001");
        assertThat(SegmentCsv.ms(0)).hasToString("0.000000");
        assertThat(SegmentCsv.ms(1_234_567_891L)).hasToString("1234.567891");

        String csv = SegmentCsv.toCsv(ExportFixtures.sumOfSquares());

        assertThat(csv.lines().skip(1).findFirst()).hasValue("0,runner,0,WORK,0.000000,90.000000,90.000000,\"n = 5,000,000\",,false");
    }

    @Test
    void a_real_run_writes_a_file_with_a_row_for_every_segment() throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withWorkers(2).withTasks(4).with(RunParams.BASE, 20_000)
                .withWarmup(false);
        RunResult run;
        try (RunEngine engine = new RunEngine()) {
            run = engine.start(spec).result().get(20, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("segments.csv");

        SegmentCsv.write(run, file);

        assertThat(run.segments()).isNotEmpty();
        assertRowsHold(rows(Files.readString(file)), run);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }
}
