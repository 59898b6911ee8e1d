package org.concurrencylab.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.MixedWork;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.core.workload.Workload;
import org.concurrencylab.teach.CodeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The program that runs is the program the Code tab shows, and every program has what the
/// harness needs: the shown text is the one written for the harness, byte for byte; the harness's
/// own check reads every program (and catches one that drifted); the inputs are the Java run's.
class TwinProgramsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ModelKind> TWINNED = List.of(ModelKind.SYNC, ModelKind.THREADS, ModelKind.EVENTLOOP,
            ModelKind.PROCESSES);

    static List<TwinProgram> allPrograms() {
        List<TwinProgram> all = new ArrayList<>();
        for (ModelKind model : TWINNED) for (TwinWorkload workload : TwinWorkload.values()) all.add(new TwinProgram(model, workload));
        return all;
    }

    @Test
    void the_program_written_for_the_harness_is_the_one_the_code_tab_shows() throws IOException {
        for (ModelKind model : TWINNED) {
            for (WorkloadKind kind : WorkloadKind.values()) {
                TwinProgram program = TwinProgram.of(model, kind).orElseThrow();
                TwinRequest request = TwinRequest.of(program, inputsFor(program.workload()), 2);
                try (HarnessFiles files = HarnessFiles.write(request, null)) {
                    assertThat(files.program().getFileName()).hasToString(CodeLibrary.pythonName(model, kind));
                    assertThat(Files.readString(files.program(), StandardCharsets.UTF_8))
                            .as(program.fileName()).isEqualTo(CodeLibrary.python(model, kind, false).code());
                    assertThat(Files.readString(files.harness())).isEqualTo(HarnessFiles.harnessCode());
                }
            }
        }
    }

    @Test
    void the_programs_that_download_have_a_standard_library_variant_beside_them() throws IOException {
        for (TwinProgram program : allPrograms()) {
            if (program.workload().downloads()) {
                assertThat(program.library()).contains(program.model() == ModelKind.EVENTLOOP ? "aiohttp" : "requests");
                assertThat(program.stdlibFileName()).contains(program.fileName().replace(".py", "_stdlib.py"));
                String variant = program.stdlibCode().orElseThrow();
                assertThat(variant).contains("def main()", "if __name__ == \"__main__\":")
                        .doesNotContain("import requests", "import aiohttp");
                assertThat(program.code()).contains("import " + program.library().orElseThrow());
                TwinRequest request = TwinRequest.of(program, inputsFor(program.workload()), 2);
                try (HarnessFiles files = HarnessFiles.write(request, null)) {
                    assertThat(Files.readString(files.dir().resolve(program.stdlibFileName().get()))).isEqualTo(variant);
                }
            } else {
                assertThat(program.library()).isEmpty();
                assertThat(program.stdlibFileName()).isEmpty();
                assertThat(program.code()).doesNotContain("requests", "aiohttp");
            }
        }
    }

    @Test
    void virtual_threads_have_no_twin() {
        for (WorkloadKind kind : WorkloadKind.values()) assertThat(TwinProgram.of(ModelKind.VIRTUAL, kind)).isEmpty();
        assertThat(TwinProgram.hasTwin(ModelKind.VIRTUAL)).isFalse();
        assertThatThrownBy(() -> new TwinProgram(ModelKind.VIRTUAL, TwinWorkload.CPU))
                .hasMessageContaining("Python has no virtual threads");
    }

    @Test
    void the_fib_programs_compute_the_article_s_fib_35_twenty_times() {
        for (ModelKind model : TWINNED) {
            String code = new TwinProgram(model, TwinWorkload.FIB).code();
            assertThat(code).contains("NUMBERS = [35] * 20", "def fib(n):",
                    "return n if n < 2 else fib(n - 2) + fib(n - 1)", "def main()");
        }
        assertThat(TwinInputs.Fibs.expected(35)).isEqualTo(TwinInputs.Fibs.FIB_35).isEqualTo(9_227_465L);
        assertThat(TwinInputs.Fibs.articleDefault().numbers()).hasSize(20).containsOnly(35);
    }

    @Test
    void every_program_has_the_constants_and_functions_the_harness_needs() throws Exception {
        PythonInfo python = Pythons.require();
        List<String> files = new ArrayList<>();
        Path dir = Files.createTempDirectory("concurrencylab-check-");
        try {
            for (TwinProgram program : allPrograms()) {
                files.add(Files.writeString(dir.resolve(program.fileName()), program.code()).toString());
                if (program.stdlibFileName().isPresent()) {
                    files.add(Files.writeString(dir.resolve(program.stdlibFileName().get()), program.stdlibCode().get()).toString());
                }
            }
            List<JsonNode> verdicts = check(python, dir, files);
            assertThat(verdicts).hasSize(28);
            for (JsonNode verdict : verdicts) {
                assertThat(verdict.path("problems").isEmpty()).as(verdict.toString()).isTrue();
                assertThat(verdict.path("ok").asBoolean()).isTrue();
            }
        } finally {
            deleteAll(dir);
        }
    }

    @Test
    void the_check_catches_a_program_that_drifted_from_what_the_harness_needs(@TempDir Path dir) throws Exception {
        PythonInfo python = Pythons.require();
        String threads = new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU).code()
                .replace("NUMBERS = [", "VALUES = [").replace("def sum_of_squares(n)", "def squares(n)");
        String loop = new TwinProgram(ModelKind.EVENTLOOP, TwinWorkload.RACE).code().replace("async def task(", "def task(");
        String pool = new TwinProgram(ModelKind.PROCESSES, TwinWorkload.MIXED).code().replace("multiprocessing.Pool(", "Pool(");
        List<JsonNode> verdicts = check(python, dir, List.of(
                Files.writeString(dir.resolve("threads_cpu.py"), threads).toString(),
                Files.writeString(dir.resolve("eventloop_race.py"), loop).toString(),
                Files.writeString(dir.resolve("processes_mixed.py"), pool).toString()));

        assertThat(verdicts.get(0).path("problems").toString()).contains("no module constant NUMBERS", "no function sum_of_squares()");
        assertThat(verdicts.get(1).path("problems").toString()).contains("task() is not a coroutine function");
        assertThat(verdicts.get(2).path("problems").toString()).contains("no call of multiprocessing.Pool()");
        assertThat(verdicts).noneMatch(v -> v.path("ok").asBoolean());
    }

    @Test
    void inputs_made_from_the_java_plans_are_the_java_run_s_inputs_with_its_task_names() {
        List<URI> demo = List.of(URI.create("http://127.0.0.1:4242/large"), URI.create("http://127.0.0.1:4242/small"));
        List<URI> user = List.of(URI.create("https://example.org/a"), URI.create("https://example.com/"));
        record Case(TwinWorkload workload, Workload java) {}
        for (Case c : List.of(new Case(TwinWorkload.CPU, new SumOfSquares(7, 1_000)),
                new Case(TwinWorkload.DOWNLOAD, DownloadSites.demo(5)),
                new Case(TwinWorkload.DOWNLOAD, new DownloadSites(3, user)),
                new Case(TwinWorkload.MIXED, new MixedWork(4, List.of(), 35)),
                new Case(TwinWorkload.RACE, new RaceCondition(6, 50, Step.CounterMode.SYNCHRONIZED)))) {
            List<TaskPlan> plans = c.java().plan(demo);
            TwinInputs inputs = TwinInputs.fromPlans(c.workload(), plans);
            assertThat(inputs.tasks()).isEqualTo(plans.size());
            for (TaskPlan plan : plans) assertThat(inputs.taskName(plan.id())).isEqualTo(plan.name());
        }
        assertThat(TwinInputs.fromPlans(TwinWorkload.CPU, new SumOfSquares(3, 500_000).plan(List.of())))
                .isEqualTo(new TwinInputs.Sums(List.of(500_000L, 500_001L, 500_002L))).isEqualTo(TwinInputs.sums(3, 500_000));
        assertThat(TwinInputs.fromPlans(TwinWorkload.DOWNLOAD, DownloadSites.demo(3).plan(demo)))
                .isEqualTo(new TwinInputs.Pages(List.of(demo.get(0), demo.get(1), demo.get(0)))).isEqualTo(TwinInputs.pages(3, demo));
        assertThat(TwinInputs.fromPlans(TwinWorkload.MIXED, new MixedWork(2, List.of(), 35).plan(demo)))
                .isEqualTo(new TwinInputs.PagesAndParse(demo, 35));
        assertThat(TwinInputs.fromPlans(TwinWorkload.RACE, new RaceCondition(6, 50, Step.CounterMode.ATOMIC).plan(List.of())))
                .isEqualTo(new TwinInputs.Race(6, 50, Step.CounterMode.ATOMIC));
        assertThatThrownBy(() -> TwinInputs.fromPlans(TwinWorkload.CPU, DownloadSites.demo(2).plan(demo)))
                .hasMessageContaining("is not one Compute step");
        assertThatThrownBy(() -> TwinRequest.of(new TwinProgram(ModelKind.SYNC, TwinWorkload.DOWNLOAD), TwinInputs.sums(2, 1), 1))
                .hasMessageContaining("the inputs are for cpu");
    }

    @Test
    void the_config_gives_the_harness_the_inputs_the_workers_and_the_limits() throws IOException {
        TwinRequest request = TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.RACE),
                new TwinInputs.Race(40, 7, Step.CounterMode.UNSAFE), 3).withMaxConnections(12)
                .withVariant(TwinVariant.STDLIB).withStartMethod(TwinRequest.StartMethod.SPAWN);
        try (HarnessFiles files = HarnessFiles.write(request, null)) {
            JsonNode config = JSON.readTree(files.config().toFile());
            assertThat(config.path("model").asText()).isEqualTo("threads");
            assertThat(config.path("workload").asText()).isEqualTo("race");
            assertThat(config.path("workers").asInt()).isEqualTo(3);
            assertThat(config.path("tasks").asInt()).isEqualTo(40);
            assertThat(config.path("times").asInt()).isEqualTo(7);
            assertThat(config.path("mode").asText()).isEqualTo("UNSAFE");
            assertThat(config.path("connections").asInt()).isEqualTo(12);
            assertThat(config.path("variant").asText()).isEqualTo("stdlib");
            assertThat(config.path("start_method").asText()).isEqualTo("spawn");
            assertThat(Path.of(config.path("program").asText())).isEqualTo(files.program());
        }
        TwinRequest sync = TwinRequest.of(new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU), TwinInputs.sums(2, 1), 9);
        assertThat(sync.workers()).as("the synchronous loop has one worker").isEqualTo(1);
    }

    private static TwinInputs inputsFor(TwinWorkload workload) {
        List<URI> pages = List.of(URI.create("http://127.0.0.1:1/large"));
        return switch (workload) {
            case CPU -> TwinInputs.sums(2, 10);
            case FIB -> new TwinInputs.Fibs(List.of(10, 11));
            case DOWNLOAD -> new TwinInputs.Pages(pages);
            case MIXED -> new TwinInputs.PagesAndParse(pages, 5);
            case RACE -> new TwinInputs.Race(2, 3, Step.CounterMode.UNSAFE);
        };
    }

    @Test
    void the_harness_writes_every_module_of_its_package() throws IOException {
        List<String> modules;
        try (var files = Files.list(Path.of("src/main/resources/org/concurrencylab/python", HarnessFiles.PACKAGE))) {
            modules = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3)).toList();
        }
        assertThat(HarnessFiles.MODULES).containsExactlyInAnyOrderElementsOf(modules);
    }

    private static List<JsonNode> check(PythonInfo python, Path dir, List<String> files) throws Exception {
        Path harness = HarnessFiles.writeHarness(dir);
        List<String> command = new ArrayList<>(List.of(python.executable().toString(), harness.toString(), "check"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<JsonNode> verdicts = new ArrayList<>();
        for (String line : out.strip().lines().toList()) verdicts.add(JSON.readTree(line));
        return verdicts;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
