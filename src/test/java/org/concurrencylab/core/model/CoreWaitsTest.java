package org.concurrencylab.core.model;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// More threads than cores: the time a thread waited for a core is drawn as READY, not as work.
@Timeout(60)
class CoreWaitsTest {
    private static final long BASE = 1_500_000;

    @Test
    void the_kernels_line_gives_its_three_numbers() {
        byte[] line = "1234567 89012 345\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(CoreWaits.number(line, line.length, 0)).isEqualTo(1_234_567);
        assertThat(CoreWaits.number(line, line.length, 1)).isEqualTo(89_012);
        assertThat(CoreWaits.number(line, line.length, 2)).isEqualTo(345);
        assertThat(CoreWaits.number(line, line.length, 3)).as("no fourth number").isEqualTo(-1);
        assertThat(CoreWaits.number(line, 7, 1)).as("cut short").isEqualTo(-1);
    }

    @Test
    void threads_beyond_the_cores_wait_for_one_and_work_never_exceeds_what_the_cores_can_do() throws Exception {
        assumeTrue(CoreWaits.available(), "the kernel keeps no per-thread run-queue times");
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = 3 * cores;
        RunResult result;
        try (RunEngine engine = new RunEngine(SiteConfig.defaults())) {
            result = engine.start(RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withWorkers(threads)
                    .withTasks(threads).with(RunParams.BASE, BASE).withWarmup(false)).result().get(50, TimeUnit.SECONDS);
        }

        assertThat(result.errors()).isZero();
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.result())
                .isEqualTo(SumOfSquares.expected(BASE + o.task()).toString()));
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        assertThat(result.segments()).filteredOn(s -> s.state() == State.READY)
                .as("time waited for a core").isNotEmpty()
                .allSatisfy(s -> assertThat(s.label()).isEqualTo(CoreWaits.LABEL));
        long work = result.segments().stream().filter(s -> s.state() == State.WORK).mapToLong(Segment::duration).sum();
        assertThat(work).as("work drawn, in ns, against %d cores × %d ns", cores, result.wallNanos())
                .isLessThanOrEqualTo((long) (cores * result.wallNanos() * 1.1));
        // each task is still one CPU step, cut only by its waits
        assertThat(SegmentChecks.cpuSteps(result.segments())).filteredOn(s -> s.lane() != Segment.NO_LANE)
                .filteredOn(s -> s.state() == State.WORK).hasSize(threads);
    }
    @Test
    void virtual_threads_read_their_carriers_clocks_and_keep_one_open_per_carrier() throws Exception {
        assumeTrue(CoreWaits.available(), "the kernel keeps no per-thread run-queue times");
        int cores = Runtime.getRuntime().availableProcessors();
        int tasks = 4 * cores;
        long opensBefore = CoreWaits.carrierClocksOpened();
        // platform threads spinning on every core: the carriers have to wait for one in turn
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            spinners.add(Thread.ofPlatform().daemon().start(() -> {
                long x = 0;
                while (spin.get()) x += System.nanoTime() & 1;
                if (x == 42) System.out.print("");
            }));
        }
        RunResult result;
        try (RunEngine engine = new RunEngine(SiteConfig.defaults())) {
            result = engine.start(RunSpec.defaults(WorkloadKind.CPU, ModelKind.VIRTUAL)
                    .withTasks(tasks).with(RunParams.BASE, BASE).withWarmup(false)).result().get(50, TimeUnit.SECONDS);
        } finally {
            spin.set(false);
            for (Thread t : spinners) t.join();
        }

        assertThat(result.errors()).isZero();
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.result())
                .isEqualTo(SumOfSquares.expected(BASE + o.task()).toString()));
        SegmentChecks.assertNoOverlapWithinLanes(result.segments());
        assertThat(result.segments()).filteredOn(s -> s.state() == State.READY && s.lane() != Segment.NO_LANE)
                .as("a virtual thread's carrier waiting for a core").isNotEmpty()
                .allSatisfy(s -> assertThat(s.label()).isEqualTo(CoreWaits.LABEL));
        // one clock per carrier the run used, not one per task or step (the scheduler may add
        // carriers while others read a file, so the bound is the carriers there are)
        long opened = CoreWaits.carrierClocksOpened() - opensBefore;
        assertThat(opened).as("clocks opened").isLessThanOrEqualTo(carriers()).isLessThan(tasks);
    }

    /// The virtual threads' carriers alive: threads named "ForkJoinPool-N-worker-M", whose name
    /// the kernel keeps cut to 15 characters (the common pool's are "ForkJoinPool.commonPool-…").
    private static long carriers() throws IOException {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            return threads.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith("ForkJoinPool-");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
