package org.concurrencylab.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.cli.Cli;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Every run ends, through the engine and the command line: a server that sends its headers and
/// then one byte a second fails its download at the run's deadline under every model (the read
/// timeout alone would wait for hours), and a worker process that is stopped (SIGSTOP) mid-task
/// is declared lost, its task failed with that reason, the process killed and replaced.
@ExtendWith(FaultLedger.class)
@Timeout(240)
class RunsEndFaultsTest {
    private static final int DEADLINE_MS = 2_000;

    @TempDir
    static Path dir;

    private static BadServer bad;
    private static RunEngine engine;

    @BeforeAll
    static void start() throws Exception {
        bad = BadServer.start();
        engine = new RunEngine(SiteConfig.defaults().withLatencyMs(0));
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        bad.close();
    }

    private static String overDeadline() {
        return "timed out: 127\\.0\\.0\\.1:" + bad.uri("/").getPort() + " did not answer in full within the deadline \\("
                + DEADLINE_MS + " ms\\)";
    }

    @TestFactory
    Stream<DynamicTest> a_download_that_drips_a_byte_a_second_fails_at_the_deadline_in_every_model() {
        return Stream.of(ModelKind.values()).map(model -> {
            String name = model.id() + ": a byte a second, the run's deadline ends it";
            return DynamicTest.dynamicTest(name, () -> FaultLedger.fault(name, () -> {
                List<URI> urls = List.of(bad.uri("/"), bad.uri("/drip-slow"));
                RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withWorkers(model.hasWorkers() ? 2 : 1).withTasks(4)
                        .withUrls(urls).withWarmup(false).with(RunParams.DEADLINE_MS, DEADLINE_MS);
                RunHandle handle = engine.start(spec);
                RunResult result = handle.result().get(120, TimeUnit.SECONDS);

                assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
                assertThat(result.cancelled()).isFalse();
                assertThat(result.spec().readTimeoutMs()).as("the read timeout alone never ends it").isEqualTo(30_000);
                assertThat(result.errors()).isEqualTo(2);
                Map<Integer, TaskOutcome> outcomes = FaultRuns.byTask(result);
                assertThat(List.of(outcomes.get(0), outcomes.get(2))).allSatisfy(o -> assertThat(o.ok()).isTrue());
                assertThat(List.of(outcomes.get(1), outcomes.get(3))).allSatisfy(o -> assertThat(o.error()).matches(overDeadline()));
                assertThat(result.segments()).filteredOn(Segment::failed).hasSize(2)
                        .allSatisfy(s -> assertThat(s.state()).isEqualTo(State.IO_WAIT));
                FaultRuns.assertNothingLost(result, dir);
            }));
        });
    }

    @Test
    void the_command_line_s_deadline_ends_a_dripping_download_and_the_file_says_why() throws Exception {
        FaultLedger.fault("command line: --deadline-ms ends a download that drips", () -> {
            Path json = dir.resolve("drip.json");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code;
            try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
                code = Cli.execute(new String[] {"run", "--model", "threads", "--workers", "2", "--tasks", "2",
                        "--url", bad.uri("/").toString(), "--url", bad.uri("/drip-slow").toString(),
                        "--deadline-ms", Integer.toString(DEADLINE_MS), "--no-warmup", "--json", json.toString()}, o, e);
            }

            assertThat(code).as(err.toString()).isEqualTo(Cli.RUN_FAILED);
            assertThat(out.toString().lines().toList()).singleElement().asString()
                    .startsWith("download threads workers=2 tasks=2 errors=1 ");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.get("spec").get("deadlineMs").asInt()).isEqualTo(DEADLINE_MS);
            assertThat(root.get("outcomes").get(1).get("error").asText()).matches(overDeadline());
        });
    }

    /// A real worker process, stopped with SIGSTOP while it computes: silent past the limit, it
    /// is lost; its task fails saying so, it is killed (a stopped process dies of SIGKILL too),
    /// a new process takes its place, and every other task is done.
    @Test
    @EnabledOnOs(OS.LINUX)
    void a_worker_process_stopped_mid_task_is_lost_killed_and_replaced() throws Exception {
        FaultLedger.fault("processes: a worker process stopped (SIGSTOP) mid-task", () -> {
            RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.PROCESSES).withWorkers(2).withTasks(12)
                    .with(RunParams.BASE, 30_000_000L).with(RunParams.KEEP_WARM, true).withWarmup(false);
            RunHandle handle = engine.start(spec);
            Segment working = awaitOpenWork(handle);
            long pid = pidOf(handle.trace().lanes().get(working.lane()));

            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
            assertThat(stop.waitFor()).isZero();
            RunResult result = handle.result().get(120, TimeUnit.SECONDS);

            assertThat(handle.phase()).isEqualTo(RunPhase.FINISHED);
            assertThat(result.cancelled()).isFalse();
            assertThat(result.outcomes()).hasSize(12);
            List<TaskOutcome> failed = result.outcomes().stream().filter(o -> !o.ok()).toList();
            assertThat(failed).singleElement().satisfies(o -> assertThat(o.error()).isEqualTo("worker process " + pid
                    + " was lost: nothing heard from it for 5 s while it ran task " + o.task()
                    + "; it was killed and a new process takes its place"));
            assertThat(result.lanes()).hasSize(3);
            Matcher replacement = Pattern.compile("process \\d \\(pid (\\d+), in place of pid " + pid + "\\)")
                    .matcher(result.lanes().getLast().name());
            assertThat(replacement.matches()).as(result.lanes().getLast().name()).isTrue();
            assertThat(alive(pid)).as("the stopped process is gone").isFalse();
            // kept warm, the engine keeps the replacement for the next run, as it keeps every process
            assertThat(alive(Long.parseLong(replacement.group(1)))).as("the replacement lives on").isTrue();
            FaultRuns.assertNothingLost(result, dir);
        });
    }

    private static Segment awaitOpenWork(RunHandle handle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (handle.trace() != null) {
                for (Segment s : handle.trace().openNow()) {
                    if (s.state() == State.WORK && s.task() != Segment.NO_TASK && s.lane() != Segment.NO_LANE) return s;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no task started working within 60 s");
    }

    private static boolean alive(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        while (alive && System.nanoTime() < deadline) {
            Thread.sleep(10);
            alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return alive;
    }

    private static long pidOf(Lane lane) {
        Matcher m = Pattern.compile("process \\d+ \\(pid (\\d+)\\)").matcher(lane.name());
        assertThat(m.matches()).as("lane name %s", lane.name()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
