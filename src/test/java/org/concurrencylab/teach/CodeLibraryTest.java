package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The code panel can never drift from the code that runs: every marker it names is in the
/// shipped source exactly once, the shipped source is the compiled one, and every pairing of
/// model and workload has its code.
class CodeLibraryTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void every_marker_the_code_panel_names_is_in_its_file_once_with_its_end() {
        for (CodeLibrary.Marker marker : CodeLibrary.markers()) {
            String source = CodeLibrary.source(marker.file());
            List<String> lines = CodeLibrary.markerLines(source);
            assertThat(lines).as(marker.file()).containsOnlyOnce("code:" + marker.name(), "end:" + marker.name());
            assertThat(lines.indexOf("code:" + marker.name())).as(marker.name())
                    .isLessThan(lines.indexOf("end:" + marker.name()));
            assertThat(CodeLibrary.extract(source, marker.name())).as(marker.name()).isNotBlank();
        }
    }

    @Test
    void the_shipped_sources_are_the_sources_that_were_compiled() throws IOException {
        for (CodeLibrary.Marker marker : CodeLibrary.markers()) {
            assertThat(CodeLibrary.source(marker.file())).as(marker.file())
                    .isEqualTo(Files.readString(SOURCES.resolve(marker.file())));
        }
    }

    @Test
    void every_code_marker_in_the_sources_is_closed_and_opened_once() throws IOException {
        Set<String> known = new HashSet<>();
        CodeLibrary.markers().forEach(m -> known.add(m.name()));
        Map<String, Integer> opened = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = CodeLibrary.markerLines(Files.readString(file));
                for (String line : lines) {
                    String name = line.substring(line.indexOf(':') + 1);
                    if (line.startsWith("code:")) opened.merge(name, 1, Integer::sum);
                    if (!lines.contains("code:" + name) || !lines.contains("end:" + name)) problems.add(file + ": " + line + " is unmatched");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(opened.keySet()).containsAll(known);
        assertThat(opened.values()).allMatch(n -> n == 1);
    }

    @Test
    void every_model_and_workload_has_its_java_with_the_models_own_code_first() {
        for (ModelKind model : ModelKind.values()) {
            for (WorkloadKind workload : WorkloadKind.values()) {
                for (boolean gil : new boolean[]{false, true}) {
                    List<CodeLibrary.Snippet> java = CodeLibrary.java(model, workload, gil, Step.CounterMode.UNSAFE);
                    assertThat(java).as(model + " " + workload).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(java).allMatch(s -> !s.code().isBlank());
                    assertThat(java.getFirst().marker().name()).isEqualTo(switch (model) {
                        case SYNC -> "sync-model";
                        case THREADS -> "thread-pool";
                        case EVENTLOOP -> "event-loop";
                        case PROCESSES -> "process-pool";
                        case VIRTUAL -> "virtual-threads";
                    });
                    boolean showsGil = java.stream().anyMatch(s -> s.marker().name().startsWith("gil-"));
                    assertThat(showsGil).as(model + " gil=" + gil).isEqualTo(gil && model.supportsGil());
                }
            }
        }
    }

    @Test
    void the_snippets_hold_the_code_they_are_named_for() {
        assertThat(CodeLibrary.java(ModelKind.THREADS, WorkloadKind.DOWNLOAD, false, Step.CounterMode.UNSAFE))
                .extracting(CodeLibrary.Snippet::code)
                .anyMatch(c -> c.contains("Executors.newFixedThreadPool(workers"))
                .anyMatch(c -> c.contains("call.execute()"))
                .anyMatch(c -> c.contains("href="));
        assertThat(CodeLibrary.java(ModelKind.EVENTLOOP, WorkloadKind.DOWNLOAD, false, Step.CounterMode.UNSAFE))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("writeAndFlush(AsyncHttpMessages.request(at))"));
        assertThat(CodeLibrary.java(ModelKind.SYNC, WorkloadKind.CPU, false, Step.CounterMode.UNSAFE))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("sum.add(bi.multiply(bi))"));
        assertThat(CodeLibrary.java(ModelKind.THREADS, WorkloadKind.RACE, false, Step.CounterMode.SYNCHRONIZED))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("synchronized (this)"));
        assertThat(CodeLibrary.java(ModelKind.THREADS, WorkloadKind.RACE, false, Step.CounterMode.ATOMIC))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("incrementAndGet"));
        assertThat(CodeLibrary.java(ModelKind.THREADS, WorkloadKind.CPU, true, Step.CounterMode.UNSAFE))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("gil.mustHandOver"));
    }

    @Test
    void fibonacci_shows_the_recursion_that_runs_beside_the_article_s_python_fib() {
        for (ModelKind model : ModelKind.values()) {
            List<CodeLibrary.Snippet> java = CodeLibrary.java(model, WorkloadKind.FIB, false, Step.CounterMode.UNSAFE);
            assertThat(java).extracting(s -> s.marker().name()).contains("fibonacci").doesNotContain("sum-of-squares");
            assertThat(java).extracting(CodeLibrary.Snippet::code)
                    .anyMatch(c -> c.contains("return n < 2 ? n : fib(n - 2) + fib(n - 1);")
                            && c.contains("checkpoint.check();")
                            && c.contains("return fibonacci(n - 2, checkpoint) + fibonacci(n - 1, checkpoint);"));
            CodeLibrary.PythonProgram python = CodeLibrary.python(model, WorkloadKind.FIB, false);
            assertThat(python.resource()).endsWith("/" + model.id() + "_fib.py");
            assertThat(python.code()).contains("NUMBERS = [35] * 20", "return n if n < 2 else fib(n - 2) + fib(n - 1)");
        }
        assertThat(CodeLibrary.java(ModelKind.THREADS, WorkloadKind.FIB, true, Step.CounterMode.UNSAFE))
                .extracting(CodeLibrary.Snippet::code).anyMatch(c -> c.contains("gil.mustHandOver"));
        assertThat(CodeLibrary.python(ModelKind.THREADS, WorkloadKind.FIB, false).note())
                .as("CPU-bound like the sums").contains("GIL", "Tick GIL");
    }

    @Test
    void a_snippet_loses_its_common_indentation_and_nested_markers() {
        String source = """
                class A {
                    void f() {
                        // code:demo
                        int a = 1;
                        // code:inner
                        if (a > 0) {
                            a++;
                        }
                        // end:inner
                        // end:demo
                    }
                }
                """;

        assertThat(CodeLibrary.extract(source, "demo")).isEqualTo("int a = 1;\nif (a > 0) {\n    a++;\n}\n");
    }

    @Test
    void a_missing_doubled_or_misplaced_marker_is_refused_with_its_name() {
        assertThatThrownBy(() -> CodeLibrary.extract("int a;\n", "x")).hasMessage("marker code:x is missing");
        assertThatThrownBy(() -> CodeLibrary.extract("// code:x\nint a;\n", "x")).hasMessage("marker code:x has no end:x");
        assertThatThrownBy(() -> CodeLibrary.extract("// end:x\nint a;\n// code:x\n", "x"))
                .hasMessage("marker end:x comes before code:x");
        assertThatThrownBy(() -> CodeLibrary.extract("// code:x\n// code:x\nint a;\n// end:x\n", "x"))
                .hasMessage("marker code:x appears twice");
        assertThatThrownBy(() -> CodeLibrary.extract("// code:x\n\n// end:x\n", "x")).hasMessage("marker code:x marks nothing");
    }

    @Test
    void a_source_that_is_not_shipped_is_named_in_the_error() {
        assertThatThrownBy(() -> CodeLibrary.source("org/concurrencylab/Nowhere.java"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Nowhere.java is not on the class path");
    }
}
