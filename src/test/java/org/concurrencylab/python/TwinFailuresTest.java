package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/// A program that dies, raises, hangs or writes garbage, an interpreter that is no Python, and a
/// stop: each run ends with a clear reason, every task gets its outcome (a stopped run's
/// unfinished tasks excepted), and no process of the twin is left.
@Timeout(120)
class TwinFailuresTest {
    private static final TwinProgram SYNC_SUMS = new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU);

    /// A synchronous sums program whose task does `what` on its third number.
    private static String syncSums(String imports, String what) {
        return imports + """

                NUMBERS = [1, 2, 3]


                def sum_of_squares(n):
                    if n == 3:
                        %s
                    return sum(i * i for i in range(n))


                def main():
                    for n in NUMBERS:
                        sum_of_squares(n)
                """.formatted(what);
    }

    /// Runs `code` as `request`'s program and checks what every failed run must leave.
    private static Failed runBroken(TwinRequest request, String code) throws Exception {
        return runBroken(request, code, 2);
    }

    /// As [#runBroken], where the twin had at least `processes` processes (1: the relay alone
    /// was seen, the runner having died at once).
    private static Failed runBroken(TwinRequest request, String code, int processes) throws Exception {
        PythonTwin twin = new PythonTwin(Pythons.require());
        RunControl control = new RunControl();
        try (PreparedTwin prepared = twin.prepare(request, code, control)) {
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            Outcomes outcomes = new Outcomes(request.inputs().tasks());
            TwinResult result = prepared.run(recorder, control, outcomes);
            Failed failed = new Failed(result, recorder, outcomes, prepared.processesSeen());
            failed.assertWellEnded(request.inputs().tasks(), processes);
            return failed;
        }
    }

    record Failed(TwinResult result, TraceRecorder recorder, Outcomes outcomes, List<ProcessHandle> processes) {
        void assertWellEnded(int tasks, int processesAtLeast) throws InterruptedException {
            assertThat(result.failure()).as("a failed run says why").isNotBlank();
            assertThat(result.ok()).isFalse();
            assertThat(outcomes.done()).as("every task has its outcome").isEqualTo(tasks);
            assertThat(result.outcomes()).hasSize(tasks);
            assertThat(recorder.openNow()).as("nothing left open").isEmpty();
            SegmentChecks.assertNoOverlapWithinLanes(recorder.finished());
            assertThat(processes).as("the twin's processes").hasSizeGreaterThanOrEqualTo(processesAtLeast);
            Pythons.assertGone(processes, 2_000);
        }

        List<String> failedWith() {
            return result.outcomes().stream().filter(o -> !o.ok()).map(TaskOutcome::error).toList();
        }
    }

    @Test
    void a_program_that_dies_fails_its_run_and_the_tasks_it_did_not_finish() throws Exception {
        Failed failed = runBroken(TwinRequest.of(SYNC_SUMS, TwinInputs.sums(5, 1), 1), syncSums("import os", "os._exit(3)"));

        assertThat(failed.result().failure()).startsWith("the Python program exited with code 3 before main() returned");
        assertThat(failed.result().outcomes()).extracting(TaskOutcome::ok).containsExactly(true, true, false, false, false);
        assertThat(failed.failedWith()).containsOnly(failed.result().failure());
        List<Segment> work = failed.recorder().finished().stream().filter(s -> s.task() == 2).toList();
        assertThat(work).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(State.WORK);
            assertThat(s.error()).as("the step it died in").isEqualTo(failed.result().failure());
        });
    }

    @Test
    void a_program_that_raises_fails_with_its_exception() throws Exception {
        Failed failed = runBroken(TwinRequest.of(SYNC_SUMS, TwinInputs.sums(5, 1), 1), syncSums("", "1 / 0"));

        assertThat(failed.result().failure()).startsWith("the Python program raised ZeroDivisionError: division by zero");
        assertThat(failed.result().outcomes().get(2).error()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(failed.result().outcomes()).extracting(TaskOutcome::ok).containsExactly(true, true, false, false, false);
    }

    @Test
    void a_program_that_hangs_is_killed_at_its_deadline() throws Exception {
        TwinRequest request = TwinRequest.of(SYNC_SUMS, TwinInputs.sums(4, 1), 1).withDeadline(Duration.ofSeconds(2));
        long start = System.nanoTime();
        Failed failed = runBroken(request, syncSums("import time", "time.sleep(3600)"));

        assertThat(failed.result().failure()).startsWith("the Python program did not finish within 2 s: it was killed");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(failed.result().outcomes()).extracting(TaskOutcome::ok).containsExactly(true, true, false, false);
    }

    @Test
    void a_pool_whose_process_dies_hangs_and_is_killed_with_all_its_processes() throws Exception {
        String code = """
                import multiprocessing
                import os

                NUMBERS = [1]


                def sum_of_squares(n):
                    if n == 3:
                        os._exit(1)  # the pool never hears of this task again
                    return sum(i * i for i in range(n))


                def main():
                    with multiprocessing.Pool() as pool:
                        pool.map(sum_of_squares, NUMBERS)
                """;
        TwinRequest request = TwinRequest.of(new TwinProgram(ModelKind.PROCESSES, TwinWorkload.CPU), TwinInputs.sums(5, 1), 2)
                .withDeadline(Duration.ofSeconds(4));
        Failed failed = runBroken(request, code);

        assertThat(failed.result().failure()).startsWith("the Python program did not finish within 4 s");
        assertThat(failed.processes()).as("relay, runner and the pool's processes").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void an_event_that_is_garbage_fails_the_run() throws Exception {
        Failed failed = runBroken(TwinRequest.of(SYNC_SUMS, TwinInputs.sums(3, 1), 1),
                syncSums("import os", "os.write(1, b'\\x1e{\"type\": \"began\", oops\\n')"));

        assertThat(failed.result().failure()).startsWith("the program wrote an unreadable event: {\"type\": \"began\", oops");
    }

    @Test
    void an_endless_line_fails_the_run() throws Exception {
        Failed failed = runBroken(TwinRequest.of(SYNC_SUMS, TwinInputs.sums(3, 1), 1),
                syncSums("import os, time", "os.write(1, b'x' * (3 << 20)); time.sleep(3600)"));

        assertThat(failed.result().failure()).isEqualTo("the program wrote an unreadable event: a line of more than 1024 KiB");
    }

    @Test
    void a_program_that_cannot_be_loaded_fails_before_it_runs() throws Exception {
        Failed failed = runBroken(TwinRequest.of(SYNC_SUMS, TwinInputs.sums(3, 1), 1), "NUMBERS = [\ndef main(:\n", 1);

        assertThat(failed.result().failure()).startsWith("the Python program could not be loaded: SyntaxError");
        assertThat(failed.failedWith()).hasSize(3).containsOnly(failed.result().failure());
    }

    @Test
    void the_program_as_shown_fails_to_load_where_its_library_is_missing() throws Exception {
        PythonInfo python = Pythons.require();
        assumeThat(python.aiohttp()).as("skipped: aiohttp imports here, so the program as shown loads").isFalse();
        TwinRequest request = TwinRequest.of(new TwinProgram(ModelKind.EVENTLOOP, TwinWorkload.DOWNLOAD),
                TwinInputs.pages(2, List.of(java.net.URI.create("http://127.0.0.1:9/"))), 1).withVariant(TwinVariant.LIBRARY);
        Failed failed = runBroken(request, null, 1);

        assertThat(failed.result().failure())
                .isEqualTo("the Python program could not be loaded: ModuleNotFoundError: No module named 'aiohttp'");
    }

    @Test
    void what_a_program_prints_is_its_output_not_garbage() throws Exception {
        String code = """
                import sys

                NUMBERS = [1]


                def sum_of_squares(n):
                    print("summing", n, end=" ")
                    print("{ not json }")
                    sys.stdout.write("\\x07 bell and \\u00e9\\n")
                    return sum(i * i for i in range(n))


                def main():
                    for n in NUMBERS:
                        sum_of_squares(n)
                    print("done")
                """;
        Pythons.TwinRun run = Pythons.run(new PythonTwin(Pythons.require()), TwinRequest.of(SYNC_SUMS, TwinInputs.sums(2, 4), 1), code);

        assertThat(run.result().failure()).isNull();
        assertThat(run.results()).containsExactly("14", "30");
        assertThat(run.result().output()).containsExactly("summing 4 { not json }", "\u0007 bell and \u00e9",
                "summing 5 { not json }", "\u0007 bell and \u00e9", "done");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void an_interpreter_that_answers_garbage_fails_the_run(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "fake-python", "echo 'Python 3.11.7 says hello'; sleep 30");
        Failed failed = runFake(fake);

        assertThat(failed.result().failure()).startsWith("the Python harness sent an unreadable line: not JSON");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void an_interpreter_that_dies_at_once_fails_the_run_with_its_last_words(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "fake-python", "echo 'Fatal Python error: init_fs_encoding' >&2; exit 1");
        Failed failed = runFake(fake);

        assertThat(failed.result().failure()).isEqualTo(
                "the Python harness exited with code 1 before it was ready: Fatal Python error: init_fs_encoding");
    }

    private static Failed runFake(Path fake) throws Exception {
        PythonInfo info = new PythonInfo(fake, "cpython", "3.11.7", false, true, false, false);
        TwinRequest request = TwinRequest.of(SYNC_SUMS, TwinInputs.sums(2, 1), 1);
        RunControl control = new RunControl();
        try (PreparedTwin prepared = new PythonTwin(info).prepare(request, control)) {
            assertThat(prepared.failure()).isPresent();
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            Outcomes outcomes = new Outcomes(2);
            TwinResult result = prepared.run(recorder, control, outcomes);
            assertThat(result.failure()).isEqualTo(prepared.failure().get());
            assertThat(result.outcomes()).hasSize(2).noneMatch(TaskOutcome::ok);
            assertThat(outcomes.done()).isEqualTo(2);
            List<ProcessHandle> processes = prepared.processesSeen();
            assertThat(processes).isNotEmpty();
            Pythons.assertGone(processes, 2_000);
            return new Failed(result, recorder, outcomes, processes);
        }
    }

    @Test
    void a_stop_kills_the_twin_at_once_and_keeps_only_the_finished_tasks() throws Exception {
        PythonTwin twin = new PythonTwin(Pythons.require());
        TwinRequest request = TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU), TwinInputs.sums(10, 5_000_000), 3);
        RunControl control = new RunControl();
        try (PreparedTwin prepared = twin.prepare(request, control)) {
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            Outcomes outcomes = new Outcomes(10);
            CompletableFuture<TwinResult> done = CompletableFuture.supplyAsync(() -> {
                try {
                    return prepared.run(recorder, control, outcomes);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recorder.openNow().stream().noneMatch(s -> s.task() >= 0) && System.nanoTime() < deadline) Thread.sleep(5);
            List<ProcessHandle> processes = prepared.processesSeen();
            long stop = System.nanoTime();
            control.cancel();
            TwinResult result = done.get(5, TimeUnit.SECONDS);

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop)).as("ms to stop").isLessThan(1_000);
            assertThat(result.failure()).isEqualTo("cancelled");
            assertThat(outcomes.done()).as("no outcome for the tasks it did not finish").isLessThan(10);
            assertThat(result.outcomes()).allMatch(TaskOutcome::ok);
            assertThat(recorder.openNow()).isEmpty();
            Pythons.assertGone(processes, 2_000);
        }
    }

    private static Path script(Path dir, String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
