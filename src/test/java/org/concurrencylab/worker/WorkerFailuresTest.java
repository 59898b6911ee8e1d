package org.concurrencylab.worker;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurrencylab.worker.PoolRuns.assertWellFormed;

/// Processes that die, garble their stream, fail to start, or are stopped: every task still gets
/// exactly one outcome, the run finishes, errors name the process and the task, and no child
/// process is left behind.
@Timeout(120)
class WorkerFailuresTest {
    private static final int PROCESSES = 2;
    /// The promised 500 ms to stop, with room for a loaded machine.
    private static final long STOP_BUDGET_MS = 1_000;

    private static WorkerPool pool;

    @BeforeAll
    static void start() {
        pool = new WorkerPool();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static List<TaskPlan> longSums(int count) {
        return new SumOfSquares(count, 20_000_000L).plan(List.of());
    }

    /// Waits until some lane shows a task's CPU work open (the run is in full swing).
    private static Segment awaitOpenWork(PoolRuns.PoolRun run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (run.done().isDone()) throw new AssertionError("the run ended before a task was seen working");
            for (Segment s : run.recorder().openNow()) {
                if (s.state() == State.WORK && s.task() != Segment.NO_TASK) return s;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no task started working within 30 s");
    }

    /// Waits up to `budgetMs` for `children` to be gone, then asserts they are: dead, and no
    /// longer among this JVM's descendants.
    private static void assertGoneWithin(List<ProcessHandle> children, long budgetMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMs);
        while (System.nanoTime() < deadline && children.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(10);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(PoolRuns.liveWorkerChildren()).doesNotContainAnyElementsOf(children);
    }

    @Test
    void a_process_killed_mid_run_fails_only_its_task_and_the_other_process_does_the_rest() throws Exception {
        // each sum long enough (tens of ms even on a warm core) to be seen working and killed at it
        long base = 20_000_000L;
        List<TaskPlan> plans = new SumOfSquares(6, base).plan(List.of());
        PoolRuns.PoolRun run = PoolRuns.start(pool, PROCESSES, plans, null);
        Segment working = awaitOpenWork(run);
        long pid = run.pid(working.lane());

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        run.await();

        assertWellFormed(run, PROCESSES);
        List<TaskOutcome> failed = run.outcomes().stream().filter(o -> !o.ok()).toList();
        assertThat(failed).hasSize(1);
        TaskOutcome killed = failed.getFirst();
        assertThat(killed.error()).isEqualTo("worker process " + pid + " exited with code 137 while running task " + killed.task());
        assertThat(run.outcomes()).filteredOn(TaskOutcome::ok).hasSize(plans.size() - 1).allSatisfy(o ->
                assertThat(o.result()).isEqualTo(SumOfSquares.expected(base + o.task()).toString()));
        assertThat(run.segments()).filteredOn(Segment::failed).singleElement().satisfies(s -> {
            assertThat(s.lane()).isEqualTo(working.lane());
            assertThat(s.task()).isEqualTo(killed.task());
            assertThat(s.error()).isEqualTo(killed.error());
        });
        // after the kill, the surviving process ran every task left
        long killedAt = run.segments().stream().filter(Segment::failed).findFirst().orElseThrow().end();
        assertThat(run.onLanes()).filteredOn(s -> s.start() >= killedAt).allMatch(s -> s.lane() != working.lane());
    }

    @Test
    void a_stopped_run_ends_within_the_budget_and_leaves_no_child_process_alive() throws Exception {
        PoolRuns.PoolRun run = PoolRuns.start(pool, PROCESSES, longSums(8), null);
        awaitOpenWork(run);
        List<ProcessHandle> children = pool.processes();
        assertThat(children).hasSize(PROCESSES);

        long stoppedAt = System.nanoTime();
        run.context().control().cancel();
        run.await();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);

        assertThat(tookMs).as("ms from stop to return").isLessThan(STOP_BUDGET_MS);
        assertGoneWithin(children, STOP_BUDGET_MS);
        assertThat(pool.processes()).isEmpty();
        assertThat(run.context().outcomes().done()).isLessThan(8);
        assertThat(run.recorder().openNow()).isEmpty();
        assertThat(run.segments()).noneMatch(Segment::open);
        assertThat(run.segments()).filteredOn(Segment::failed).isNotEmpty()
                .allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
        SegmentChecks.assertNoOverlapWithinLanes(run.segments());

        // the pool starts new processes for the next run
        PoolRuns.PoolRun next = PoolRuns.run(pool, PROCESSES, new SumOfSquares(2, 1_000).plan(List.of()), null);
        assertWellFormed(next, PROCESSES);
        assertThat(next.outcomes()).allMatch(TaskOutcome::ok);
    }

    @Test
    void closing_the_pool_leaves_no_child_process_alive() throws Exception {
        WorkerPool own = new WorkerPool();
        own.prestart(PROCESSES);
        List<ProcessHandle> children = own.processes();
        assertThat(children).hasSize(PROCESSES);

        own.close();

        assertGoneWithin(children, STOP_BUDGET_MS);
        assertThat(own.processes()).isEmpty();
    }

    @Test
    void a_worker_exits_by_itself_when_its_stdin_ends() throws Exception {
        Process child = new ProcessBuilder(ChildJvm.ofThisApp().command()).redirectErrorStream(true).start();
        try {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void a_process_writing_junk_fails_its_task_cleanly_and_is_killed_while_the_run_goes_on() throws Exception {
        try (WorkerPool junk = new WorkerPool(ChildJvm.forMainClass(JunkWorkerMain.class.getName()))) {
            List<TaskPlan> plans = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                plans.add(new TaskPlan(i, i == 1 ? "junk #" + i : "fine #" + i, List.of(new Step.Sleep(1))));
            }
            PoolRuns.PoolRun run = PoolRuns.run(junk, PROCESSES, plans, null);

            assertWellFormed(run, PROCESSES);
            TaskOutcome garbled = run.outcomes().get(1);
            assertThat(garbled.ok()).isFalse();
            assertThat(garbled.error()).matches("worker process \\d+ sent an unreadable message: Traceback \\(most recent call last\\): \\? not json");
            assertThat(run.outcomes()).filteredOn(o -> o.task() != 1).allSatisfy(o -> assertThat(o.result()).isEqualTo("fake"));
            long pid = Long.parseLong(garbled.error().replaceAll("worker process (\\d+) .*", "$1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the garbling process is killed").isFalse();
            assertThat(run.segments()).filteredOn(Segment::failed).singleElement()
                    .satisfies(s -> assertThat(s.error()).isEqualTo(garbled.error()));
        }
    }

    @Test
    void when_every_process_is_gone_the_tasks_left_fail_with_a_clear_error() throws Exception {
        try (WorkerPool junk = new WorkerPool(ChildJvm.forMainClass(JunkWorkerMain.class.getName()))) {
            List<TaskPlan> plans = new ArrayList<>();
            for (int i = 0; i < 5; i++) plans.add(new TaskPlan(i, "junk #" + i, List.of(new Step.Sleep(1))));

            PoolRuns.PoolRun run = PoolRuns.run(junk, PROCESSES, plans, null);

            assertWellFormed(run, PROCESSES);
            assertThat(run.outcomes()).noneMatch(TaskOutcome::ok);
            assertThat(run.outcomes()).filteredOn(o -> o.error().matches("worker process \\d+ sent an unreadable message: .*"))
                    .hasSize(PROCESSES);
            assertThat(run.outcomes()).filteredOn(o -> o.error().startsWith("not run: no worker process is left ("))
                    .hasSize(plans.size() - PROCESSES);
        }
    }

    @Test
    void a_process_that_cannot_start_fails_the_run_with_its_own_words() throws Exception {
        try (WorkerPool broken = new WorkerPool(ChildJvm.forMainClass("org.concurrencylab.worker.NoSuchMain"))) {
            List<TaskPlan> plans = new SumOfSquares(3, 1_000).plan(List.of());

            PoolRuns.PoolRun run = PoolRuns.run(broken, PROCESSES, plans, null);

            assertWellFormed(run, PROCESSES);
            assertThat(run.outcomes()).allSatisfy(o -> {
                assertThat(o.ok()).isFalse();
                assertThat(o.error()).startsWith("not run: no worker process is left (worker process ")
                        .contains("exited with code 1 during start-up")
                        .contains("NoSuchMain");
            });
            assertThat(run.segments()).filteredOn(s -> s.state() == State.STARTUP).hasSize(PROCESSES)
                    .allSatisfy(s -> assertThat(s.error()).contains("during start-up"));
        }
    }

    @Test
    void a_java_that_cannot_be_run_fails_every_task_and_says_why() throws Exception {
        ChildJvm missing = new ChildJvm("/no/such/java", "", ChildJvm.OPTIONS, WorkerMain.class.getName(), List.of());
        try (WorkerPool broken = new WorkerPool(missing)) {
            PoolRuns.PoolRun run = PoolRuns.run(broken, PROCESSES, new SumOfSquares(3, 1_000).plan(List.of()), null);

            assertThat(run.lanes()).extracting(l -> l.name()).containsExactly("process 1 (not started)", "process 2 (not started)");
            assertThat(run.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o.error())
                    .startsWith("not run: no worker process is left (could not start a worker process: ")
                    .contains("/no/such/java"));
            assertThat(run.recorder().openNow()).isEmpty();
        }
    }

    @Test
    void the_jvms_own_messages_go_to_stderr_and_never_garble_the_protocol() throws Exception {
        // a cache that does not exist: the JVM logs an error line, and starts anyway
        ChildJvm noisy = ChildJvm.ofThisApp().withOptions(List.of("-XX:AOTCache=" + System.getProperty("java.io.tmpdir")
                + "/no-such-cache-" + ProcessHandle.current().pid() + ".aot"));
        try (WorkerPool withMessages = new WorkerPool(noisy)) {
            PoolRuns.PoolRun run = PoolRuns.run(withMessages, 1, new SumOfSquares(2, 1_000).plan(List.of()), null);

            assertWellFormed(run, 1);
            assertThat(run.outcomes()).allMatch(TaskOutcome::ok);
        }
    }

    @Test
    void a_pool_refuses_more_processes_than_it_can_start() {
        assertThatThrownBy(() -> new ProcessPoolModel(0, pool)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessPoolModel(WorkerPool.MAX_WORKERS + 1, pool))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and");
    }
}
