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
                results, 2, List.of("2.1", "2.2"), runs -> {
                    RunRecord sync = runs.get(0), threads = runs.get(1);
                    return String.format(Locale.ROOT, "%d pages: %s synchronously, %s on %d threads (%s).", sync.tasks(),
                            t(sync), t(threads), threads.workers(), times(sync, threads));
                }));
        rows.add(row("Mostly waiting, thousands of tasks at once",
                "An event loop, or virtual threads: a waiting task costs a little memory, not an operating-system thread.",
                results, 7, List.of("7.1", "7.2"), runs -> {
                    RunRecord loop = runs.get(0), virtual = runs.get(1);
                    return String.format(Locale.ROOT, "%,d pages: %s on the event loop, %s on virtual threads.",
                            loop.tasks(), t(loop), t(virtual));
                }));
        rows.add(row("Mostly computing, in Java",
                "A pool with one thread per processor core: Java threads compute in parallel.",
                results, 4, List.of("4.1", "4.2"), runs -> {
                    RunRecord sync = runs.get(0), threads = runs.get(1);
                    String text = String.format(Locale.ROOT, "%d sums: %s synchronously, %s on %d threads (%s).",
                            sync.tasks(), t(sync), t(threads), threads.workers(), times(sync, threads));
                    OptionalInt best = bestOfSweep(results, "3.2");
                    if (best.isPresent()) text += String.format(Locale.ROOT, " Best pool in your sweep: %d threads.", best.getAsInt());
                    return text;
                }));
        rows.add(row("Mostly computing, in CPython",
                "A process pool: the GIL lets one thread run Python code at a time, each process has its own.",
                results, 4, List.of("4.1", "4.3", "4.4"), runs -> {
                    RunRecord sync = runs.get(0), gil = runs.get(1), processes = runs.get(2);
                    return String.format(Locale.ROOT, "%s synchronously, %s on threads with the GIL (%s), %s on %d processes (%s).",
                            t(sync), t(gil), times(sync, gil), t(processes), processes.workers(), times(sync, processes));
                }));
        rows.add(row("Tasks update shared data",
                "A lock or an atomic update; or share nothing: processes, or an event loop that never switches mid-update.",
                results, 5, List.of("5.1", "5.2", "5.4"), runs -> {
                    RunRecord unsafe = runs.get(0), locked = runs.get(1), loop = runs.get(2);
                    if (unsafe.lost() == null || locked.lost() == null || loop.lost() == null) return null;
                    return String.format(Locale.ROOT, "Threads lost %,d updates unsafely, %,d with a lock (%s vs %s); "
                            + "the event loop lost %,d.", unsafe.lost(), locked.lost(), t(unsafe), t(locked), loop.lost());
                }));
        rows.add(row("Waiting and computing mixed",
                "Keep an event loop's code short between waits, or move the heavy part to threads, processes or virtual threads.",
                results, 6, List.of("6.1", "6.2", "6.3"), runs -> {
                    RunRecord light = runs.get(0), heavy = runs.get(1), virtual = runs.get(2);
                    return String.format(Locale.ROOT, "Event loop: %s for the downloads alone, %s with the parsing; "
                            + "virtual threads: %s.", t(light), t(heavy), t(virtual));
                }));
        return rows;
    }

    /// A row backed by the first run of each of `steps`. `evidence` gets those runs, in the order of
    /// `steps`, once all of them are recorded; it returns null when a run lacks a number it needs.
    /// Until then the row asks for `lesson`.
    private static Row row(String situation, String choice, Results results, int lesson, List<String> steps,
                           Function<List<RunRecord>, String> evidence) {
        List<RunRecord> runs = new ArrayList<>();
        for (String step : steps) runs.add(results.run(step, 0));
        String text = runs.contains(null) ? null : evidence.apply(runs);
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
