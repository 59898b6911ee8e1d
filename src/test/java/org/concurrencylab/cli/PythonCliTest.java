package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.python.PythonRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// `run --runtime python` and `compare --with-python`: the same outputs and exit codes as a Java
/// run; a missing interpreter refused in one line.
class PythonCliTest {
    private static final PythonRuntime.Lookup PYTHON = PythonRuntime.find();

    private static void requirePython() {
        assumeTrue(PYTHON.found(), () -> "skipped: no python3 on the PATH ("
                + ((PythonRuntime.Missing) PYTHON).reason() + ")");
    }

    @Test
    void a_python_run_prints_its_summary_and_writes_the_run_file_and_the_picture(@TempDir Path dir) throws Exception {
        requirePython();
        Path json = dir.resolve("run.json");
        Path svg = dir.resolve("run.svg");
        CliRun.Outcome outcome = CliRun.run("run", "--runtime", "python", "--workload", "cpu", "--model", "threads",
                "--workers", "3", "--tasks", "6", "--base", "100000", "--json", json.toString(), "--svg", svg.toString());

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("cpu python threads workers=3 tasks=6 errors=0").contains("gil-wait=", "runtime=\"CPython 3."));
        JsonNode run = new ObjectMapper().readTree(json.toFile());
        assertThat(run.path("spec").path("runtime").asText()).isEqualTo("python");
        assertThat(run.path("runtime").asText()).startsWith("CPython 3.");
        assertThat(run.path("outcomes")).hasSize(6);
        assertThat(Files.readString(svg)).contains("CPython · Thread pool (3 threads)", "threads (3)");
    }

    @Test
    void an_interpreter_that_is_not_there_is_refused_in_one_line() {
        CliRun.assertRefused(List.of("run", "--runtime", "python", "--workload", "cpu", "--python", "/nonexistent/python3"),
                "--runtime python: there is no Python interpreter at /nonexistent/python3");
    }

    @Test
    void options_that_do_not_go_with_python_are_refused() {
        CliRun.assertRefused(List.of("run", "--runtime", "python", "--model", "virtual"), "--runtime applies only to");
        CliRun.assertRefused(List.of("run", "--python", "/usr/bin/python3", "--workload", "cpu"),
                "--python applies only to --runtime python");
        CliRun.assertRefused(List.of("run", "--runtime", "python", "--model", "threads", "--gil"), "--gil applies only to");
        CliRun.assertRefused(List.of("run", "--runtime", "perl"), "unknown choice 'perl'");
        CliRun.assertRefused(List.of("compare", "--python", "/usr/bin/python3"), "--python applies only to --with-python");
    }

    @Test
    void compare_with_python_puts_the_cpython_rows_beside_the_java_ones(@TempDir Path dir) throws Exception {
        requirePython();
        Path json = dir.resolve("compare.json");
        CliRun.Outcome outcome = CliRun.run("compare", "--with-python", "--workload", "cpu", "--tasks", "4", "--base", "50000",
                "--workers", "2", "--processes", "2", "--json", json.toString());

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).path("rows");
        List<String> labels = rows.findValuesAsText("label");
        assertThat(labels).containsExactly("sync", "CPython sync", "threads (2)", "threads (2) + GIL", "CPython threads (2)",
                "event loop", "CPython event loop", "processes (2)", "CPython processes (2)", "virtual threads",
                "virtual threads + GIL");
        assertThat(rows.findValuesAsText("runtime")).filteredOn("python"::equals).hasSize(4);
        assertThat(outcome.out()).contains("CPython threads (2)");
    }

    @Test
    void compare_with_python_and_no_python_runs_the_java_rows_and_says_why() {
        CliRun.Outcome outcome = CliRun.run("compare", "--with-python", "--python", "/nonexistent/python3", "--workload", "cpu",
                "--tasks", "2", "--base", "1000", "--no-warmup");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).contains("concurrency-lab: no CPython rows: there is no Python interpreter at /nonexistent/python3");
        assertThat(outcome.out()).doesNotContain("CPython").contains("7 runs");
    }
}
