package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.faults.LocalServers;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// A run's own timeouts reach the client its downloads use, under every model: the blocking
/// models' shared client, the event loop's, and the clients the worker processes make. The demo
/// sites answer after the run's latency; a read timeout below it fails every download with
/// "timed out", one above it lets every download through. No check on how long anything took.
@Timeout(240)
class RunTimeoutsTest {
    private static final int LATENCY_MS = 1_500;
    private static final String TIMED_OUT = "timed out: 127\\.0\\.0\\.1:\\d+";

    private static RunEngine engine;
    private static LocalServers.FullBacklog fullBacklog;

    @BeforeAll
    static void start() throws Exception {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(0));
        fullBacklog = new LocalServers.FullBacklog();
    }

    @AfterAll
    static void stop() throws Exception {
        fullBacklog.close();
        engine.close();
    }

    private static RunSpec downloads(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(model.hasWorkers() ? 2 : 1).withTasks(4)
                .with(RunParams.LATENCY_MS, LATENCY_MS).withWarmup(false);
    }

    private static RunResult run(RunSpec spec) throws Exception {
        RunHandle handle = engine.start(spec);
        RunResult result = handle.result().get(180, TimeUnit.SECONDS);
        assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
        assertThat(result.cancelled()).isFalse();
        assertThat(result.outcomes()).hasSize(4);
        return result;
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void a_read_timeout_below_the_sites_latency_fails_every_download_with_a_timeout(ModelKind model) throws Exception {
        RunResult result = run(downloads(model).with(RunParams.READ_TIMEOUT_MS, 300));

        assertThat(result.spec().readTimeoutMs()).isEqualTo(300);
        assertThat(result.errors()).isEqualTo(4);
        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).matches(TIMED_OUT);
        });
        assertThat(result.segments()).filteredOn(Segment::failed).hasSize(4)
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(State.IO_WAIT));
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void a_read_timeout_above_the_sites_latency_lets_every_download_through(ModelKind model) throws Exception {
        RunResult result = run(downloads(model).with(RunParams.READ_TIMEOUT_MS, 60_000));

        assertThat(result.errors()).isZero();
        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.ok()).as("task %d: %s", o.task(), o.error()).isTrue();
            assertThat(o.result()).contains("bytes");
        });
    }

    /// The same engine, runs with other timeouts before and after: each run gets its own.
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"THREADS", "EVENTLOOP", "PROCESSES"})
    void runs_one_after_another_each_keep_their_own_read_timeout(ModelKind model) throws Exception {
        RunResult failing = run(downloads(model).with(RunParams.READ_TIMEOUT_MS, 200));
        RunResult passing = run(downloads(model));
        RunResult failingAgain = run(downloads(model).with(RunParams.READ_TIMEOUT_MS, 250).with(RunParams.CONNECT_TIMEOUT_MS, 5_000));

        assertThat(failing.errors()).isEqualTo(4);
        assertThat(passing.errors()).isZero();
        assertThat(failingAgain.errors()).isEqualTo(4);
        assertThat(failingAgain.outcomes()).extracting(TaskOutcome::error).allMatch(e -> e.matches(TIMED_OUT));
    }

    /// A port whose connection queue is full never accepts: the run's connect timeout ends each
    /// download, well before the read timeout would.
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"SYNC", "THREADS", "EVENTLOOP", "PROCESSES"})
    void a_short_connect_timeout_fails_a_download_that_cannot_connect(ModelKind model) throws Exception {
        RunSpec spec = downloads(model).withUrls(List.of(fullBacklog.uri())).with(RunParams.CONNECT_TIMEOUT_MS, 400)
                .with(RunParams.READ_TIMEOUT_MS, 600_000);

        RunResult result = run(spec);

        assertThat(result.errors()).isEqualTo(4);
        assertThat(result.outcomes()).extracting(TaskOutcome::error).allMatch(e -> e.matches(TIMED_OUT));
    }
}
