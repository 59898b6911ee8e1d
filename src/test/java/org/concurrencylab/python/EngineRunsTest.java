package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.export.RunJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// A run on [RuntimeKind#PYTHON] is a run like any other: the engine runs the Python twin on
/// the Java run's own inputs, its trace and outcomes are the run's, its file keeps what ran, and
/// a missing interpreter fails the run with a sentence, before its clock starts.
class EngineRunsTest {
    private static RunEngine engine;

    @BeforeAll
    static void start() {
        engine = new RunEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static RunResult run(RunSpec spec) throws Exception {
        return engine.start(spec).result().get();
    }

    private static RunSpec sums(ModelKind model, int workers) {
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, model).withTasks(10).with(RunParams.BASE, 300_000L);
        if (model.hasWorkers()) spec = spec.withWorkers(workers);
        return spec;
    }

    @Test
    void cpython_threads_compute_the_java_run_s_sums_exactly_one_lane_per_thread_and_wait_for_the_gil() throws Exception {
        PythonInfo python = Pythons.require();
        RunSpec spec = sums(ModelKind.THREADS, 5);
        RunResult java = run(spec.withWarmup(false));
        RunResult cpython = run(spec.withRuntime(RuntimeKind.PYTHON));

        assertThat(cpython.errors()).isZero();
        assertThat(cpython.outcomes()).extracting(TaskOutcome::task).containsExactlyElementsOf(
                java.outcomes().stream().map(TaskOutcome::task).toList());
        assertThat(cpython.outcomes()).extracting(TaskOutcome::result)
                .containsExactlyElementsOf(java.outcomes().stream().map(TaskOutcome::result).toList());
        // ThreadPoolExecutor starts a thread per submit only while none is idle: a thread that
        // finished its first number early takes the next, so the pool may use fewer than 5
        assertThat(cpython.lanes()).hasSizeBetween(2, 5).extracting(Lane::name).doesNotHaveDuplicates();
        for (int task = 0; task < spec.tasks(); task++) {
            int t = task;
            assertThat(cpython.segments().stream().filter(s -> s.task() == t && s.state() == State.WORK)
                    .map(Segment::lane).distinct()).as("task %d runs on one lane", t).hasSize(1);
        }
        if (python.gilEnabled()) {
            assertThat(cpython.segments()).filteredOn(s -> s.state() == State.LOCK_WAIT).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.label()).isEqualTo("waiting for the GIL"));
            assertThat(cpython.lockWaitShare()).isGreaterThan(0);
        }
        // the run's wall ends when main() returned, not when the interpreter has exited
        assertThat(cpython.segments()).allMatch(s -> s.end() <= cpython.wallNanos());
        assertThat(cpython.runtime()).startsWith("CPython " + python.major() + "." + python.minor());
        assertThat(Captions.caption(cpython)).startsWith(cpython.runtime() + " · threads (5) · 10 numbers from 300,000");
        assertThat(Captions.title(cpython.spec())).isEqualTo("Sum of squares · CPython · Thread pool (5 threads)");
        assertThat(cpython.summaryLine()).startsWith("cpu python threads workers=5 tasks=10 errors=0")
                .contains("gil-wait=", "runtime=\"" + cpython.runtime() + "\"");
    }

    @Test
    void cpython_computes_the_java_run_s_fibs_under_the_threads_program() throws Exception {
        PythonInfo python = Pythons.require();
        RunSpec spec = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS).withTasks(6).with(RunParams.FIB_N, 22).withWorkers(3);
        RunResult java = run(spec.withWarmup(false));
        RunResult cpython = run(spec.withRuntime(RuntimeKind.PYTHON));

        assertThat(java.outcomes()).extracting(TaskOutcome::result).containsOnly("17711");
        assertThat(cpython.errors()).isZero();
        assertThat(cpython.outcomes()).extracting(TaskOutcome::name)
                .containsExactlyElementsOf(java.outcomes().stream().map(TaskOutcome::name).toList());
        assertThat(cpython.outcomes()).extracting(TaskOutcome::result)
                .containsExactlyElementsOf(java.outcomes().stream().map(TaskOutcome::result).toList());
        assertThat(cpython.lanes()).hasSizeBetween(1, 3);
        assertThat(cpython.segments()).filteredOn(s -> s.state() == State.WORK && s.task() >= 0).isNotEmpty()
                .allSatisfy(s -> assertThat(s.label()).isEqualTo("fib(22)"));
        assertThat(cpython.runtime()).startsWith("CPython " + python.major() + "." + python.minor());
        assertThat(Captions.title(cpython.spec())).isEqualTo("Fibonacci · CPython · Thread pool (3 threads)");
        assertThat(Captions.caption(cpython)).startsWith(cpython.runtime() + " · threads (3) · fib(22), 6 times");
    }

    @Test
    void one_cpython_thread_waits_for_no_gil() throws Exception {
        Pythons.require();
        // a second of sums: one thread alone is sampled every 5 ms, and a sample that meets a moment's
        // sleep draws it a period long
        RunResult cpython = run(sums(ModelKind.THREADS, 1).withRuntime(RuntimeKind.PYTHON)
                .with(RunParams.BASE, 1_000_000L));

        assertThat(cpython.errors()).isZero();
        assertThat(cpython.lanes()).hasSize(1);
        // the one thread shares the GIL with no other that computes: what is drawn waiting is the
        // sampling's blur on a busy machine, a few per cent (3.3 % seen at 1 ms), never the threads' 40 %
        assertThat(cpython.lockWaitShare()).as("the share of CPU steps waiting for the GIL").isLessThan(0.10);
    }

    @Test
    void the_race_s_counter_is_python_s_and_a_process_pool_counts_apart() throws Exception {
        Pythons.require();
        RunSpec race = RunSpec.defaults(WorkloadKind.RACE, ModelKind.SYNC).withTasks(50).with(RunParams.INCREMENTS, 100)
                .withRuntime(RuntimeKind.PYTHON);
        RunResult sync = run(race);
        assertThat(sync.counter().expected()).isEqualTo(5_000);
        assertThat(sync.counter().actual()).isEqualTo(5_000);

        RunResult processes = run(race.withModel(ModelKind.PROCESSES).withWorkers(2).withRuntime(RuntimeKind.PYTHON));
        assertThat(processes.errors()).isZero();
        assertThat(processes.lanes()).as("one lane per process").hasSize(2);
        // each process that got tasks counted on its own copy; a quick race may leave one without any
        assertThat(processes.counter().workerCounts()).hasSizeBetween(1, 2);
        assertThat(processes.counter().workerCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000);
        assertThat(processes.counter().actual()).as("the parent's counter").isZero();
        assertThat(processes.segments()).anyMatch(s -> s.state() == State.STARTUP);
    }

    @Test
    void the_run_file_keeps_what_ran_and_reopens_with_the_same_caption() throws Exception {
        Pythons.require();
        RunResult cpython = run(sums(ModelKind.SYNC, 1).withRuntime(RuntimeKind.PYTHON));

        RunResult reopened = RunJson.fromJson(RunJson.toJson(cpython));

        assertThat(reopened.spec()).isEqualTo(cpython.spec());
        assertThat(reopened.spec().runtime()).isEqualTo(RuntimeKind.PYTHON);
        assertThat(reopened.runtime()).isEqualTo(cpython.runtime());
        assertThat(Captions.caption(reopened)).isEqualTo(Captions.caption(cpython));
        assertThat(reopened.segments()).isEqualTo(cpython.segments());
    }

    @Test
    void a_java_run_s_file_names_no_runtime_but_java() throws Exception {
        RunResult java = run(sums(ModelKind.SYNC, 1).withWarmup(false));

        assertThat(java.runtime()).isEmpty();
        assertThat(RunJson.toJson(java)).contains("\"runtime\" : \"java\"").doesNotContain("CPython");
        assertThat(Captions.caption(java)).startsWith("10 numbers from 300,000");
    }

    @Test
    void without_the_interpreter_asked_for_the_run_fails_with_a_sentence() {
        try (RunEngine own = new RunEngine()) {
            own.usePython(Path.of("/nonexistent/python3"));
            assertThatThrownBy(() -> own.start(sums(ModelKind.THREADS, 5).withRuntime(RuntimeKind.PYTHON)).result().get())
                    .isInstanceOf(ExecutionException.class).cause()
                    .hasMessage("there is no Python interpreter at /nonexistent/python3");
        }
    }

    @Test
    void virtual_threads_have_no_runtime_choice_and_the_simulated_gil_is_java_s() {
        RunSpec virtual = RunSpec.defaults(WorkloadKind.CPU, ModelKind.VIRTUAL).withRuntime(RuntimeKind.PYTHON);
        assertThat(virtual.runtime()).isEqualTo(RuntimeKind.JAVA);
        assertThat(RunParams.RUNTIME.appliesTo(virtual)).isFalse();

        RunSpec threads = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withGil(true).withRuntime(RuntimeKind.PYTHON);
        assertThat(threads.gil()).as("CPython has a real GIL: the simulated one does not apply").isFalse();
        assertThat(threads.applied()).doesNotContainKeys(RunParams.GIL, RunParams.SWITCH_MS, RunParams.WARMUP);
        assertThat(List.of(ModelKind.values())).filteredOn(m -> m.traits().pythonTwin())
                .containsExactly(ModelKind.SYNC, ModelKind.THREADS, ModelKind.EVENTLOOP, ModelKind.PROCESSES);
    }
}
