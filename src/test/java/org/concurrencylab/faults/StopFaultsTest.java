package org.concurrencylab.faults;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/// Stopping a run at any moment: while it warms up, while worker processes start, in the middle
/// of a download, a computation, a wait for the GIL or a heavy parse on the event loop, and over
/// and over on a process pool. Each time the result arrives, says `cancelled`, the trace is whole
/// (every segment cut by the stop says so), the run file reads back identical, and no pool
/// thread, loop thread or worker process is left.
@ExtendWith(FaultLedger.class)
@Timeout(300)
class StopFaultsTest {
    /// How long the result may take to arrive after a stop before the stop counts as hung.
    private static final long RESULT_WAIT_SECONDS = 10;

    @TempDir
    static Path dir;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(400));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    /// A moment to stop at, seen from outside the run as the window sees it.
    record Moment(String name, Predicate<RunHandle> reached) {
        static Moment phase(RunPhase phase) {
            return new Moment("while " + phase.name().toLowerCase(Locale.ROOT).replace('_', ' '), h -> h.phase() == phase);
        }

        /// A task (or, for STARTUP, a process) is in `state` right now. A CPU step is WORK cut by
        /// its waits for a core and the JVM's pauses: mid-compute is any of the three.
        static Moment open(State state, String name) {
            Predicate<State> in = state == State.WORK
                    ? s -> s == State.WORK || s == State.READY || s == State.PAUSED : s -> s == state;
            return new Moment(name, h -> h.trace() != null && h.trace().openNow().stream()
                    .anyMatch(s -> in.test(s.state()) && (state == State.STARTUP || s.task() != Segment.NO_TASK)));
        }

        static Moment afterFirstTask() {
            return new Moment("after a task finished", h -> h.done() > 0);
        }

        static Moment atOnce() {
            return new Moment("at once", h -> true);
        }
    }

    /// Starts `spec` on `on`, stops it at `moment`, and returns the result, which must arrive.
    private static RunResult stopAt(RunEngine on, RunSpec spec, Moment moment) throws Exception {
        RunHandle handle = on.start(spec);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!moment.reached().test(handle)) {
            if (handle.result().isDone()) fail("the run ended before the moment came: " + moment.name());
            if (System.nanoTime() > deadline) fail("the moment never came: " + moment.name());
            Thread.sleep(1);
        }
        long stoppedAt = System.nanoTime();
        handle.cancel();
        RunResult result = handle.result().get(RESULT_WAIT_SECONDS, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "stop %s %s %s: result after %d ms%n", spec.workload().id(), spec.model().id(), moment.name(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt));
        assertThat(handle.phase()).isIn(RunPhase.CANCELLED, RunPhase.FINISHED);
        return result;
    }

    /// What every stopped run must show; `before` are the worker processes alive before it began.
    private static void assertStoppedCleanly(RunResult result, Set<ProcessHandle> before) throws Exception {
        assertThat(result.cancelled()).isTrue();
        assertThat(result.completed()).isLessThan(result.tasks());
        assertThat(result.segments()).filteredOn(Segment::failed).allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.ok()).as("task %d: %s", o.task(), o.error()).isTrue());
        FaultRuns.assertNothingLost(result, dir);
        assertThat(FaultRuns.workerProcessesLeftAfter(2_000, before)).as("worker processes left").isEmpty();
        assertThat(threadsLeftAfter(2_000)).as("pool and loop threads left").isEmpty();
    }

    /// Waits up to `millis` for the runs' own threads (pool threads, the event loop) to end;
    /// returns the names of those left.
    private static List<String> threadsLeftAfter(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.matches("pool-\\d+") || n.equals("event-loop")).toList();
            if (left.isEmpty() || System.nanoTime() > deadline) return left;
            Thread.sleep(10);
        }
    }

    private static RunSpec downloads(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(2).withTasks(400).with(RunParams.LATENCY_MS, 400).withWarmup(false);
    }

    private static RunSpec sums(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.CPU, model).withWorkers(2).withTasks(12).with(RunParams.BASE, 30_000_000L).withWarmup(false);
    }

    @TestFactory
    Stream<DynamicTest> a_stop_at_any_moment_ends_the_run_and_leaves_nothing_running() {
        record Case(RunSpec spec, Moment moment) {}
        List<Case> cases = new ArrayList<>();
        for (ModelKind model : List.of(ModelKind.EVENTLOOP, ModelKind.VIRTUAL, ModelKind.PROCESSES)) {
            cases.add(new Case(downloads(model), Moment.open(State.IO_WAIT, "mid-download")));
            cases.add(new Case(sums(model), Moment.open(State.WORK, "mid-compute")));
        }
        cases.add(new Case(sums(ModelKind.THREADS).withWorkers(3).withGil(true), Moment.open(State.LOCK_WAIT, "while a thread waits for the GIL")));
        cases.add(new Case(RunSpec.defaults(WorkloadKind.MIXED, ModelKind.EVENTLOOP).withTasks(200).with(RunParams.CPU_MS, 2_000).with(RunParams.LATENCY_MS, 0)
                .withWarmup(false), Moment.open(State.WORK, "mid-parse, the parse holding the loop")));
        cases.add(new Case(RunSpec.defaults(WorkloadKind.MIXED, ModelKind.PROCESSES).withWorkers(2).withTasks(20).with(RunParams.CPU_MS, 2_000)
                .with(RunParams.LATENCY_MS, 0).withWarmup(false), Moment.open(State.WORK, "mid-parse in a process")));
        cases.add(new Case(downloads(ModelKind.THREADS).withWarmup(true), Moment.phase(RunPhase.WARMING_UP)));
        cases.add(new Case(RunSpec.defaults(WorkloadKind.RACE, ModelKind.VIRTUAL).withTasks(200_000).withWarmup(false),
                Moment.open(State.WORK, "mid-race on 200,000 virtual threads")));
        return cases.stream().map(c -> {
            String name = c.spec().workload().id() + " " + c.spec().model().id() + (c.spec().gil() ? " gil" : "") + ": stop " + c.moment().name();
            return DynamicTest.dynamicTest(name, () -> FaultLedger.fault(name, () -> {
                Set<ProcessHandle> before = FaultRuns.liveWorkerProcesses();
                assertStoppedCleanly(stopAt(engine, c.spec(), c.moment()), before);
            }));
        });
    }

    @Test
    void a_stop_while_worker_processes_start_kills_them_all() throws Exception {
        FaultLedger.fault("processes: stop during start-up", () -> {
            // a new engine has no worker processes yet: the run begins by starting them
            Set<ProcessHandle> before = FaultRuns.liveWorkerProcesses();
            try (RunEngine fresh = new RunEngine(SiteConfig.defaults().withLatencyMs(0))) {
                RunResult result = stopAt(fresh, sums(ModelKind.PROCESSES), Moment.open(State.STARTUP, "during process start-up"));

                assertThat(result.outcomes()).isEmpty();
                assertThat(result.segments()).filteredOn(s -> s.state() == State.STARTUP).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
                assertStoppedCleanly(result, before);
            }
        });
    }

    /// Issue acceptance: after 20 start/stop cycles of a process-pool run, stopped at every kind
    /// of moment in turn, no worker process is alive.
    @Test
    void twenty_start_and_stop_cycles_of_a_process_pool_leave_no_child_process_alive() throws Exception {
        List<Moment> moments = List.of(Moment.atOnce(), Moment.phase(RunPhase.RUNNING), Moment.open(State.STARTUP, "during process start-up"),
                Moment.open(State.WORK, "mid-compute"), Moment.afterFirstTask());
        // 40 short sums: a stopped cycle ends at once, and a whole run still lasts long enough on a
        // loaded machine for the 1 ms poll to see a step open (12 sums once ended before it had)
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.PROCESSES).withWorkers(2).withTasks(40).with(RunParams.BASE, 3_000_000L)
                .withWarmup(false);
        Set<ProcessHandle> before = FaultRuns.liveChildren(c -> c.contains("org.concurrencylab.worker."));
        try (RunEngine own = new RunEngine(SiteConfig.defaults().withLatencyMs(0))) {
            for (int cycle = 1; cycle <= 20; cycle++) {
                Moment moment = moments.get((cycle - 1) % moments.size());
                String name = "processes: start/stop cycle " + cycle + ", stopped " + moment.name();
                FaultLedger.fault(name, () -> {
                    RunResult result = stopAt(own, spec, moment);
                    assertThat(result.completed()).isLessThan(result.tasks());
                    FaultRuns.assertNothingLost(result, dir);
                    assertThat(FaultRuns.workerProcessesLeftAfter(2_000, before)).as("worker processes left after cycle").isEmpty();
                });
            }
        }
        assertThat(FaultRuns.workerProcessesLeftAfter(2_000, before)).isEmpty();
        assertThat(FaultRuns.leftAfter(2_000, () -> FaultRuns.liveChildren(c -> c.contains("org.concurrencylab.worker.")), before))
                .as("any child of the lab, AOT cache training included").isEmpty();
    }
}
