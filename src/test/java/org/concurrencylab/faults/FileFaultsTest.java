package org.concurrencylab.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.history.RunHistory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Files that never lie. An output path that is not a regular file (a link, a pipe, a device) or
/// whose name no file system takes is refused before the run, and left as it was. A run file
/// that is empty, damaged or crafted (times near `Long.MAX_VALUE`, a lane 2,147,483,647, lanes
/// out of order, counts that contradict each other) is refused by `export` and the History in
/// one line that names the file and what is wrong, before anything is written, and nothing in
/// the lab loops on it. A CSV cell a spreadsheet would run as a formula is written as text.
@ExtendWith(FaultLedger.class)
@Timeout(60)
class FileFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /// A path that is not a file to write: the line that refuses it, and what it must still be.
    record NotAFile(String name, Path path, String message, Consumer<Path> stillThere) {}

    private static List<NotAFile> notFiles() throws Exception {
        Path target = Files.writeString(dir.resolve("target.json"), "keep me");
        Path link = dir.resolve("link.json");
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, target);
        Path pipe = dir.resolve("pipe.json");
        if (!Files.exists(pipe, LinkOption.NOFOLLOW_LINKS)) {
            assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
        }
        Path tooLong = dir.resolve("a".repeat(300) + ".json");
        Path deep = dir.resolve("deep");
        for (int i = 0; i < 19; i++) deep = deep.resolve("d".repeat(200));
        Files.createDirectories(deep);
        Path deepFile = deep.resolve("x".repeat(245) + ".json"); // each name fits, the whole path does not
        int deepBytes = deepFile.toString().getBytes(StandardCharsets.UTF_8).length;
        return List.of(
                new NotAFile("a symbolic link", link, link + " is a symbolic link: give the file it points to, or another name",
                        p -> {
                            assertThat(Files.isSymbolicLink(p)).isTrue();
                            assertThat(read(target)).isEqualTo("keep me");
                        }),
                new NotAFile("a named pipe", pipe, pipe + " is not a regular file (a device, a pipe or a socket): give a file name",
                        p -> assertThat(Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).isTrue()),
                new NotAFile("a device", Path.of("/dev/null"), "/dev/null is not a regular file (a device, a pipe or a socket): give a file name",
                        p -> assertThat(Files.exists(p) && !Files.isRegularFile(p)).isTrue()),
                new NotAFile("a name of 305 bytes", tooLong, "the name " + tooLong.getFileName()
                        + " is too long: file systems take 255 bytes at most", p -> assertThat(Files.exists(p)).isFalse()),
                new NotAFile("a path of " + String.format(Locale.ROOT, "%,d", deepBytes) + " bytes", deepFile,
                        String.format(Locale.ROOT, "the path of %s is too long: %,d bytes with its folders, more than the file system takes",
                                deepFile, deepBytes), p -> assertThat(p.getParent()).isEmptyDirectory()));
    }

    @TestFactory
    @EnabledOnOs(OS.LINUX)
    Stream<DynamicTest> an_output_path_that_is_not_a_regular_file_is_refused_before_the_run_and_left_alone() throws Exception {
        return notFiles().stream().map(n -> DynamicTest.dynamicTest(n.name(), () -> FaultLedger.badInput("output path: " + n.name(), () -> {
            assertThatThrownBy(() -> Exports.checkWritable(n.path())).isInstanceOf(IOException.class).hasMessage(n.message());
            assertThatThrownBy(() -> RunJson.write(RunJsonSample.tiny(), n.path())).isInstanceOf(IOException.class)
                    .hasMessage(n.message());
            FaultCli.assertRefused(List.of("run", "--workload", "cpu", "--tasks", "1", "--no-warmup", "--json", n.path().toString()),
                    "--json: " + n.message());
            FaultCli.assertRefused(List.of("run", "--workload", "cpu", "--tasks", "1", "--no-warmup", "--csv", n.path().toString()),
                    "--csv: " + n.message());
            n.stillThere().accept(n.path());
            assertThat(temporaryFilesIn(dir)).isEmpty();
        })));
    }

    @Test
    void a_name_of_255_bytes_is_written_even_in_characters_of_two_bytes() throws Exception {
        FaultLedger.badInput("output path: a name of 255 bytes, in characters of two bytes", () -> {
            Path file = dir.resolve("é".repeat(125) + ".json"); // 250 + 5 bytes
            RunJson.write(RunJsonSample.tiny(), file);

            assertThat(RunJson.read(file)).isEqualTo(RunJsonSample.tiny());
            assertThat(temporaryFilesIn(dir)).isEmpty();
        });
    }

    private static List<Path> temporaryFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /// A run file made bad one way: its text, and what is wrong with it as the line says it.
    record BadFile(String name, String text, String problem) {}

    private static String tiny(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(RunJson.toJson(RunJsonSample.tiny()));
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode segment(ObjectNode root, int i) {
        return (ObjectNode) root.get("segments").get(i);
    }

    private static List<BadFile> badFiles() throws IOException {
        return List.of(
                new BadFile("an empty file", "", "not a Concurrency Lab run file (it is empty)"),
                new BadFile("null", "null", "not a Concurrency Lab run file (it holds null)"),
                new BadFile("an array", "[]", "not a Concurrency Lab run file (it is not a JSON object)"),
                new BadFile("a wall near Long.MAX_VALUE", tiny(r -> r.put("wallNanos", Long.MAX_VALUE - 1)),
                        "wallNanos is 9,223,372,036,854,775,806 ns, longer than any run (at most 1,000,000 s)"),
                new BadFile("a segment ending near Long.MAX_VALUE", tiny(r -> segment(r, 1).put("end", Long.MAX_VALUE)),
                        "segment 1 end is 9,223,372,036,854,775,807 ns, longer than any run (at most 1,000,000 s)"),
                new BadFile("a time that overflows", tiny(r -> segment(r, 1).put("end", new BigInteger("9223372036854775808"))),
                        "segments[1].end: 9223372036854775808 is out of range (a whole number from -9,223,372,036,854,775,808 to "
                                + "9,223,372,036,854,775,807 here)"),
                new BadFile("a wall of 1.5e30 ns", tiny(r -> r.put("wallNanos", 1.5e30)),
                        "wallNanos: 1.5E30 is out of range (a whole number from -9,223,372,036,854,775,808 to 9,223,372,036,854,775,807 here)"),
                new BadFile("a lane of 2^31", tiny(r -> segment(r, 0).put("lane", 1L << 31)),
                        "segments[0].lane: 2147483648 is out of range (a whole number from -2,147,483,648 to 2,147,483,647 here)"),
                new BadFile("a number of 1,200 digits", tiny(r -> r.put("wallNanos", new BigInteger("1".repeat(1_200)))),
                        "a number of 1,200 digits, longer than the 1,000 a run file may hold"),
                new BadFile("values nested 2,000 deep", "{\"format\": 1, \"spec\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}",
                        "values nested over 1,000 deep, where a run file nests a few"),
                new BadFile("a negative wall", tiny(r -> r.put("wallNanos", -5)), "wallNanos is -5 ns, before the run began"),
                new BadFile("a negative start", tiny(r -> segment(r, 0).put("start", -5)), "segment 0 start is -5 ns, before the run began"),
                new BadFile("a segment that ends before it starts", tiny(r -> segment(r, 0).put("start", 100).put("end", 50)),
                        "segments[0]: segment ends before it starts: 100 > 50"),
                new BadFile("a segment on lane 2147483647", tiny(r -> segment(r, 0).put("lane", Integer.MAX_VALUE)),
                        "segment 0 is on lane 2147483647, but the run has 1 lane"),
                new BadFile("a negative lane", tiny(r -> ((ObjectNode) r.get("lanes").get(0)).put("id", -1)),
                        "lanes[0]: lane id must be >= 0: -1"),
                new BadFile("lanes out of order", tiny(r -> {
                    ArrayNode lanes = (ArrayNode) r.get("lanes");
                    ((ObjectNode) lanes.get(0)).put("id", 1);
                    lanes.addObject().put("id", 0).put("name", "pool-2").put("kind", "THREAD");
                }), "lanes are out of order: lane 0 has the id 1"),
                new BadFile("a null lane", tiny(r -> ((ArrayNode) r.get("lanes")).insertNull(0)), "lane 0 is null"),
                new BadFile("tasks: -1", tiny(r -> r.put("tasks", -1)), "tasks is -1, but a run has between 0 and 1000000 tasks"),
                new BadFile("a segment of a task the run does not have", tiny(r -> segment(r, 1).put("task", 5)),
                        "segment 1 belongs to task 5, but the run has 2 tasks"),
                new BadFile("errors that contradict the outcomes", tiny(r -> r.put("errors", 0)), "errors is 0, but 1 outcome failed"),
                new BadFile("an outcome of a task the run does not have", tiny(r -> ((ObjectNode) r.get("outcomes").get(1)).put("task", 7)),
                        "outcome 1 is of task 7, but the run has 2 tasks"),
                new BadFile("two outcomes of one task", tiny(r -> ((ObjectNode) r.get("outcomes").get(1)).put("task", 0)),
                        "task 0 has two outcomes"),
                new BadFile("an unknown state", tiny(r -> segment(r, 0).put("state", "SLEEPING")),
                        "segments[0].state: 'SLEEPING' is not one of [WORK, READY, PAUSED, IO_WAIT, LOCK_WAIT, STARTUP, QUEUED]"),
                new BadFile("a negative peak", tiny(r -> ((ObjectNode) r.get("stats")).put("peakConcurrency", -1)),
                        "stats.peakConcurrency is -1, but the run has 1 lane"));
    }

    /// `export` refuses each with exit 2 and one line, writes none of the files asked for; the
    /// History skips it with the same words (the window's Ctrl+O reads run files the same way).
    @TestFactory
    Stream<DynamicTest> a_damaged_or_crafted_run_file_is_refused_in_one_line_and_nothing_is_written() throws IOException {
        return badFiles().stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> FaultLedger.badInput("run file: " + b.name(), () -> {
            Path folder = Files.createDirectories(dir.resolve("bad-" + b.name().replaceAll("\\W+", "-")));
            Path file = Files.writeString(folder.resolve("run.json"), b.text(), StandardCharsets.UTF_8);
            Path out = folder.resolve("out");

            FaultCli.assertRefused(List.of("export", file.toString(), "--csv", out + ".csv", "--trace", out + ".trace.json",
                    "--json", out + ".json", "--svg", out + ".svg"), "cannot read the run file " + file + ": " + b.problem());
            try (Stream<Path> left = Files.list(folder)) {
                assertThat(left).as("nothing written").containsExactly(file);
            }
            RunHistory.Loaded loaded = new RunHistory(folder).load();
            assertThat(loaded.entries()).isEmpty();
            assertThat(loaded.problems()).containsExactly("Skipped run.json: " + b.problem());
        })));
    }

    @Test
    void the_time_axis_and_the_lanes_of_the_diagram_stay_bounded_whatever_they_are_given() throws Exception {
        FaultLedger.badInput("diagram: a time axis up to Long.MAX_VALUE", () -> {
            List<Ticks.Tick> ticks = Ticks.choose(new TimeScale(0, Long.MAX_VALUE, 0, 1_200), 80);
            assertThat(ticks).isNotEmpty().hasSizeLessThanOrEqualTo(Ticks.MAX_TICKS);
            assertThat(ticks).extracting(Ticks.Tick::nanos).isSorted().allMatch(t -> t >= 0);
            assertThat(Ticks.choose(new TimeScale(Long.MAX_VALUE - 10, Long.MAX_VALUE, 0, 1_200), 80)).hasSizeLessThanOrEqualTo(11);
            assertThat(TimeScale.roundUpSpan(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        });
        FaultLedger.badInput("diagram: a segment on lane 2147483647", () -> {
            Lane lane = new Lane(0, "pool-1", LaneKind.THREAD);
            Segment far = Segment.closed(Integer.MAX_VALUE, 0, State.WORK, 0, 1, "");
            assertThatThrownBy(() -> TraceModel.of(List.of(lane), List.of(far))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a segment on lane 2147483647, but the trace has 1 lanes");
            Segment farTask = Segment.closed(0, Integer.MAX_VALUE, State.WORK, 0, 1, "");
            assertThatThrownBy(() -> TraceModel.of(List.of(lane), List.of(farTask)).byTask())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("task 2147483647 is beyond the 1000000 tasks a run has");
        });
    }

    /// Labels are URLs the user typed and error texts servers sent: a cell that starts like a
    /// formula gets a quote before it (OWASP), through `export --csv` as through `run --csv`.
    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd");
        List<Segment> segments = new ArrayList<>();
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            segments.add(new Segment(0, i, State.IO_WAIT, i * 10L, i * 10L + 5, formulas.get(i), i == 0 ? "=1/0" : null, false));
            outcomes.add(i == 0 ? TaskOutcome.failure(0, "task 1", "=1/0") : TaskOutcome.success(i, "task " + (i + 1), "ok"));
        }
        segments.add(Segment.closed(0, Segment.NO_TASK, State.WORK, 100, 110, "a plain label"));
        RunResult run = new RunResult(RunJsonSample.tiny().spec().withTasks(formulas.size()), 110, formulas.size(), 1, false,
                List.of(new Lane(0, "=cmd|' /C calc'!A0", LaneKind.THREAD)), segments, outcomes, RunStats.of(110, 0, segments));
        Path file = dir.resolve("formulas.json");
        RunJson.write(run, file);
        Path csv = dir.resolve("formulas.csv");
        for (String formula : formulas) {
            FaultLedger.badInput("CSV: a cell that starts with " + formula.substring(0, 1).replace("\t", "a tab").replace("\r", "a CR"), () -> {
                FaultCli.Outcome outcome = FaultCli.run(List.of("export", file.toString(), "--csv", csv.toString()));
                assertThat(outcome.code()).as(outcome.err()).isZero();
                List<Map<String, String>> rows = rows(csv);
                assertThat(rows).hasSize(formulas.size() + 1);
                assertThat(rows).extracting(r -> r.get("label")).contains("'" + formula).contains("a plain label");
                assertThat(rows).allSatisfy(r -> assertThat(r.get("lane_name")).isEqualTo("'=cmd|' /C calc'!A0"));
                assertThat(rows.getFirst().get("error")).isEqualTo("'=1/0");
                assertThat(rows.getFirst().get("lane")).isEqualTo("0");
            });
        }
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            return it.readAll();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_run_file_written_by_the_lab_passes_every_check() throws Exception {
        JsonNode tree = JSON.readTree(RunJson.toJson(RunJsonSample.tiny()));
        assertThat(RunJson.fromJson(JSON.writeValueAsString(tree))).isEqualTo(RunJsonSample.tiny());
    }
}
