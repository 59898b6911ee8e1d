package org.concurrencylab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencylab.cli.CliRun.run;

/// The command line's options for the newer models and workloads: virtual threads, the GIL,
/// the race and its counter modes, the connection limit.
@Timeout(60)
class CliModelsTest {

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("run", "--model", "sync", "--gil"), "--gil"),
                Arguments.of(List.of("run", "--race", "nosuch"), "nosuch"),
                Arguments.of(List.of("run", "--max-connections", "0"), "--max-connections applies only to downloads (--workload download or mixed) on --model eventloop or virtual"),
                Arguments.of(List.of("run", "--model", "eventloop", "--max-connections", "0"), "--max-connections must be between 1 and 10000"),
                Arguments.of(List.of("run", "--model", "virtual", "--max-connections", "10001"), "--max-connections must be between 1 and 10000, was 10001"),
                Arguments.of(List.of("run", "--model", "threads", "--gil", "--switch-ms", "0"), "--switch-ms must be between 1 and 1000 ms, was 0"),
                Arguments.of(List.of("run", "--workload", "race", "--increments", "0"), "increments"),
                Arguments.of(List.of("run", "--workload", "mixed", "--cpu-ms", "0"), "--cpu-ms must be between 1 and 10000 ms, was 0"),
                Arguments.of(List.of("run", "--model", "virtual", "--workers", "3"), "--workers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_model_and_workload_options_exit_2_with_one_line_naming_the_problem(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void an_atomic_race_under_threads_counts_every_increment() {
        CliRun.Outcome outcome = run("run", "--workload", "race", "--model", "threads", "--tasks", "200",
                "--increments", "50", "--race", "atomic");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.outLines()).singleElement().asString()
                .startsWith("race threads workers=5 tasks=200 errors=0 wall=")
                .endsWith(" counter=10000 expected=10000 lost=0");
    }

    @Test
    void an_unsafe_race_under_the_gil_loses_nothing_and_says_gil() {
        CliRun.Outcome outcome = run("run", "--workload", "race", "--model", "threads", "--gil", "--switch-ms", "1",
                "--tasks", "100", "--increments", "1000", "--race", "unsafe", "--no-warmup");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString()
                .startsWith("race threads gil workers=5 tasks=100 errors=0 wall=")
                .endsWith(" counter=100000 expected=100000 lost=0");
    }

    @Test
    void a_sum_on_virtual_threads_reports_its_carriers() {
        CliRun.Outcome outcome = run("run", "--workload", "cpu", "--model", "virtual", "--tasks", "3", "--base", "10000");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.outLines()).singleElement().asString()
                .matches("cpu virtual workers=1 tasks=3 errors=0 wall=\\d+\\.\\d{3}s carriers=[1-9]\\d*");
    }

    @Test
    void a_download_on_virtual_threads_with_a_connection_limit_succeeds() {
        CliRun.Outcome outcome = run("run", "--model", "virtual", "--tasks", "20", "--max-connections", "4",
                "--latency-ms", "5", "--no-warmup");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString()
                .startsWith("download virtual workers=1 tasks=20 errors=0 wall=")
                .contains(" carriers=");
    }
}
