package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.SyncModel;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.MixedWork;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.core.workload.Workload;
import org.concurrencylab.net.Http;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The twins compute what the Java runs compute, on the same inputs: the exact sums, fib, the
/// bytes (and links and words) of every page of the demo sites, and the race's counter as each
/// model lets it end.
@Timeout(300)
class TwinResultsTest {
    static final List<ModelKind> MODELS = List.of(ModelKind.SYNC, ModelKind.THREADS, ModelKind.EVENTLOOP, ModelKind.PROCESSES);
    private static DemoSites sites;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(5));
        http = Http.createDefault();
    }

    @AfterAll
    static void stop() {
        sites.close();
        http.close();
    }

    /// The Java run's outcomes, on the synchronous loop.
    private static List<TaskOutcome> java(List<TaskPlan> plans) {
        Outcomes outcomes = new Outcomes(plans.size());
        new SyncModel().run(new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), new RunControl(), http, outcomes));
        return outcomes.list();
    }

    @Test
    void the_sums_of_squares_are_exact_and_the_java_s() throws Exception {
        List<TaskPlan> plans = new SumOfSquares(5, 150_000).plan(List.of());
        List<String> expected = java(plans).stream().map(TaskOutcome::result).toList();
        assertThat(expected).containsExactlyElementsOf(plans.stream()
                .map(p -> SumOfSquares.expected(((Step.Compute) p.steps().getFirst()).n()).toString()).toList());
        for (ModelKind model : MODELS) {
            TwinProgram program = new TwinProgram(model, TwinWorkload.CPU);
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(program, TwinInputs.fromPlans(TwinWorkload.CPU, plans), 3));
            assertThat(run.result().failure()).as(model.id()).isNull();
            assertThat(run.results()).as(model.id()).containsExactlyElementsOf(expected);
            assertThat(run.outcomes().list()).extracting(TaskOutcome::name)
                    .containsExactlyElementsOf(plans.stream().map(TaskPlan::name).toList());
            // main()'s span, from the harness's clock onto the run's, holds every piece of the trace
            long firstStart = run.segments().stream().mapToLong(Segment::start).min().orElseThrow();
            long lastEnd = run.segments().stream().mapToLong(Segment::end).max().orElseThrow();
            assertThat(run.result().mainEnd().orElseThrow()).as(model.id()).isGreaterThanOrEqualTo(lastEnd);
            assertThat(run.result().mainEnd().orElseThrow() - run.result().mainNanos()).as(model.id())
                    .isLessThanOrEqualTo(firstStart);
        }
    }

    @Test
    void fib_is_exact_on_every_model() throws Exception {
        TwinInputs.Fibs inputs = new TwinInputs.Fibs(List.of(20, 21, 22, 23));
        for (ModelKind model : MODELS) {
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(model, TwinWorkload.FIB), inputs, 2));
            assertThat(run.result().failure()).as(model.id()).isNull();
            assertThat(run.results()).as(model.id()).containsExactly("6765", "10946", "17711", "28657");
            assertThat(run.results()).containsExactlyElementsOf(inputs.numbers().stream()
                    .map(n -> Long.toString(TwinInputs.Fibs.expected(n))).toList());
        }
    }

    @Test
    void the_fibs_are_the_java_run_s_on_the_same_plans_on_every_model() throws Exception {
        List<TaskPlan> plans = new Fibonacci(3, 21).plan(List.of());
        List<String> expected = java(plans).stream().map(TaskOutcome::result).toList();
        assertThat(expected).containsOnly(Long.toString(Fibonacci.expected(21))).containsOnly("10946");
        TwinInputs inputs = TwinInputs.fromPlans(TwinWorkload.FIB, plans);
        assertThat(inputs).isEqualTo(new TwinInputs.Fibs(List.of(21, 21, 21)));
        for (ModelKind model : MODELS) {
            TwinProgram program = TwinProgram.of(model, WorkloadKind.FIB).orElseThrow();
            assertThat(program.workload()).isEqualTo(TwinWorkload.FIB);
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(program, inputs, 2));
            assertThat(run.result().failure()).as(model.id()).isNull();
            assertThat(run.results()).as(model.id()).containsExactlyElementsOf(expected);
            assertThat(run.outcomes().list()).extracting(TaskOutcome::name)
                    .containsExactlyElementsOf(plans.stream().map(TaskPlan::name).toList());
        }
    }

    @Test
    void every_page_has_the_java_s_bytes_links_and_words_with_the_standard_library() throws Exception {
        assertPagesAsJava(TwinVariant.STDLIB, List.of(ModelKind.SYNC, ModelKind.THREADS, ModelKind.EVENTLOOP, ModelKind.PROCESSES));
    }

    @Test
    void every_page_has_the_java_s_bytes_links_and_words_with_requests() throws Exception {
        Pythons.requireLibrary("requests");
        assertPagesAsJava(TwinVariant.LIBRARY, List.of(ModelKind.SYNC, ModelKind.THREADS, ModelKind.PROCESSES));
    }

    @Test
    void every_page_has_the_java_s_bytes_links_and_words_with_aiohttp() throws Exception {
        Pythons.requireLibrary("aiohttp");
        assertPagesAsJava(TwinVariant.LIBRARY, List.of(ModelKind.EVENTLOOP));
    }

    private static void assertPagesAsJava(TwinVariant variant, List<ModelKind> models) throws Exception {
        List<TaskPlan> plans = DownloadSites.demo(8).plan(sites.pages());
        List<String> expected = java(plans).stream().map(TaskOutcome::result).toList();
        assertThat(expected).allMatch(r -> r.matches("[\\d,]+ bytes, \\d+ links, [\\d,]+ words"));
        for (ModelKind model : models) {
            TwinRequest request = TwinRequest.of(new TwinProgram(model, TwinWorkload.DOWNLOAD),
                    TwinInputs.fromPlans(TwinWorkload.DOWNLOAD, plans), 3).withVariant(variant);
            Pythons.TwinRun run = Pythons.run(request);
            assertThat(run.result().failure()).as(model.id()).isNull();
            assertThat(run.result().variant()).isEqualTo(variant == TwinVariant.STDLIB ? TwinVariant.STDLIB : TwinVariant.LIBRARY);
            assertThat(run.results()).as(model.id() + " " + variant).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void the_heavy_parse_parses_the_java_s_bytes() throws Exception {
        Workload mixed = new MixedWork(4, List.of(), 5);
        List<TaskPlan> plans = mixed.plan(sites.pages());
        List<String> bytes = java(plans).stream().map(o -> o.result().replaceAll(" parsed.*", "")).toList();
        for (ModelKind model : MODELS) {
            Pythons.TwinRun run = Pythons.run(TwinRequest.of(new TwinProgram(model, TwinWorkload.MIXED),
                    TwinInputs.fromPlans(TwinWorkload.MIXED, plans), 2).withVariant(TwinVariant.STDLIB));
            assertThat(run.result().failure()).as(model.id()).isNull();
            assertThat(run.results()).as(model.id()).allMatch(r -> r.matches("[\\d,]+ bytes parsed [\\d,]+ times"));
            assertThat(run.results().stream().map(r -> r.replaceAll(" parsed.*", "")).toList()).containsExactlyElementsOf(bytes);
        }
    }

    @Test
    void the_race_loses_no_update_on_one_thread_may_lose_on_threads_and_counts_per_process_in_a_pool() throws Exception {
        TwinInputs.Race unsafe = new TwinInputs.Race(300, 100, Step.CounterMode.UNSAFE);
        for (ModelKind model : List.of(ModelKind.SYNC, ModelKind.EVENTLOOP)) {
            TwinResult result = Pythons.run(TwinRequest.of(new TwinProgram(model, TwinWorkload.RACE), unsafe, 1)).result();
            assertThat(result.failure()).isNull();
            assertThat(result.counter()).as(model.id() + ": one thread, nothing runs between the read and the write")
                    .hasValue(unsafe.expected());
            assertThat(result.outcomes()).hasSize(300).allMatch(o -> o.result().equals("100 increments"));
        }

        TwinProgram threads = new TwinProgram(ModelKind.THREADS, TwinWorkload.RACE);
        TwinResult lossy = Pythons.run(TwinRequest.of(threads, unsafe, 5)).result();
        assertThat(lossy.failure()).isNull();
        assertThat(lossy.counter().orElseThrow()).as("unsafe threads may lose updates, never add any")
                .isPositive().isLessThanOrEqualTo(unsafe.expected());
        assertThat(lossy.output()).singleElement().asString().startsWith("unsafe_task: counter = ");
        TwinResult locked = Pythons.run(TwinRequest.of(threads, new TwinInputs.Race(300, 100, Step.CounterMode.SYNCHRONIZED), 5)).result();
        assertThat(locked.counter()).as("under the lock").hasValue(30_000);
        assertThat(locked.output()).singleElement().asString().startsWith("locked_task: counter = 30,000");

        TwinResult pool = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.PROCESSES, TwinWorkload.RACE), unsafe, 2)).result();
        assertThat(pool.failure()).isNull();
        assertThat(pool.counter()).as("the parent's own counter: the processes counted on their copies").hasValue(0);
        assertThat(pool.processCounts()).hasSizeBetween(1, 2).allMatch(c -> c > 0 && c % 100 == 0);
        assertThat(pool.processCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(unsafe.expected());
        assertThat(pool.output()).singleElement().asString().startsWith("parent's counter = 0; each process counted [");
    }
}
