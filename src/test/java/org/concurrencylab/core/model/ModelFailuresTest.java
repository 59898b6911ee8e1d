package org.concurrencylab.core.model;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Downloads that fail: every task still ends with an outcome, the failing segment carries the
/// error, and the run finishes.
@Timeout(60)
class ModelFailuresTest {
    private static final int TASKS = 6;

    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(10));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static RunResult run(ModelKind model, URI url) throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(3).withTasks(TASKS)
                .withUrls(List.of(url)).withWarmup(false);
        var handle = engine.start(spec);
        RunResult result = handle.result().get(30, TimeUnit.SECONDS);
        assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
        return result;
    }

    private static void assertEveryTaskFailedWith(RunResult result, String error) {
        assertThat(result.cancelled()).isFalse();
        assertThat(result.errors()).isEqualTo(TASKS);
        assertThat(result.outcomes()).hasSize(TASKS).allSatisfy(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).contains(error);
            assertThat(o.result()).isNull();
        });
        List<Segment> failed = result.segments().stream().filter(Segment::failed).toList();
        assertThat(failed).hasSize(TASKS).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(State.IO_WAIT);
            assertThat(s.error()).contains(error);
            assertThat(s.lane()).isNotEqualTo(Segment.NO_LANE);
        });
        assertThat(failed).extracting(Segment::task).doesNotHaveDuplicates();
        // a failed fetch is never followed by a parse of the same task (the event loop's only
        // code then is sending each request)
        assertThat(result.segments()).filteredOn(s -> s.state() == State.WORK)
                .allSatisfy(s -> assertThat(s.label()).startsWith("send "));
        assertThat(result.segments()).noneMatch(Segment::open);
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void a_server_error_fails_every_task_with_the_status_on_its_segment(ModelKind model) throws Exception {
        URI failing = engine.demoSites().baseUri().resolve("/status/500");

        RunResult result = run(model, failing);

        assertEveryTaskFailedWith(result, "500");
        assertThat(result.summaryLine()).contains("errors=" + TASKS).doesNotContain("cancelled");
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void an_unused_port_fails_every_task_as_connection_refused_and_the_run_still_finishes(ModelKind model) throws Exception {
        RunResult result = run(model, URI.create("http://127.0.0.1:1/"));

        assertEveryTaskFailedWith(result, "connection refused");
    }
}
