package org.concurrencylab.teach;

import org.concurrencylab.diagram.Ticks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/// The last lesson's guide: which model for which kind of job, each row backed by the numbers the
/// learner measured in the earlier lessons. A row whose runs are missing says which lesson to run.
public final class DecisionGuide {

    /// One situation of the guide.
    ///
    /// @param situation what the job is like
    /// @param choice    what to use, and why
    /// @param evidence  the learner's own numbers, or which lesson to run to get them
    /// @param measured  whether `evidence` holds numbers (false: it asks for a lesson)
    public record Row(String situation, String choice, String evidence, boolean measured) {
        public Row {
            Objects.requireNonNull(situation, "situation");
            Objects.requireNonNull(choice, "choice");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    private DecisionGuide() {}

    /// The guide, filled in from `results`.
    public static List<Row> rows(Results results) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Mostly waiting (network, disk), tens of tasks",
                "A thread pool: plain blocking code, and while one thread waits another one runs.",
                results, r -> {
                    RunRecord sync = r.run("2.1", 0);
                    RunRecord threads = r.run("2.2", 0);
                    if (sync == null || threads == null) return null;
                    return String.format(Locale.ROOT, "%d pages: %s synchronously, %s on %d threads (%s).", sync.tasks(),
                            t(sync), t(threads), threads.workers(), times(sync, threads));
                }, 2));
        rows.add(row("Mostly waiting, thousands of tasks at once",
                "An event loop, or virtual threads: a waiting task costs a little memory, not an operating-system thread.",
                results, r -> {
                    RunRecord loop = r.run("7.1", 0);
                    RunRecord virtual = r.run("7.2", 0);
                    if (loop == null || virtual == null) return null;
                    return String.format(Locale.ROOT, "%,d pages: %s on the event loop, %s on virtual threads.",
                            loop.tasks(), t(loop), t(virtual));
                }, 7));
        rows.add(row("Mostly computing, in Java",
                "A pool with one thread per processor core: Java threads compute in parallel.",
                results, r -> {
                    RunRecord sync = r.run("4.1", 0);
                    RunRecord threads = r.run("4.2", 0);
                    if (sync == null || threads == null) return null;
                    String text = String.format(Locale.ROOT, "%d sums: %s synchronously, %s on %d threads (%s).",
                            sync.tasks(), t(sync), t(threads), threads.workers(), times(sync, threads));
                    OptionalInt best = bestOfSweep(r, "3.2");
                    if (best.isPresent()) text += String.format(Locale.ROOT, " Best pool in your sweep: %d threads.", best.getAsInt());
                    return text;
                }, 4));
        rows.add(row("Mostly computing, in CPython",
                "A process pool: the GIL lets one thread run Python code at a time, each process has its own.",
                results, r -> {
                    RunRecord sync = r.run("4.1", 0);
                    RunRecord gil = r.run("4.3", 0);
                    RunRecord processes = r.run("4.4", 0);
                    if (sync == null || gil == null || processes == null) return null;
                    return String.format(Locale.ROOT, "%s synchronously, %s on threads with the GIL (%s), %s on %d processes (%s).",
                            t(sync), t(gil), times(sync, gil), t(processes), processes.workers(), times(sync, processes));
                }, 4));
        rows.add(row("Tasks update shared data",
                "A lock or an atomic update; or share nothing: processes, or an event loop that never switches mid-update.",
                results, r -> {
                    RunRecord unsafe = r.run("5.1", 0);
                    RunRecord locked = r.run("5.2", 0);
                    RunRecord loop = r.run("5.4", 0);
                    if (unsafe == null || locked == null || loop == null || unsafe.lost() == null
                            || locked.lost() == null || loop.lost() == null) {
                        return null;
                    }
                    return String.format(Locale.ROOT, "Threads lost %,d updates unsafely, %,d with a lock (%s vs %s); "
                            + "the event loop lost %,d.", unsafe.lost(), locked.lost(), t(unsafe), t(locked), loop.lost());
                }, 5));
        rows.add(row("Waiting and computing mixed",
                "Keep an event loop's code short between waits, or move the heavy part to threads, processes or virtual threads.",
                results, r -> {
                    RunRecord light = r.run("6.1", 0);
                    RunRecord heavy = r.run("6.2", 0);
                    RunRecord virtual = r.run("6.3", 0);
                    if (light == null || heavy == null || virtual == null) return null;
                    return String.format(Locale.ROOT, "Event loop: %s for the downloads alone, %s with the parsing; "
                            + "virtual threads: %s.", t(light), t(heavy), t(virtual));
                }, 6));
        return rows;
    }

    private static Row row(String situation, String choice, Results results, Function<Results, String> evidence, int lesson) {
        String text = evidence.apply(results);
        return text == null
                ? new Row(situation, choice, "Run lesson " + lesson + " to fill this in.", false)
                : new Row(situation, choice, text, true);
    }

    /// The worker count of the fastest run of a sweep step, if every run of it is recorded.
    static OptionalInt bestOfSweep(Results results, String stepId) {
        List<RunRecord> runs = results.runs(stepId);
        int expected = Lessons.step(stepId).map(s -> s.runs().size()).orElse(0);
        if (runs.isEmpty() || runs.size() < expected) return OptionalInt.empty();
        RunRecord best = runs.getFirst();
        for (RunRecord run : runs) {
            if (run.wallNanos() < best.wallNanos()) best = run;
        }
        return OptionalInt.of(best.workers());
    }

    private static String t(RunRecord run) {
        return Ticks.duration(run.wallNanos());
    }

    /// "5.1× faster", "1.3× slower", "the same".
    private static String times(RunRecord baseline, RunRecord run) {
        double ratio = (double) baseline.wallNanos() / Math.max(1, run.wallNanos());
        if (ratio >= 1.05) return String.format(Locale.ROOT, "%.1f× faster", ratio);
        if (ratio <= 1 / 1.05) return String.format(Locale.ROOT, "%.1f× slower", 1 / ratio);
        return "about the same";
    }
}
