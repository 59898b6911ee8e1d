package org.concurrencylab.faults;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Page;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Load that a class demo may put on the lab: a run of 100,000 tiny tasks, whose trace keeps
/// every segment in bounded memory per segment, and the demo sites under 5,000 requests at once,
/// which all get their page, none before the promised latency. Measured numbers are printed (for
/// docs/MEASUREMENTS.md), never asserted as times.
@ExtendWith(FaultLedger.class)
@Timeout(300)
class LoadFaultsTest {
    private static final int TINY_TASKS = 100_000;
    /// What one task of a 100,000-task run may keep in memory, at most, once the run is over: its
    /// two segments (a record of 8 fields and a slot in the trace's log, about 60 bytes each, and
    /// a label), its outcome, and with a lane per task its lane. Measured on JDK 25: 280 bytes on
    /// a thread pool, about 430 with a lane per task (see the printed line).
    private static final long MAX_BYTES_PER_TASK = 1_024;
    private static final int CONCURRENT_REQUESTS = 5_000;
    private static final int LATENCY_MS = 500;
    private static final int WARM_UP_REQUESTS = 500;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> a_run_of_100000_tiny_tasks_keeps_every_segment_in_bounded_memory() {
        return Stream.of(ModelKind.THREADS, ModelKind.EVENTLOOP, ModelKind.VIRTUAL).map(model -> {
            String name = "100,000 tiny tasks on " + model.id();
            return DynamicTest.dynamicTest(name, () -> FaultLedger.fault(name, () -> hundredThousandTasks(model)));
        });
    }

    private static void hundredThousandTasks(ModelKind model) throws Exception {
        RunSpec spec = RunSpec.defaults(WorkloadKind.RACE, model).withWorkers(4).withTasks(TINY_TASKS).with(RunParams.INCREMENTS, 1)
                .with(RunParams.COUNTER_MODE, Step.CounterMode.ATOMIC).withWarmup(false);
        long before;
        RunResult result;
        try (RunEngine engine = new RunEngine()) {
            before = heapAfterGc();
            result = engine.start(spec).result().get(120, TimeUnit.SECONDS);
        }
        long retained = heapAfterGc() - before;

        assertThat(result.cancelled()).isFalse();
        assertThat(result.outcomes()).hasSize(TINY_TASKS).allMatch(TaskOutcome::ok);
        assertThat(result.counter().actual()).isEqualTo(TINY_TASKS);
        // nothing dropped: every task ran exactly once on a worker's lane, and its time in the
        // queue is there at most once
        // each CPU step whole, however often its thread waited for a core within it
        List<Segment> steps = SegmentChecks.cpuSteps(result.segments());
        Map<Integer, Long> work = steps.stream()
                .filter(s -> s.state() == State.WORK && s.task() != Segment.NO_TASK && s.lane() != Segment.NO_LANE)
                .filter(s -> model != ModelKind.EVENTLOOP || result.lanes().get(s.lane()).name().equals("event loop"))
                .collect(Collectors.groupingBy(Segment::task, Collectors.counting()));
        assertThat(work).hasSize(TINY_TASKS).allSatisfy((task, n) -> assertThat(n).as("WORK segments of task %d", task).isEqualTo(1));
        Map<Integer, Long> queued = result.segments().stream().filter(s -> s.state() == State.QUEUED)
                .collect(Collectors.groupingBy(Segment::task, Collectors.counting()));
        assertThat(queued.values()).allMatch(n -> n == 1);
        assertThat(steps.size()).isLessThanOrEqualTo(2 * TINY_TASKS + result.lanes().size());

        long perTask = retained / TINY_TASKS;
        System.out.printf(Locale.ROOT, "100,000 tiny tasks on %s: %,d segments, %,d lanes, %,d bytes kept by the result (%d per task, %d per segment), wall %.3f s%n",
                model.id(), result.segments().size(), result.lanes().size(), retained, perTask, retained / result.segments().size(),
                result.wallSeconds());
        assertThat(perTask).as("bytes kept per task").isLessThanOrEqualTo(MAX_BYTES_PER_TASK);
        FaultRuns.assertNothingLost(result, dir);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void the_demo_sites_answer_5000_requests_at_once_each_with_its_page_and_none_before_the_latency() throws Exception {
        FaultLedger.fault("demo sites under 5,000 requests at once", () -> {
            try (DemoSites sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(LATENCY_MS));
                 AsyncHttp http = AsyncHttp.createDefault()) {
                URI small = sites.pages().getLast();
                // warm the server's and the client's code first, so the numbers are not those of a cold JVM
                List<CompletableFuture<Page>> warmUp = new ArrayList<>();
                for (int i = 0; i < WARM_UP_REQUESTS; i++) warmUp.add(http.fetch(small));
                CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                long[] sent = new long[CONCURRENT_REQUESTS];
                long[] received = new long[CONCURRENT_REQUESTS];
                List<CompletableFuture<Page>> pages = new ArrayList<>(CONCURRENT_REQUESTS);
                long start = System.nanoTime();
                for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                    int request = i;
                    sent[i] = System.nanoTime();
                    pages.add(http.fetch(small).whenComplete((page, error) -> received[request] = System.nanoTime()));
                }
                CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                long wall = System.nanoTime() - start;

                byte[] first = pages.getFirst().join().body();
                assertThat(new String(first, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("<!DOCTYPE html>")
                        .contains("<title>A small page</title>").endsWith("</html>\n");
                assertThat(pages).allSatisfy(p -> {
                    assertThat(p.join().status()).isEqualTo(200);
                    assertThat(p.join().body()).isEqualTo(first);
                });
                long[] millis = new long[CONCURRENT_REQUESTS];
                for (int i = 0; i < CONCURRENT_REQUESTS; i++) millis[i] = TimeUnit.NANOSECONDS.toMillis(received[i] - sent[i]);
                assertThat(Arrays.stream(millis).min().orElseThrow()).as("fastest answer, ms").isGreaterThanOrEqualTo(LATENCY_MS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sites.served() < WARM_UP_REQUESTS + CONCURRENT_REQUESTS && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(sites.served()).isEqualTo(WARM_UP_REQUESTS + CONCURRENT_REQUESTS);

                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "demo sites, %,d requests at once, %d ms latency: all answered in %.2f s; per request p50 %d ms, p99 %d ms, max %d ms; at most %,d in flight at once%n",
                        CONCURRENT_REQUESTS, LATENCY_MS, wall / 1e9, millis[CONCURRENT_REQUESTS / 2], millis[CONCURRENT_REQUESTS * 99 / 100],
                        millis[CONCURRENT_REQUESTS - 1], maxInFlight(sent, received));
            }
        });
    }

    /// The most requests between sending and their answer at one instant.
    private static int maxInFlight(long[] sent, long[] received) {
        long[][] edges = new long[sent.length * 2][];
        for (int i = 0; i < sent.length; i++) {
            edges[2 * i] = new long[] {sent[i], 1};
            edges[2 * i + 1] = new long[] {received[i], -1};
        }
        Arrays.sort(edges, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] e : edges) {
            open += (int) e[1];
            max = Math.max(max, open);
        }
        return max;
    }
}
