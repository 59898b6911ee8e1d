package org.concurrencylab.faults;

import org.concurrencylab.CommandLines;
import org.concurrencylab.Main;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.export.RunJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/// The lab's processes live and die together, started as a user starts them: `Main` on a JVM
/// with the default collector, which relaunches itself in a second JVM that starts the worker
/// processes. Killing the first JVM with SIGKILL (no shutdown hook runs) ends the second one and
/// its workers within seconds; Ctrl+C (SIGINT) ends a run with what it measured written, marked
/// cancelled, and exit code 130, whether the run is in the JVM that got the signal or relaunched.
///
/// The kill is tried `concurrencylab.killCycles` times in a row (1 by default; the 20
/// cycles are run with `-Dconcurrencylab.killCycles=20`).
@ExtendWith(FaultLedger.class)
@EnabledOnOs(OS.LINUX)
@Timeout(600)
class LauncherFaultsTest {
    /// How long the processes left may take to go once the launcher is gone.
    private static final long GONE_WITHIN_MILLIS = 5_000;
    private static final int SIGINT = 2;

    @TempDir
    Path dir;

    /// The lab's command line on a fresh JVM, as `java -jar` would start it; `relaunch` false
    /// sets `CONCURRENCY_LAB_NO_RELAUNCH`. A marker in its options finds its processes later.
    private static Process lab(String marker, boolean relaunch, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dconcurrencylab.test=" + marker, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("CONCURRENCY_LAB_NO_RELAUNCH");
        if (!relaunch) builder.environment().put("CONCURRENCY_LAB_NO_RELAUNCH", "1");
        return builder.start();
    }

    private static final String[] LONG_RUN = {"run", "--workload", "cpu", "--model", "processes", "--workers", "2",
            "--tasks", "400", "--base", "30000000", "--no-warmup"};

    private static String[] longRun(String... more) {
        List<String> all = new ArrayList<>(List.of(LONG_RUN));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /// Waits until `root` has worker processes among its descendants; returns them. A lab that
    /// ends first fails the case with its exit code and what it printed.
    private static Set<ProcessHandle> awaitWorkers(Process root, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Set<ProcessHandle> workers = root.toHandle().descendants().filter(p -> command(p).contains("org.concurrencylab.worker.WorkerMain"))
                    .collect(Collectors.toSet());
            if (workers.size() >= 2) return workers;
            if (!root.isAlive()) {
                throw new AssertionError("the lab ended with exit code " + root.exitValue() + " before it started its workers: "
                        + Files.readString(log));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no worker processes within 60 s: " + Files.readString(log));
    }

    private static String command(ProcessHandle p) {
        return CommandLines.of(p);
    }

    /// Every process whose command line carries `marker` (the launcher and the relaunched JVM).
    private static Set<ProcessHandle> withMarker(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> command(p).contains(marker))
                .collect(Collectors.toSet());
    }

    private static Set<ProcessHandle> aliveAfter(long millis, Set<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Set<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).collect(Collectors.toSet());
            if (alive.isEmpty() || System.nanoTime() > deadline) return alive;
            Thread.sleep(20);
        }
    }

    @Test
    void a_launcher_killed_with_sigkill_takes_the_relaunched_jvm_and_its_workers_with_it() throws Exception {
        int cycles = Integer.getInteger("concurrencylab.killCycles", 1);
        long slowest = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String name = "launcher killed with SIGKILL mid-run" + (cycles > 1 ? ", cycle " + cycle : "");
            long[] gone = new long[1];
            FaultLedger.fault(name, () -> {
                String marker = UUID.randomUUID().toString();
                Path log = dir.resolve("kill-" + marker + ".log");
                Process launcher = lab(marker, true, log, LONG_RUN);
                Set<ProcessHandle> workers = awaitWorkers(launcher, log);
                Optional<ProcessHandle> relaunched = launcher.toHandle().children()
                        .filter(p -> command(p).contains("-Dconcurrencylab.relaunched=true")).findFirst();
                assertThat(relaunched).as("the launcher relaunched the lab: %s", Files.readString(log)).isPresent();
                Set<ProcessHandle> lab = new HashSet<>(workers);
                lab.add(relaunched.get());

                long killed = System.nanoTime();
                launcher.destroyForcibly(); // SIGKILL: no shutdown hook of the launcher runs
                assertThat(launcher.waitFor(5, TimeUnit.SECONDS)).isTrue();

                assertThat(aliveAfter(GONE_WITHIN_MILLIS, lab)).as("the relaunched JVM and its workers").isEmpty();
                gone[0] = System.nanoTime() - killed;
                assertThat(withMarker(marker)).as("no process of the lab").isEmpty();
            });
            slowest = Math.max(slowest, gone[0]);
        }
        System.out.printf(Locale.ROOT, "launcher killed with SIGKILL, %d cycle(s): no process of the lab left; the slowest went in %d ms%n",
                cycles, TimeUnit.NANOSECONDS.toMillis(slowest));
    }

    @Test
    void ctrl_c_ends_a_run_with_what_it_measured_written_and_exit_code_130() throws Exception {
        assumeThat(sigintIgnored()).as("SIGINT is ignored in this process tree (a background job): it cannot be tried").isFalse();
        FaultLedger.fault("Ctrl+C (SIGINT) mid-run: the partial result is written, exit 130", () -> interruptAndCheck(false));
        FaultLedger.fault("Ctrl+C (SIGINT) to the launcher mid-run: the relaunched run writes its partial result, exit 130",
                () -> interruptAndCheck(true));
    }

    /// Starts a long run that writes a run file and a CSV, interrupts the JVM it was started in
    /// once its workers run, and checks what it wrote.
    private void interruptAndCheck(boolean relaunch) throws Exception {
        String marker = UUID.randomUUID().toString();
        Path log = dir.resolve("int-" + marker + ".log");
        Path json = dir.resolve("int-" + marker + ".json");
        Path csv = dir.resolve("int-" + marker + ".csv");
        Process lab = lab(marker, relaunch, log, longRun("--json", json.toString(), "--csv", csv.toString()));
        Set<ProcessHandle> workers = awaitWorkers(lab, log);

        Process signal = new ProcessBuilder("kill", "-INT", Long.toString(lab.pid())).inheritIO().start();
        assertThat(signal.waitFor()).isZero();
        assertThat(lab.waitFor(90, TimeUnit.SECONDS)).as("the lab ends").isTrue();

        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(lab.exitValue()).as(said).isEqualTo(130);
        assertThat(said.lines().filter(l -> l.startsWith("cpu processes"))).singleElement().asString()
                .startsWith("cpu processes workers=2 tasks=400 ").endsWith(" cancelled");
        RunResult written = RunJson.read(json);
        assertThat(written.cancelled()).isTrue();
        assertThat(written.completed()).isLessThan(400);
        assertThat(Files.readAllLines(csv).getFirst()).startsWith("lane,lane_name,task,state");
        assertThat(aliveAfter(GONE_WITHIN_MILLIS, workers)).as("worker processes").isEmpty();
        assertThat(withMarker(marker)).as("no process of the lab").isEmpty();
    }

    /// Whether this JVM was started with SIGINT ignored, which its children inherit.
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (SIGINT - 1))) != 0;
        }
        return false;
    }
}
