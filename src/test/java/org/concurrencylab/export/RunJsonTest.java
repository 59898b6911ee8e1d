package org.concurrencylab.export;

import org.concurrencylab.core.run.RunParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class RunJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /// A run made by hand with every kind of value a file must carry: user URLs, a failed
    /// segment, a task-only segment, an open one, labels with non-ASCII text and quotes.
    static RunResult handMade() {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(2).withTasks(3)
                .with(RunParams.LATENCY_MS, 40).withWarmup(false)
                .withUrls(List.of(URI.create("http://127.0.0.1:8080/a?x=1"), URI.create("https://example.org/b")));
        List<Lane> lanes = List.of(new Lane(0, "pool-1", LaneKind.THREAD), new Lane(1, "pool-2", LaneKind.THREAD));
        List<Segment> segments = List.of(
                Segment.closed(Segment.NO_LANE, 2, State.QUEUED, 0, 1_500_000, "task 2"),
                Segment.closed(0, 0, State.WORK, 10_000, 250_000, "request"),
                Segment.closed(1, 1, State.WORK, 12_000, 240_000, ""),
                new Segment(0, 0, State.IO_WAIT, 250_000, 41_000_000, "GET /a?x=1 (49,152 bytes, \"µ\")", null, false),
                new Segment(1, 1, State.IO_WAIT, 240_000, 40_100_000, "GET /b", "HTTP 500 Internal Server Error", false),
                new Segment(1, 2, State.IO_WAIT, 40_100_000, 80_000_000, "GET /a?x=1", null, true));
        List<TaskOutcome> outcomes = List.of(
                TaskOutcome.success(0, "GET /a?x=1", "49,152 bytes, 12 links"),
                TaskOutcome.failure(1, "GET /b", "HTTP 500 Internal Server Error"));
        return new RunResult(spec, 80_500_000, 3, 1, true, lanes, segments, outcomes,
                RunStats.of(80_500_000, 12_345_678, segments));
    }

    @Test
    void a_hand_made_run_reads_back_equal_from_a_string() throws IOException {
        RunResult run = handMade();

        RunResult back = RunJson.fromJson(RunJson.toJson(run));

        assertThat(back.spec()).isEqualTo(run.spec());
        assertThat(back.lanes()).isEqualTo(run.lanes());
        assertThat(back.segments()).isEqualTo(run.segments());
        assertThat(back.outcomes()).isEqualTo(run.outcomes());
        assertThat(back.stats()).isEqualTo(run.stats());
        assertThat(back).isEqualTo(run);
    }

    @Test
    void a_hand_made_run_reads_back_equal_from_a_file() throws IOException {
        RunResult run = handMade();
        Path file = dir.resolve("run.json");

        RunJson.write(run, file);

        assertThat(RunJson.read(file)).isEqualTo(run);
    }

    @Test
    void a_real_run_reads_back_equal() throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withTasks(3).with(RunParams.BASE, 10_000).withWarmup(false);
        RunResult run;
        try (RunEngine engine = new RunEngine()) {
            run = engine.start(spec).result().get(20, TimeUnit.SECONDS);
        }
        assertThat(run.segments()).isNotEmpty();
        Path file = dir.resolve("cpu.json");

        RunJson.write(run, file);
        RunResult back = RunJson.read(file);

        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.lanes()).isEqualTo(run.lanes());
        assertThat(back.segments()).isEqualTo(run.segments());
        assertThat(back.outcomes()).hasSize(3).isEqualTo(run.outcomes());
        assertThat(back.stats()).isEqualTo(run.stats());
        assertThat(back).isEqualTo(run);
    }

    @Test
    void a_fibonacci_run_saves_its_n_and_reopens_equal() throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS).withWorkers(2).withTasks(3)
                .with(RunParams.FIB_N, 20).withWarmup(false);
        RunResult run;
        try (RunEngine engine = new RunEngine()) {
            run = engine.start(spec).result().get(20, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("fib.json");

        RunJson.write(run, file);
        JsonNode root = JSON.readTree(file.toFile());
        RunResult back = RunJson.read(file);

        assertThat(root.get("spec").get("workload").asText()).isEqualTo("fib");
        assertThat(root.get("spec").get("fibN").asInt()).isEqualTo(20);
        assertThat(root.get("spec").has("base")).as("the sums' first number is not the fib's").isFalse();
        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.spec().fibN()).isEqualTo(20);
        assertThat(back.outcomes()).extracting(TaskOutcome::result).containsExactly("6765", "6765", "6765");
        assertThat(back).isEqualTo(run);
    }

    @Test
    void the_file_has_the_documented_fields_with_models_and_workloads_by_their_ids() throws IOException {
        RunResult run = handMade();

        JsonNode root = JSON.readTree(RunJson.toJson(run));

        assertThat(root.get("format").asInt()).isEqualTo(RunJson.FORMAT);
        assertThat(root.get("wallNanos").asLong()).isEqualTo(80_500_000);
        assertThat(root.get("tasks").asInt()).isEqualTo(3);
        assertThat(root.get("errors").asInt()).isEqualTo(1);
        assertThat(root.get("cancelled").asBoolean()).isTrue();
        assertThat(root.get("stats").isObject()).isTrue();
        assertThat(root.get("stats").get("wallNanos").asLong()).isEqualTo(80_500_000);
        assertThat(root.get("stats").get("cpuNanos").asLong()).isEqualTo(12_345_678);

        JsonNode spec = root.get("spec");
        assertThat(spec.get("workload").asText()).isEqualTo("download");
        assertThat(spec.get("model").asText()).isEqualTo("threads");
        assertThat(spec.get("workers").asInt()).isEqualTo(2);
        assertThat(spec.get("urls").get(1).asText()).isEqualTo("https://example.org/b");

        JsonNode lanes = root.get("lanes");
        assertThat(lanes.size()).isEqualTo(2);
        assertThat(lanes.get(1).get("id").asInt()).isEqualTo(1);
        assertThat(lanes.get(1).get("name").asText()).isEqualTo("pool-2");
        assertThat(lanes.get(1).get("kind").asText()).isEqualTo("THREAD");

        JsonNode segments = root.get("segments");
        assertThat(segments.size()).isEqualTo(6);
        JsonNode failed = segments.get(4);
        assertThat(failed.get("lane").asInt()).isEqualTo(1);
        assertThat(failed.get("task").asInt()).isEqualTo(1);
        assertThat(failed.get("state").asText()).isEqualTo("IO_WAIT");
        assertThat(failed.get("start").asLong()).isEqualTo(240_000);
        assertThat(failed.get("end").asLong()).isEqualTo(40_100_000);
        assertThat(failed.get("error").asText()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(segments.get(0).get("lane").asInt()).isEqualTo(Segment.NO_LANE);

        assertThat(root.get("outcomes").size()).isEqualTo(2);
    }

    @Test
    void a_file_written_over_an_older_one_replaces_it_and_leaves_nothing_else() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old");

        RunJson.write(handMade(), file);

        assertThat(RunJson.read(file)).isEqualTo(handMade());
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void a_truncated_file_fails_to_read_with_an_io_exception_saying_the_input_ended() throws IOException {
        String json = RunJson.toJson(handMade());
        Path file = dir.resolve("cut.json");
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> RunJson.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> RunJson.read(dir.resolve("empty.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void json_that_is_not_a_run_fails_with_a_message_saying_so() {
        assertThatThrownBy(() -> RunJson.fromJson("{}")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Concurrency Lab run file");
        assertThatThrownBy(() -> RunJson.fromJson("{\"format\": 99}")).isInstanceOf(IOException.class)
                .hasMessageContaining("newer version");
    }

    @Test
    void an_unknown_model_id_fails_with_a_message_naming_it() {
        String json = RunJson.toJson(handMade()).replace("\"threads\"", "\"nosuch\"");

        assertThatThrownBy(() -> RunJson.fromJson(json)).isInstanceOf(IOException.class)
                .hasMessageContaining("nosuch");
    }

    @Test
    void writing_into_a_missing_folder_fails_and_leaves_no_temporary_file() {
        Path file = dir.resolve("missing").resolve("run.json");

        assertThatThrownBy(() -> RunJson.write(handMade(), file)).isInstanceOf(IOException.class);
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void writing_onto_a_folder_fails_and_removes_its_temporary_file() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("run.json"));
        Files.writeString(folder.resolve("inside"), "keeps the folder non-empty");

        assertThatThrownBy(() -> RunJson.write(handMade(), folder)).isInstanceOf(IOException.class);
        assertThat(filesIn(dir)).containsExactly(folder);
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_file_written_before_the_timeouts_existed_loads_with_the_default_timeouts() throws IOException {
        RunResult run = handMade();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(RunJson.toJson(run));
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("spec");
        assertThat(spec.get("connectTimeoutMs").asInt()).isEqualTo(10_000);
        assertThat(spec.get("readTimeoutMs").asInt()).isEqualTo(30_000);
        spec.remove("connectTimeoutMs");
        spec.remove("readTimeoutMs");
        Path file = dir.resolve("old.json");
        Files.writeString(file, JSON.writeValueAsString(root));

        RunResult back = RunJson.read(file);

        assertThat(back.spec().connectTimeoutMs()).isEqualTo(RunParams.DEFAULT_CONNECT_TIMEOUT_MS);
        assertThat(back.spec().readTimeoutMs()).isEqualTo(RunParams.DEFAULT_READ_TIMEOUT_MS);
        assertThat(back).isEqualTo(run);
    }

    @Test
    void the_timeouts_of_a_run_read_back() throws IOException {
        RunResult run = handMade();
        RunSpec spec = run.spec().with(RunParams.CONNECT_TIMEOUT_MS, 1_500).with(RunParams.READ_TIMEOUT_MS, 250);
        RunResult changed = new RunResult(spec, run.wallNanos(), run.tasks(), run.errors(), run.cancelled(), run.lanes(),
                run.segments(), run.outcomes(), run.stats());

        RunResult back = RunJson.fromJson(RunJson.toJson(changed));

        assertThat(back.spec().connectTimeoutMs()).isEqualTo(1_500);
        assertThat(back.spec().readTimeoutMs()).isEqualTo(250);
    }
}
