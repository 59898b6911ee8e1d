package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// `--connect-timeout-ms` and `--read-timeout-ms` on `run`, `compare` and `sweep`.
@Timeout(120)
class CliTimeoutsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badTimeouts() {
        return Stream.of(
                Arguments.of(List.of("run", "--connect-timeout-ms", "0"), "--connect-timeout-ms must be between 1 and 600000 ms, was 0"),
                Arguments.of(List.of("run", "--read-timeout-ms", "600001"), "--read-timeout-ms must be between 1 and 600000 ms, was 600001"),
                Arguments.of(List.of("run", "--read-timeout-ms", "-3"), "--read-timeout-ms"),
                Arguments.of(List.of("run", "--connect-timeout-ms", "soon"), "soon"),
                Arguments.of(List.of("run", "--read-timeout-ms"), "--read-timeout-ms"),
                Arguments.of(List.of("compare", "--connect-timeout-ms", "0"), "--connect-timeout-ms"),
                Arguments.of(List.of("compare", "--read-timeout-ms", "1x"), "1x"),
                Arguments.of(List.of("sweep", "--param", "tasks", "--read-timeout-ms", "0"), "--read-timeout-ms"),
                Arguments.of(List.of("sweep", "--param", "tasks", "--connect-timeout-ms", "700000"), "--connect-timeout-ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTimeouts")
    void bad_timeouts_exit_2_with_one_line_naming_the_option(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void a_read_timeout_below_the_latency_fails_every_download_and_the_file_keeps_the_timeouts() throws Exception {
        Path json = dir.resolve("run.json");

        CliRun.Outcome outcome = CliRun.run("run", "--model", "threads", "--workers", "2", "--tasks", "3",
                "--latency-ms", "1500", "--read-timeout-ms", "200", "--connect-timeout-ms", "2000", "--no-warmup",
                "--json", json.toString());

        assertThat(outcome.code()).isEqualTo(Cli.RUN_FAILED);
        assertThat(outcome.outLines()).singleElement().asString().startsWith("download threads workers=2 tasks=3 errors=3 ");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("spec").get("readTimeoutMs").asInt()).isEqualTo(200);
        assertThat(root.get("spec").get("connectTimeoutMs").asInt()).isEqualTo(2_000);
        assertThat(root.get("outcomes")).allSatisfy(o -> assertThat(o.get("error").asText()).startsWith("timed out: 127.0.0.1:"));
    }

    @Test
    void a_read_timeout_above_the_latency_lets_every_download_through() {
        CliRun.Outcome outcome = CliRun.run("run", "--model", "eventloop", "--tasks", "3", "--latency-ms", "300",
                "--read-timeout-ms", "60000", "--no-warmup");

        assertThat(outcome.code()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString().startsWith("download eventloop workers=1 tasks=3 errors=0 ");
    }

    @Test
    void compare_passes_the_timeouts_to_every_model() throws Exception {
        Path json = dir.resolve("compare.json");

        CliRun.Outcome outcome = CliRun.run("compare", "--workload", "download", "--tasks", "2", "--latency-ms", "1500",
                "--read-timeout-ms", "200", "--no-warmup", "--json", json.toString());

        assertThat(outcome.code()).as(outcome.err()).isIn(Cli.OK, Cli.RUN_FAILED);
        String text = java.nio.file.Files.readString(json);
        assertThat(text).contains("\"readTimeoutMs\" : 200").doesNotContain("\"readTimeoutMs\" : 30000");
    }
}
