package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.python.PythonRuntime;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// `--workload fib`, the article's 2024 example, on the command line: listed in the help with its
/// `--fib-n` option from the table, run, compared and swept like the sums, its n checked.
@Timeout(120)
class CliFibTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("run", "--workload", "fib", "--fib-n", "0"), "--fib-n must be between 1 and 45, was 0"),
                Arguments.of(List.of("run", "--workload", "fib", "--fib-n", "46"), "--fib-n must be between 1 and 45, was 46"),
                Arguments.of(List.of("run", "--workload", "fib", "--fib-n", "x"), "--fib-n: 'x' is not a whole number"),
                Arguments.of(List.of("run", "--workload", "cpu", "--fib-n", "20"), "--fib-n applies only to --workload fib"),
                Arguments.of(List.of("run", "--workload", "fib", "--base", "20"), "--base applies only to --workload cpu"),
                Arguments.of(List.of("run", "--workload", "fib", "--model", "threads", "--runtime", "python", "--fib-n", "41"),
                        "--fib-n must not be more than 40 on --runtime python"),
                Arguments.of(List.of("compare", "--workload", "fib", "--fib-n", "99"), "--fib-n must be between 1 and 45"),
                Arguments.of(List.of("sweep", "--workload", "fib", "--param", "latency"), "--param latency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_fib_options_exit_2_with_one_line_naming_the_problem(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void the_help_of_every_command_that_takes_a_workload_lists_fib_and_its_n() {
        for (String command : List.of("run", "compare", "sweep")) {
            CliRun.Outcome help = CliRun.run(command, "--help");
            assertThat(help.code()).isEqualTo(Cli.OK);
            assertThat(help.out()).as(command).contains("download | cpu | fib | race | mixed", "--fib-n=N");
        }
    }

    @Test
    void a_fib_run_prints_its_summary_and_writes_the_exact_fibs() throws Exception {
        Path json = dir.resolve("fib.json");

        CliRun.Outcome outcome = CliRun.run("run", "--workload", "fib", "--model", "threads", "--workers", "2",
                "--tasks", "4", "--fib-n", "22", "--gil", "--json", json.toString());

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString().startsWith("fib threads gil workers=2 tasks=4 errors=0 wall=");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("spec").get("workload").asText()).isEqualTo("fib");
        assertThat(root.get("spec").get("fibN").asInt()).isEqualTo(22);
        assertThat(root.get("lanes")).hasSize(2);
        assertThat(root.get("outcomes")).hasSize(4).allSatisfy(o -> {
            assertThat(o.get("result").asText()).isEqualTo("17711");
            assertThat(o.get("name").asText()).startsWith("fib(22) #");
        });
    }

    @Test
    void compare_runs_fib_under_every_model_and_calls_it_cpu_bound() {
        CliRun.Outcome outcome = CliRun.run("compare", "--workload", "fib", "--tasks", "4", "--fib-n", "24",
                "--workers", "2", "--processes", "2", "--no-warmup");

        assertThat(outcome.code()).as(outcome.out() + outcome.err()).isEqualTo(Cli.OK);
        List<String> lines = outcome.outLines();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("compare fib: fib(24), 4 times; 7 runs, one after another");
        assertThat(lines.subList(2, 9)).extracting(l -> l.substring(0, 24).strip()).containsExactly("sync", "threads (2)",
                "threads (2) + GIL", "event loop", "processes (2)", "virtual threads", "virtual threads + GIL");
        assertThat(lines.subList(2, 9)).allSatisfy(l -> assertThat(l).endsWith(" 0"));
        assertThat(lines.get(9)).startsWith("CPU-bound: ");
    }

    @Test
    void a_fib_sweep_first_times_a_synchronous_reference() {
        CliRun.Outcome outcome = CliRun.run("sweep", "--workload", "fib", "--model", "threads", "--values", "1,2",
                "--tasks", "4", "--fib-n", "24", "--no-warmup");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).hasSize(5);
        assertThat(outcome.outLines().get(0)).isEqualTo("sweep fib threads: fib(24), 4 times; workers = 1,2");
        assertThat(outcome.outLines().get(1)).startsWith("reference: sync wall=");
        assertThat(outcome.outLines().get(2)).startsWith("workers=1 ").contains("ideal=", "efficiency=", "errors=0");
    }

    @Test
    void a_python_fib_run_runs_the_article_s_threads_program() {
        assumeTrue(PythonRuntime.find().found(), "skipped: no python3 on the PATH");
        CliRun.Outcome outcome = CliRun.run("run", "--workload", "fib", "--runtime", "python", "--model", "threads",
                "--workers", "2", "--tasks", "3", "--fib-n", "20");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString()
                .startsWith("fib python threads workers=2 tasks=3 errors=0").contains("runtime=\"CPython 3.");
    }
}
