package org.concurrencylab.export;

import org.concurrencylab.core.run.RunParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/// The Chrome Trace Event file: metadata naming every process and thread, one complete event
/// per segment with exact times, and slices on one thread that never overlap.
@Timeout(30)
class TraceEventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<JsonNode> events(JsonNode root, String phase) {
        return StreamSupport.stream(root.get("traceEvents").spliterator(), false)
                .filter(e -> e.get("ph").asText().equals(phase)).toList();
    }

    /// Metadata events of `name`, as pid (and tid) → their args' `key`.
    static Map<String, String> metadata(JsonNode root, String name, String key) {
        return events(root, "M").stream().filter(e -> e.get("name").asText().equals(name))
                .collect(Collectors.toMap(e -> e.get("pid").asInt() + "/" + e.get("tid").asInt(),
                        e -> e.get("args").get(key).asText(), (a, b) -> a + " AND " + b, TreeMap::new));
    }

    /// Asserts that no two complete events on one pid/tid share a positive stretch of time.
    static void assertNoOverlapPerThread(JsonNode root) {
        Map<String, List<JsonNode>> byThread = events(root, "X").stream()
                .collect(Collectors.groupingBy(e -> e.get("pid").asInt() + "/" + e.get("tid").asInt()));
        byThread.forEach((thread, slices) -> {
            List<JsonNode> sorted = new ArrayList<>(slices);
            sorted.sort(Comparator.comparing((JsonNode e) -> e.get("ts").decimalValue())
                    .thenComparing(e -> e.get("dur").decimalValue()));
            for (int i = 1; i < sorted.size(); i++) {
                BigDecimal previousEnd = sorted.get(i - 1).get("ts").decimalValue().add(sorted.get(i - 1).get("dur").decimalValue());
                assertThat(sorted.get(i).get("ts").decimalValue()).as("thread %s, slice %s", thread, sorted.get(i))
                        .isGreaterThanOrEqualTo(previousEnd);
            }
        });
    }

    private static JsonNode read(RunResult run) throws IOException {
        return JSON.readTree(TraceEventJson.toJson(run));
    }

    @Test
    void the_app_and_each_child_process_are_named_processes_and_each_lane_a_named_thread() throws IOException {
        JsonNode root = read(ExportFixtures.processPool());

        assertThat(metadata(root, "process_name", "name")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "1/0", "Concurrency Lab: Download sites · Process pool (2 processes)",
                "2/0", "process 1 <pid 41>",
                "3/0", "process 2 & co",
                "4/0", "queued tasks")));
        assertThat(metadata(root, "thread_name", "name")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "2/1", "process 1 <pid 41>",
                "3/2", "process 2 & co",
                "4/3", "queue 1",
                "4/4", "queue 2",
                "4/5", "queue 3")));
        assertThat(metadata(root, "process_sort_index", "sort_index").values()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void every_segment_is_one_complete_event_named_by_its_state_with_exact_microseconds() throws IOException {
        RunResult run = ExportFixtures.processPool();

        List<JsonNode> slices = events(read(run), "X");

        assertThat(slices).hasSize(run.segments().size());
        for (int i = 0; i < slices.size(); i++) {
            JsonNode e = slices.get(i);
            Segment s = run.segments().get(i);
            assertThat(e.get("name").asText()).isEqualTo(s.state().label());
            assertThat(e.get("ts").decimalValue().movePointRight(3).longValueExact()).isEqualTo(s.start());
            assertThat(e.get("dur").decimalValue().movePointRight(3).longValueExact()).isEqualTo(s.duration());
            assertThat(e.get("pid").isInt()).isTrue();
            assertThat(e.get("tid").isInt()).isTrue();
            assertThat(e.get("args").isObject()).isTrue();
            if (s.task() != Segment.NO_TASK) assertThat(e.get("args").get("task").asInt()).isEqualTo(s.task());
            else assertThat(e.get("args").has("task")).isFalse();
            if (s.lane() == Segment.NO_LANE) assertThat(e.get("pid").asInt()).as("queued tasks").isEqualTo(4);
            else assertThat(e.get("pid").asInt()).as("the child's own pid").isEqualTo(2 + s.lane());
        }
        assertThat(slices).extracting(e -> e.get("name").asText())
                .containsOnly("CPU", "I/O wait", "start-up", "queued");
    }

    @Test
    void args_name_the_url_and_bytes_of_a_download_the_n_of_a_sum_and_the_error_of_a_failure() throws IOException {
        List<JsonNode> download = events(read(ExportFixtures.processPool()), "X");
        List<JsonNode> sum = events(read(ExportFixtures.sumOfSquares()), "X");

        JsonNode large = download.stream().filter(e -> e.get("args").path("bytes").asLong() == 49_152).findFirst().orElseThrow();
        assertThat(large.get("args").get("url").asText()).isEqualTo("http://127.0.0.1:8080/large");
        assertThat(large.get("args").get("label").asText()).isEqualTo("http://127.0.0.1:8080/large (49,152 bytes)");
        assertThat(large.get("args").has("error")).isFalse();
        JsonNode failed = download.stream().filter(e -> e.get("args").has("error")).collect(Collectors.toList()).getFirst();
        assertThat(failed.get("args").get("error").asText()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(failed.get("args").get("url").asText()).isEqualTo("http://127.0.0.1:8080/large");
        assertThat(failed.get("args").has("bytes")).as("a failed download read nothing").isFalse();
        assertThat(sum).extracting(e -> e.get("args").get("n").asLong()).containsExactly(5_000_000L, 5_000_001L, 5_000_002L);
    }

    @Test
    void overlapping_queued_time_is_spread_over_queue_threads_so_no_thread_has_overlapping_slices() throws IOException {
        JsonNode root = read(ExportFixtures.processPool());

        assertNoOverlapPerThread(root);
        // three tasks wait from the start at once: three queue threads; the fourth reuses one
        assertThat(events(root, "X").stream().filter(e -> e.get("pid").asInt() == 4).map(e -> e.get("tid").asInt()).distinct())
                .containsExactlyInAnyOrder(3, 4, 5);
    }

    @Test
    void other_data_holds_the_spec_the_wall_time_the_model_and_the_workload() throws IOException {
        RunResult run = ExportFixtures.processPool();

        JsonNode other = read(run).get("otherData");

        assertThat(other.get("workload").asText()).isEqualTo("download");
        assertThat(other.get("model").asText()).isEqualTo("processes");
        assertThat(other.get("wallNanos").asLong()).isEqualTo(341_000_000L);
        assertThat(other.get("wallMs").decimalValue()).isEqualByComparingTo("341");
        assertThat(other.get("errors").asInt()).isEqualTo(1);
        assertThat(other.get("spec").get("workers").asInt()).isEqualTo(2);
        assertThat(other.get("spec").get("latencyMs").asInt()).isEqualTo(40);
        assertThat(other.get("spec").get("model").asText()).isEqualTo("processes");
        assertThat(read(run).get("displayTimeUnit").asText()).isEqualTo("ms");
    }

    @Test
    void a_real_process_pool_run_puts_each_child_in_a_process_of_its_own() throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.PROCESSES).withWorkers(2).withTasks(4).with(RunParams.BASE, 1_000)
                .withWarmup(false);
        RunResult run;
        try (RunEngine engine = new RunEngine()) {
            run = engine.start(spec).result().get(30, TimeUnit.SECONDS);
        }

        JsonNode root = read(run);

        assertThat(run.lanes()).hasSize(2);
        Map<String, String> processes = metadata(root, "process_name", "name");
        assertThat(processes).containsKeys("1/0", "2/0", "3/0");
        assertThat(processes.get("2/0")).isEqualTo(run.lanes().get(0).name());
        assertThat(processes.get("3/0")).isEqualTo(run.lanes().get(1).name());
        assertThat(events(root, "X")).hasSize(run.segments().size())
                .filteredOn(e -> e.get("name").asText().equals("start-up")).extracting(e -> e.get("pid").asInt())
                .containsExactlyInAnyOrder(2, 3);
        assertNoOverlapPerThread(root);
    }

    @Test
    void a_real_thread_pool_download_has_one_slice_per_segment_and_no_overlap_on_any_thread() throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(3).withTasks(12)
                .with(RunParams.LATENCY_MS, 5).withWarmup(false);
        RunResult run;
        try (RunEngine engine = new RunEngine()) {
            run = engine.start(spec).result().get(20, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("run.trace.json");

        TraceEventJson.write(run, file);

        JsonNode root = JSON.readTree(file.toFile());
        assertThat(events(root, "X")).hasSize(run.segments().size());
        assertNoOverlapPerThread(root);
        assertThat(metadata(root, "thread_name", "name")).containsValues("pool-1", "pool-2", "pool-3");
        assertThat(events(root, "X")).filteredOn(e -> e.get("name").asText().equals("I/O wait"))
                .hasSize(12).allSatisfy(e -> {
                    assertThat(e.get("args").get("url").asText()).startsWith("http://127.0.0.1:");
                    assertThat(e.get("args").get("bytes").asLong()).isPositive();
                });
        assertThat(run.segments()).anySatisfy(s -> assertThat(s.state()).isEqualTo(State.WORK));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }
}
