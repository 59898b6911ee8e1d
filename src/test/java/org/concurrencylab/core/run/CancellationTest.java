package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Stopping long runs: the result comes within the promised 500 ms (1 s allowed here, for a
/// loaded machine), says `cancelled`, and leaves a complete trace and no pool threads behind.
@Timeout(60)
class CancellationTest {
    private static final long CANCEL_BUDGET_MS = 1_000;
    private static final long DOWNLOAD_TASKS = 100;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(200));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunSpec longDownloads(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(4).withTasks((int) DOWNLOAD_TASKS)
                .with(RunParams.LATENCY_MS, 200).withWarmup(false);
    }

    private static RunSpec longSums(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.CPU, model).withWorkers(4).withTasks(8).with(RunParams.BASE, 50_000_000L)
                .withWarmup(false);
    }

    /// Starts `spec`, cancels it 300 ms into the timed run and returns the result.
    private static RunResult cancelMidway(RunSpec spec) throws Exception {
        RunHandle handle = engine.start(spec);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handle.phase() != RunPhase.RUNNING && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(handle.phase()).isEqualTo(RunPhase.RUNNING);
        Thread.sleep(300);
        assertThat(handle.result()).as("still running when cancelled").isNotDone();

        long cancelledAt = System.nanoTime();
        handle.cancel();
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

        assertThat(tookMs).as("ms from cancel to result").isLessThan(CANCEL_BUDGET_MS);
        assertThat(handle.cancelRequested()).isTrue();
        assertThat(handle.phase()).isEqualTo(RunPhase.CANCELLED);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.completed()).isLessThan(spec.tasks());
        assertThat(result.summaryLine()).endsWith(" cancelled");
        assertThat(result.segments()).noneMatch(Segment::open);
        assertThat(handle.trace().openNow()).isEmpty();
        assertThat(result.segments()).filteredOn(Segment::failed).isNotEmpty()
                .allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        return result;
    }

    private static List<String> livePoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.matches("pool-\\d+"))
                .toList();
    }

    private static void assertPoolThreadsAreGone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!livePoolThreads().isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(livePoolThreads()).isEmpty();
    }

    @Test
    void cancelling_synchronous_downloads_stops_the_blocked_request() throws Exception {
        RunResult result = cancelMidway(longDownloads(ModelKind.SYNC));

        assertThat(result.completed()).isLessThan(5);
    }

    @Test
    void cancelling_pooled_downloads_stops_every_worker_and_ends_the_pool() throws Exception {
        RunResult result = cancelMidway(longDownloads(ModelKind.THREADS));

        assertThat(result.completed()).isLessThan(20);
        assertPoolThreadsAreGone();
    }

    @Test
    void cancelling_a_synchronous_sum_stops_the_computation() throws Exception {
        RunResult result = cancelMidway(longSums(ModelKind.SYNC));

        assertThat(result.completed()).isZero();
        assertThat(result.outcomes()).isEmpty();
    }

    @Test
    void cancelling_pooled_sums_stops_every_computation_and_ends_the_pool() throws Exception {
        RunResult result = cancelMidway(longSums(ModelKind.THREADS));

        assertThat(result.completed()).isZero();
        assertPoolThreadsAreGone();
    }

    @Test
    void cancelling_pooled_fibs_stops_every_recursion_and_ends_the_pool() throws Exception {
        // fib(42) is about 870 million calls, a second or more each: none ends within 300 ms
        RunSpec fibs = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS).withWorkers(4).withTasks(8)
                .with(RunParams.FIB_N, 42).withWarmup(false);

        RunResult result = cancelMidway(fibs);

        assertThat(result.completed()).isZero();
        assertPoolThreadsAreGone();
    }

    @Test
    void a_run_cancelled_before_it_starts_completes_as_cancelled_without_outcomes() throws Exception {
        RunHandle handle = engine.start(longSums(ModelKind.THREADS).withWarmup(true));
        handle.cancel();

        RunResult result = handle.result().get(10, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.outcomes()).isEmpty();
        assertThat(result.segments()).noneMatch(Segment::open);
        assertThat(handle.phase()).isEqualTo(RunPhase.CANCELLED);
        assertPoolThreadsAreGone();
    }

    @Test
    void a_run_that_finished_is_not_marked_cancelled_by_a_late_cancel() throws Exception {
        RunHandle handle = engine.start(longSums(ModelKind.SYNC).withTasks(2).with(RunParams.BASE, 1_000));
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);

        handle.cancel();

        assertThat(result.cancelled()).isFalse();
        assertThat(result.completed()).isEqualTo(2);
        assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
    }
}
