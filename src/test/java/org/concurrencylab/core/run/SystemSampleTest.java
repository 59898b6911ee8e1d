package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The live figures of a run (platform threads, child processes, CPU, heap): read a few times a
/// second while it runs, kept in its result, and offered by its handle. A run of ten 100 ms
/// downloads, one after another, lasts at least a second whatever the machine's speed.
@Timeout(60)
class SystemSampleTest {
    private static final int LATENCY_MS = 100;
    private static final int DOWNLOADS = 10;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(LATENCY_MS));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunSpec oneSecond() {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).withTasks(DOWNLOADS).with(RunParams.LATENCY_MS, LATENCY_MS)
                .withWarmup(false);
    }

    @Test
    void a_one_second_run_keeps_several_readings_in_time_order() throws Exception {
        RunResult result = engine.start(oneSecond()).result().get(30, TimeUnit.SECONDS);

        assertThat(result.wallNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos((long) LATENCY_MS * DOWNLOADS));
        List<SystemSample> samples = result.samples();
        long period = TimeUnit.MILLISECONDS.toNanos(SystemSampler.PERIOD_MILLIS);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(3)
                .as("never more than one reading per period").hasSizeLessThanOrEqualTo((int) (result.wallNanos() / period) + 2);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).atNanos()).as("reading %d", i).isGreaterThan(samples.get(i - 1).atNanos());
        }
        assertThat(samples.getFirst().atNanos()).isNotNegative();
        assertThat(samples.getLast().atNanos()).isLessThanOrEqualTo(result.wallNanos() + period);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.platformThreads()).isPositive();
            assertThat(s.heapUsedBytes()).isPositive();
            assertThat(s.cpuPercent()).isNotNegative();
            assertThat(s.childProcesses()).isNotNegative();
        });
        assertThat(result.peakThreads()).isEqualTo(samples.stream().mapToInt(SystemSample::platformThreads).max().orElseThrow())
                .isPositive();
        assertThat(result.peakProcesses()).isNotNegative();

        RunResult cpython = new RunResult(result.spec(), result.wallNanos(), result.tasks(), result.errors(), false,
                result.lanes(), result.segments(), result.outcomes(), result.stats(), 0, null, samples, "CPython 3.11");
        assertThat(cpython.peakThreads()).as("the JVM's threads are not a CPython program's").isZero();
    }

    @Test
    void the_handle_offers_the_latest_reading_while_the_run_goes_on() throws Exception {
        RunHandle handle = engine.start(oneSecond());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handle.phase() != RunPhase.RUNNING && System.nanoTime() < deadline) Thread.sleep(2);
        assertThat(handle.phase()).isEqualTo(RunPhase.RUNNING);

        SystemSample first = handle.system();
        Thread.sleep(3 * SystemSampler.PERIOD_MILLIS);
        SystemSample later = handle.system();
        RunResult result = handle.result().get(30, TimeUnit.SECONDS);

        assertThat(first).isNotNull();
        assertThat(first.platformThreads()).isPositive();
        assertThat(later).isNotNull();
        assertThat(later.atNanos()).as("a newer reading").isGreaterThan(first.atNanos());
        assertThat(result.samples()).contains(first, later);
        assertThat(handle.system()).as("the last reading stays after the run").isNotNull();
    }

    @Test
    void a_run_stopped_before_it_starts_has_no_readings() throws Exception {
        RunHandle handle = engine.start(RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withTasks(2).with(RunParams.BASE, 1_000));
        handle.cancel();

        RunResult result = handle.result().get(30, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.samples()).isEmpty();
        assertThat(result.peakThreads()).isZero();
    }
}
