package org.concurrencylab.worker;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.faults.FaultLedger;
import org.concurrencylab.faults.FaultRuns;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencylab.worker.PoolRuns.assertWellFormed;

/// Worker processes that crash, quit, or write what is not the protocol, mid-task or while they
/// start (beyond what [WorkerFailuresTest] covers): the task in flight fails with a reason that
/// names the process and what it did, the other process runs the rest, the bad process is gone,
/// and the run file of the run reads back identical.
@ExtendWith(FaultLedger.class)
@Timeout(180)
class WorkerFaultsTest {
    private static final int PROCESSES = 2;
    private static final int TASKS = 6;
    private static final String PROCESS = "worker process (\\d+) ";

    @TempDir
    static Path dir;

    private static Set<ProcessHandle> before;

    @BeforeAll
    static void noteChildren() {
        before = FaultRuns.liveWorkerProcesses();
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        assertThat(FaultRuns.workerProcessesLeftAfter(2_000, before)).isEmpty();
    }

    private static WorkerPool fakes(String start) {
        return new WorkerPool(ChildJvm.forMainClass(FaultyWorkerMain.class.getName()).withArgs(List.of(start)));
    }

    /// Task 1 misbehaves as `word` says; the others are fine.
    private static List<TaskPlan> plansWithFault(String word) {
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) plans.add(new TaskPlan(i, (i == 1 ? word : "fine") + " #" + i, List.of(new Step.Sleep(1))));
        return plans;
    }

    /// The run as the engine would return it, for its run file.
    static RunResult resultOf(PoolRuns.PoolRun run) {
        List<Segment> segments = run.segments();
        long wall = segments.stream().mapToLong(Segment::end).max().orElse(0);
        RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.PROCESSES).withWorkers(run.model().workers())
                .withTasks(run.context().plans().size()).withWarmup(false);
        return new RunResult(spec, wall, run.context().plans().size(), run.context().outcomes().errors(), false, run.lanes(),
                segments, run.outcomes(), RunStats.of(wall, 0, segments));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (alive(pid) && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(alive(pid)).as("process %d is gone", pid).isFalse();
    }

    @TestFactory
    Stream<DynamicTest> a_process_that_misbehaves_mid_task_fails_only_that_task_and_is_gone() {
        record Misbehaviour(String word, String what, String reason) {}
        return Stream.of(
                new Misbehaviour("crash", "crashes (exit code 3)", PROCESS + "exited with code 3 while running task 1"),
                new Misbehaviour("quit", "exits without answering", PROCESS + "exited with code 0 while running task 1"),
                new Misbehaviour("long-line", "writes a 2 MiB line", PROCESS + "sent an unreadable message: a line of more than 1024 KiB"),
                new Misbehaviour("unknown-type", "writes JSON of an unknown kind",
                        PROCESS + "sent an unreadable message: \\{\"type\":\"progress\",\"task\":1,\"percent\":50\\}"),
                new Misbehaviour("other-task", "answers for a task it was not given",
                        PROCESS + "sent an unexpected message: the outcome of task 1001 while running task 1"),
                new Misbehaviour("half-line", "writes half a message and exits",
                        PROCESS + "sent an unreadable message: \\{\"type\":\"outcome\",\"task\":1,.*"),
                new Misbehaviour("binary", "writes bytes that are not text", PROCESS + "sent an unreadable message: .+"),
                // the pool gives a mute process 5 s to exit by itself, then kills it
                new Misbehaviour("close-output", "closes its output and hangs", PROCESS + "exited with code 137 while running task 1"))
                .map(m -> DynamicTest.dynamicTest(m.what(), () -> FaultLedger.fault("worker process " + m.what(), () -> {
                    try (WorkerPool pool = fakes("ok")) {
                        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, plansWithFault(m.word()), null);

                        assertWellFormed(run, PROCESSES);
                        TaskOutcome failed = run.outcomes().get(1);
                        assertThat(failed.ok()).isFalse();
                        assertThat(failed.error()).matches(m.reason());
                        assertThat(run.outcomes()).filteredOn(o -> o.task() != 1)
                                .allSatisfy(o -> assertThat(o.result()).isEqualTo("fine"));
                        assertThat(run.segments()).filteredOn(Segment::failed).singleElement().satisfies(s -> {
                            assertThat(s.task()).isEqualTo(1);
                            assertThat(s.error()).isEqualTo(failed.error());
                        });
                        assertGone(Long.parseLong(failed.error().replaceAll(PROCESS + ".*", "$1")));
                        FaultRuns.assertNothingLost(resultOf(run), dir);
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> processes_that_misbehave_while_starting_fail_every_task_with_the_reason() {
        record Start(String arg, String what, String reason) {}
        return Stream.of(
                new Start("banner", "print a line before 'ready'",
                        PROCESS + "sent an unreadable message: Picked up JAVA_TOOL_OPTIONS: -Xmx1g"),
                new Start("bad-pong", "answer a ping with the wrong id",
                        PROCESS + "sent an unreadable message: expected the answer to ping 1, got: \\{\"type\":\"pong\",\"id\":7,.*"))
                .map(s -> DynamicTest.dynamicTest(s.what(), () -> FaultLedger.fault("worker processes " + s.what(), () -> {
                    try (WorkerPool pool = fakes(s.arg())) {
                        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, plansWithFault("fine"), null);

                        assertWellFormed(run, PROCESSES);
                        assertThat(run.outcomes()).hasSize(TASKS).allSatisfy(o -> {
                            assertThat(o.ok()).isFalse();
                            assertThat(o.error()).matches("not run: no worker process is left \\(" + s.reason() + "\\)");
                        });
                        assertThat(run.segments()).filteredOn(seg -> seg.state() == State.STARTUP).hasSize(PROCESSES)
                                .allSatisfy(seg -> assertThat(seg.error()).matches(s.reason()));
                        for (int lane = 0; lane < PROCESSES; lane++) assertGone(run.pid(lane));
                        FaultRuns.assertNothingLost(resultOf(run), dir);
                    }
                })));
    }

    @Test
    void a_process_that_floods_its_stderr_while_starting_still_works() throws Exception {
        FaultLedger.fault("worker processes write 4 MiB on stderr", () -> {
            try (WorkerPool pool = fakes("stderr-flood")) {
                PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, plansWithFault("fine"), null);

                assertWellFormed(run, PROCESSES);
                assertThat(run.outcomes()).hasSize(TASKS).allSatisfy(o -> assertThat(o.result()).isEqualTo("fine"));
                FaultRuns.assertNothingLost(resultOf(run), dir);
            }
        });
    }

    @Test
    void a_process_terminated_mid_task_fails_only_its_task() throws Exception {
        FaultLedger.fault("worker process terminated (SIGTERM) mid-task", () -> {
            try (WorkerPool pool = new WorkerPool()) {
                long base = 5_000_000L;
                List<TaskPlan> plans = new SumOfSquares(TASKS, base).plan(List.of());
                PoolRuns.PoolRun run = PoolRuns.start(pool, PROCESSES, plans, null);
                Segment working = awaitOpenWork(run);
                long pid = run.pid(working.lane());

                ProcessHandle.of(pid).orElseThrow().destroy();
                run.await();

                assertWellFormed(run, PROCESSES);
                List<TaskOutcome> failed = run.outcomes().stream().filter(o -> !o.ok()).toList();
                assertThat(failed).singleElement().satisfies(o ->
                        assertThat(o.error()).isEqualTo("worker process " + pid + " exited with code 143 while running task " + o.task()));
                assertThat(run.outcomes()).filteredOn(TaskOutcome::ok).hasSize(TASKS - 1)
                        .allSatisfy(o -> assertThat(o.result()).isEqualTo(SumOfSquares.expected(base + o.task()).toString()));
                assertGone(pid);
                FaultRuns.assertNothingLost(resultOf(run), dir);
            }
        });
    }

    /// A process that stops answering (frozen, its stdout still open) or that never ends a task
    /// (its pings answered) is lost: its task fails saying so, it is killed, and a new process
    /// takes its slot on a lane of its own; the other tasks are all done.
    @TestFactory
    Stream<DynamicTest> a_lost_process_fails_its_task_is_killed_and_replaced() {
        String replaced = "; it was killed and a new process takes its place";
        record Lost(String word, String what, String reason) {}
        return Stream.of(
                new Lost("freeze", "stops answering mid-task",
                        PROCESS + "was lost: nothing heard from it for 5 s while it ran task 1" + replaced),
                new Lost("stall", "never ends its task but answers pings",
                        PROCESS + "was lost: task 1 ran longer than it may \\(5 s\\)" + replaced))
                .map(l -> DynamicTest.dynamicTest(l.what(), () -> FaultLedger.fault("worker process " + l.what(), () -> {
                    try (WorkerPool pool = fakes("ok")) {
                        PoolRuns.PoolRun run = PoolRuns.run(pool, PROCESSES, plansWithFault(l.word()), null);

                        TaskOutcome failed = run.outcomes().get(1);
                        assertThat(failed.ok()).isFalse();
                        assertThat(failed.error()).matches(l.reason());
                        assertThat(run.outcomes()).hasSize(TASKS).filteredOn(o -> o.task() != 1)
                                .allSatisfy(o -> assertThat(o.result()).isEqualTo("fine"));
                        long lostPid = Long.parseLong(failed.error().replaceAll(PROCESS + ".*", "$1"));
                        assertThat(run.lanes()).hasSize(PROCESSES + 1);
                        assertThat(run.lanes().getLast().name()).matches("process \\d \\(pid \\d+, in place of pid " + lostPid + "\\)");
                        assertThat(run.segments()).filteredOn(Segment::failed).singleElement().satisfies(seg -> {
                            assertThat(seg.task()).isEqualTo(1);
                            assertThat(seg.error()).isEqualTo(failed.error());
                        });
                        assertGone(lostPid);
                        assertThat(pool.processes()).as("the pool has its processes again").hasSize(PROCESSES)
                                .noneMatch(p -> p.pid() == lostPid);
                        FaultRuns.assertNothingLost(resultOf(run), dir);
                    }
                })));
    }

    @Test
    void the_pool_and_the_run_settings_agree_on_the_most_processes() {
        assertThat(ModelKind.PROCESSES.traits().workers().max()).isEqualTo(WorkerPool.MAX_WORKERS);
        assertThat(RunParams.WORKERS.range(RunSpec.defaults(WorkloadKind.CPU, ModelKind.PROCESSES)).max())
                .isEqualTo(WorkerPool.MAX_WORKERS);
    }

    /// The first task seen working; fails, saying what the run did instead, if the run ends or
    /// a minute passes before one is.
    private static Segment awaitOpenWork(PoolRuns.PoolRun run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !run.done().isDone()) {
            for (Segment s : run.recorder().openNow()) {
                if (s.state() == State.WORK && s.task() != Segment.NO_TASK) return s;
            }
            Thread.sleep(2);
        }
        throw new AssertionError((run.done().isDone() ? "the run ended" : "a minute passed")
                + " before a task was seen working; lanes " + run.lanes() + ", outcomes " + run.outcomes()
                + ", open " + run.recorder().openNow() + ", finished " + run.segments());
    }
}
