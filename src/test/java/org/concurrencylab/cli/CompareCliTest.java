package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// `compare` and `sweep` on small workloads, in-process through [Cli#execute].
@Timeout(120)
class CompareCliTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("compare", "--workload", "nosuch"), "nosuch"),
                Arguments.of(List.of("compare", "--tasks", "0"), "tasks"),
                Arguments.of(List.of("compare", "--workers", "0"), "--workers"),
                Arguments.of(List.of("compare", "--processes", "5000"), "--processes"),
                Arguments.of(List.of("compare", "--workload", "cpu", "--url", "http://example.org/"), "--url"),
                Arguments.of(List.of("compare", "--json", "/nonexistent-dir/x.json"), "/nonexistent-dir"),
                Arguments.of(List.of("compare", "--png", "/nonexistent-dir/x.png"), "/nonexistent-dir"),
                Arguments.of(List.of("compare", "--width", "10"), "--width"),
                Arguments.of(List.of("sweep", "--param", "nosuch"), "nosuch"),
                Arguments.of(List.of("sweep", "--model", "eventloop", "--param", "workers"), "--param workers"),
                Arguments.of(List.of("sweep", "--workload", "cpu", "--param", "latency"), "--param latency"),
                Arguments.of(List.of("sweep", "--model", "processes", "--param", "switch-ms"), "--param switch-ms"),
                Arguments.of(List.of("sweep", "--values", "1,x"), "--values: 'x' is not a whole number"),
                Arguments.of(List.of("sweep", "--values", "0,2"), "--values: workers = 0"),
                Arguments.of(List.of("sweep", "--values", ""), "--values"),
                Arguments.of(List.of("sweep", "--model", "sync", "--workers", "3", "--param", "tasks"), "--workers"),
                Arguments.of(List.of("sweep", "--model", "eventloop", "--gil", "--param", "tasks"), "--gil"),
                Arguments.of(List.of("sweep", "--png", "/nonexistent-dir/x.png"), "/nonexistent-dir"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_arguments_exit_2_with_exactly_one_line_on_stderr_naming_the_problem(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void compare_runs_every_model_prints_a_row_each_and_a_verdict_and_writes_json_and_png() throws Exception {
        Path json = dir.resolve("compare.json");
        Path png = dir.resolve("compare.png");

        CliRun.Outcome outcome = CliRun.run("compare", "--workload", "download", "--tasks", "8", "--latency-ms", "5",
                "--workers", "4", "--processes", "2", "--no-warmup", "--json", json.toString(), "--png", png.toString());

        assertThat(outcome.code()).as(outcome.out() + outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).isEmpty();
        List<String> lines = outcome.outLines();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("compare download: 8 pages, demo sites at 5 ms; 7 runs, one after another");
        assertThat(lines.get(1)).startsWith("model").contains("wall", "speed-up", "CPU time", "threads", "ideal", "efficiency");
        assertThat(lines.subList(2, 9)).extracting(l -> l.substring(0, 24).strip()).containsExactly("sync", "threads (4)",
                "threads (4) + GIL", "event loop", "processes (2)", "virtual threads", "virtual threads + GIL");
        assertThat(lines.get(2)).contains("1.00×", "40 ms");
        assertThat(lines.get(9)).as("a clear winner or a tie within the noise band")
                .matches("I/O-bound: .+ (was|were) (fastest|about as fast \\(within 10%.*).*\\.");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("kind").asText()).isEqualTo("compare");
        assertThat(root.get("verdict").asText()).isEqualTo(lines.get(9));
        assertThat(root.get("rows")).hasSize(7);
        assertThat(root.get("runs")).hasSize(7);
        assertThat(root.get("rows").get(0).get("speedUp").asDouble()).isEqualTo(1.0);
        assertThat(root.get("rows").get(3).get("idealNanos").asLong()).as("8 pages in one round of 5 ms").isEqualTo(5_000_000L);
        for (JsonNode run : root.get("runs")) {
            assertThat(run.get("tasks").asInt()).isEqualTo(8);
            assertThat(run.get("segments").size()).isPositive();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isGreaterThan(7 * 80);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left").containsExactlyInAnyOrder(json, png);
        }
    }

    @Test
    void sweep_prints_one_line_per_value_then_the_fastest_and_writes_json_and_a_chart() throws Exception {
        Path json = dir.resolve("sweep.json");
        Path png = dir.resolve("sweep.png");

        CliRun.Outcome outcome = CliRun.run("sweep", "--workload", "download", "--model", "threads", "--param", "workers",
                "--values", "4,1,2", "--tasks", "8", "--latency-ms", "10", "--no-warmup",
                "--json", json.toString(), "--png", png.toString(), "--width", "900", "--height", "600");

        assertThat(outcome.code()).as(outcome.out() + outcome.err()).isEqualTo(Cli.OK);
        List<String> lines = outcome.outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("sweep download threads: 8 pages, demo sites at 10 ms; workers = 1,2,4");
        assertThat(lines.get(1)).matches("workers=1 wall=\\d+\\.\\d{3}s ideal=0\\.080s efficiency=\\d+% errors=0.*");
        assertThat(lines.get(2)).startsWith("workers=2 ").contains("ideal=0.040s");
        assertThat(lines.get(3)).startsWith("workers=4 ").contains("ideal=0.020s");
        assertThat(lines.get(4)).startsWith("fastest: workers=");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("param").asText()).isEqualTo("workers");
        assertThat(root.get("points")).extracting(p -> p.get("value").asInt()).containsExactly(1, 2, 4);
        assertThat(root.get("runs")).hasSize(3);
        assertThat(root.get("reference").isNull()).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void a_cpu_bound_sweep_first_times_a_synchronous_reference() {
        CliRun.Outcome outcome = CliRun.run("sweep", "--workload", "cpu", "--model", "threads", "--values", "1,2",
                "--tasks", "4", "--base", "20000", "--no-warmup");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).hasSize(5);
        assertThat(outcome.outLines().get(1)).startsWith("reference: sync wall=");
        assertThat(outcome.outLines().get(2)).startsWith("workers=1 ").contains("ideal=", "efficiency=");
    }
}
