package org.concurrencylab.python;

import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// The tests' Python: found once; a test that needs it is skipped, with the reason, where there
/// is none. And running twins: one run with a fresh recorder, and what it left.
final class Pythons {
    private static final PythonRuntime.Lookup LOOKUP = PythonRuntime.find();

    private Pythons() {}

    /// The Python on the PATH, or the test is skipped saying why there is none.
    static PythonInfo require() {
        assumeTrue(LOOKUP.found(), () -> "skipped: no Python to run the twins with ("
                + ((PythonRuntime.Missing) LOOKUP).reason() + ")");
        return ((PythonRuntime.Found) LOOKUP).info();
    }

    /// The Python on the PATH with `library` importable, or the test is skipped saying why.
    static PythonInfo requireLibrary(String library) {
        PythonInfo python = require();
        boolean has = library.equals("requests") ? python.requests() : python.aiohttp();
        assumeTrue(has, () -> "skipped: " + library + " does not import in " + python.summary()
                + "; the program as the Code tab shows it needs it (pip install " + library + ")");
        return python;
    }

    /// A finished twin run.
    record TwinRun(TwinResult result, TraceRecorder recorder, Outcomes outcomes, long endedAt) {
        List<Lane> lanes() {
            return recorder.lanes();
        }

        /// The finished segments, by start.
        List<Segment> segments() {
            List<Segment> all = new ArrayList<>(recorder.finished());
            all.sort(Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane));
            return all;
        }

        List<Segment> onLane(int lane) {
            return segments().stream().filter(s -> s.lane() == lane).toList();
        }

        List<String> results() {
            return result.outcomes().stream().map(o -> o.ok() ? o.result() : "failed: " + o.error()).toList();
        }
    }

    static TwinRun run(TwinRequest request) throws InterruptedException {
        return run(new PythonTwin(require()), request, null);
    }

    /// Runs `request` with `code` in place of the program (null: the program itself).
    static TwinRun run(PythonTwin twin, TwinRequest request, String code) throws InterruptedException {
        RunControl control = new RunControl();
        try (PreparedTwin prepared = twin.prepare(request, code, control)) {
            // the run's clock starts once the twin is prepared, as the engine's does after its warm-up
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            Outcomes outcomes = new Outcomes(request.inputs().tasks());
            TwinResult result = prepared.run(recorder, control, outcomes);
            return new TwinRun(result, recorder, outcomes, recorder.clock().now());
        }
    }

    /// Asserts that none of `processes` lives within `millis`.
    static void assertGone(List<ProcessHandle> processes, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(10);
        assertThat(processes).as("the twin's processes").noneMatch(ProcessHandle::isAlive);
    }
}
