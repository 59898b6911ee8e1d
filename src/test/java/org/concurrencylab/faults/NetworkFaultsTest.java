package org.concurrencylab.faults;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.EventLoopModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.SyncModel;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.model.VirtualThreadModel;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Http;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Downloads that fail at run time, one way each, under every model: the failing task ends with
/// its reason on its segment and in its outcome, is counted in the errors, and the other tasks of
/// the run go on and succeed (asyncio's `gather(return_exceptions=True)`). The blocking models
/// and the event loop each get their own HTTP client, so both clients are tried.
@ExtendWith(FaultLedger.class)
@Timeout(180)
class NetworkFaultsTest {
    /// Short timeouts, so a fault that waits for one is over in about a second.
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(700);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1_000);
    private static final String TIMED_OUT = "timed out: 127\\.0\\.0\\.1:\\d+";

    @TempDir
    static Path dir;

    private static DemoSites sites;
    private static BadServer bad;
    private static LocalServers.SelfSignedSite selfSigned;
    private static LocalServers.FullBacklog fullBacklog;
    private static LocalServers.PlainSpeaker plainSpeaker;
    private static Http http;
    private static AsyncHttp asyncHttp;

    /// One way for a download to fail: the URL that fails so, and the reason expected (a regex).
    record Fault(String name, URI uri, String reason) {}

    @BeforeAll
    static void start() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(0));
        bad = BadServer.start();
        selfSigned = LocalServers.SelfSignedSite.start(dir);
        fullBacklog = new LocalServers.FullBacklog();
        plainSpeaker = new LocalServers.PlainSpeaker();
        http = Http.create(64, CONNECT_TIMEOUT, READ_TIMEOUT);
        asyncHttp = AsyncHttp.create(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        asyncHttp.close();
        http.close();
        fullBacklog.close();
        plainSpeaker.close();
        selfSigned.close();
        bad.close();
        sites.close();
    }

    private static URI good() {
        return sites.pages().getLast();
    }

    static List<Fault> faults() throws Exception {
        return List.of(
                new Fault("unknown host (DNS)", URI.create("http://no-such-host.invalid/page"), "unknown host: no-such-host\\.invalid"),
                new Fault("connection refused", LocalServers.refusingUri(), "connection refused: 127\\.0\\.0\\.1:\\d+"),
                new Fault("connect timeout", fullBacklog.uri(), TIMED_OUT),
                new Fault("read timeout: no answer", bad.uri("/no-answer"), TIMED_OUT),
                new Fault("server stalls mid-body", bad.uri("/stall-body"), TIMED_OUT),
                new Fault("connection closed mid-body", bad.uri("/cut-body"),
                        "unexpected end of stream|fixed content-length: 100000, bytes received: 1000"),
                new Fault("HTTP 404", sites.baseUri().resolve("/status/404"), "HTTP 404 Not Found"),
                new Fault("HTTP 503", sites.baseUri().resolve("/status/503"), "HTTP 503 Service Unavailable"),
                new Fault("body over the cap, length announced", bad.uri("/huge"), "body larger than 32 MiB"),
                new Fault("body over the cap, chunked", bad.uri("/huge-chunked"), "body larger than 32 MiB"),
                new Fault("not an HTTP answer", bad.uri("/garbage"), "(Unexpected|Invalid) status line: \"?SSH-2\\.0-OpenSSH_9\\.2 not a web server\"?"),
                new Fault("TLS: self-signed certificate", selfSigned.uri(), "TLS failed: the certificate of 127\\.0\\.0\\.1 is not trusted"),
                new Fault("TLS: the port speaks plain HTTP", plainSpeaker.httpsUri(),
                        "TLS failed: (Unsupported or unrecognized SSL message|Unrecognized SSL message, plaintext connection\\?)"));
    }

    private static ConcurrencyModel model(ModelKind kind) {
        return switch (kind) {
            case SYNC -> new SyncModel();
            case THREADS -> new ThreadPoolModel(2);
            case VIRTUAL -> new VirtualThreadModel(10, null);
            case EVENTLOOP -> new EventLoopModel(10, asyncHttp);
            case PROCESSES -> throw new IllegalArgumentException("the process pool is tried through the engine");
        };
    }

    @TestFactory
    Stream<DynamicTest> a_failing_download_fails_only_its_task_with_its_reason_and_the_run_finishes() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelKind kind : List.of(ModelKind.SYNC, ModelKind.THREADS, ModelKind.VIRTUAL, ModelKind.EVENTLOOP)) {
            for (Fault fault : faults()) {
                String name = kind.id() + ": " + fault.name();
                tests.add(DynamicTest.dynamicTest(name, () -> FaultLedger.fault(name, () -> runWithFault(kind, fault))));
            }
        }
        return tests.stream();
    }

    /// Four tasks, good and failing in turn: the two failing ones fail with the reason, the two
    /// good ones get their page.
    private static void runWithFault(ModelKind kind, Fault fault) throws Exception {
        List<URI> urls = List.of(good(), fault.uri());
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, kind).withWorkers(kind.hasWorkers() ? 2 : 1).withTasks(4)
                .withUrls(urls).withWarmup(false);
        RunResult result = FaultRuns.run(spec, model(kind), new DownloadSites(4, urls).plan(List.of()), http);

        assertThat(result.cancelled()).isFalse();
        assertThat(result.errors()).isEqualTo(2);
        Map<Integer, TaskOutcome> outcomes = FaultRuns.byTask(result);
        assertThat(List.of(outcomes.get(0), outcomes.get(2))).allSatisfy(o -> {
            assertThat(o.ok()).as("good task %d: %s", o.task(), o.error()).isTrue();
            assertThat(o.result()).contains("bytes");
        });
        assertThat(List.of(outcomes.get(1), outcomes.get(3))).allSatisfy(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).matches(fault.reason());
        });
        assertThat(result.segments()).filteredOn(Segment::failed).hasSize(2).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(State.IO_WAIT);
            assertThat(s.lane()).isNotEqualTo(Segment.NO_LANE);
            assertThat(s.task()).isIn(1, 3);
        });
        FaultRuns.assertNothingLost(result, dir);
    }

    /// The process pool through the engine: each child meets every fault, the timeouts too (the
    /// run's short timeouts reach the children with the run's reset).
    @TestFactory
    Stream<DynamicTest> in_worker_processes_every_failing_download_fails_only_its_task() throws Exception {
        List<Fault> faults = faults();
        List<URI> urls = new ArrayList<>();
        urls.add(good());
        for (Fault f : faults) urls.add(f.uri());
        RunResult result;
        try (RunEngine engine = new RunEngine(SiteConfig.defaults().withLatencyMs(0))) {
            RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.PROCESSES).withWorkers(2)
                    .withTasks(urls.size()).withUrls(urls).withWarmup(false)
                    .with(RunParams.CONNECT_TIMEOUT_MS, (int) CONNECT_TIMEOUT.toMillis()).with(RunParams.READ_TIMEOUT_MS, (int) READ_TIMEOUT.toMillis());
            var handle = engine.start(spec);
            result = handle.result().get(120, TimeUnit.SECONDS);
            assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
        }
        Map<Integer, TaskOutcome> outcomes = FaultRuns.byTask(result);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the run finishes with every fault counted", () -> {
            assertThat(result.cancelled()).isFalse();
            assertThat(result.errors()).isEqualTo(faults.size());
            assertThat(outcomes.get(0).ok()).as("the good page: %s", outcomes.get(0).error()).isTrue();
            FaultRuns.assertNothingLost(result, dir);
        }));
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            int task = i + 1;
            String name = "processes: " + fault.name();
            tests.add(DynamicTest.dynamicTest(name, () -> FaultLedger.fault(name, () -> {
                assertThat(outcomes.get(task).ok()).isFalse();
                assertThat(outcomes.get(task).error()).matches(fault.reason());
                assertThat(result.segments()).filteredOn(s -> s.task() == task && s.failed()).singleElement()
                        .satisfies(s -> assertThat(s.error()).isEqualTo(outcomes.get(task).error()));
            })));
        }
        return tests.stream();
    }
}
