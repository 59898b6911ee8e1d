package org.concurrencylab.export;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.CounterResult;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// The checks a run file passes before anything is drawn, exported or listed from it: every
/// number within what a run can produce, every reference (a segment's lane and task, an
/// outcome's task) to something the file has, and no contradiction between the counts. A file
/// the lab wrote always passes; a damaged or crafted one is refused with what is wrong, so that
/// no later step loops over a time near `Long.MAX_VALUE`, makes a lane per id up to
/// 2,147,483,647, or writes a trace with negative durations. Whatever a check loops over is in
/// the file, so checking takes time in proportion to its size.
///
/// Thread-safety: stateless.
final class RunFileCheck {
    /// The longest time a run file may hold: a million seconds (about eleven and a half days),
    /// far beyond any run, far below where a sum of times could overflow.
    static final long MAX_NANOS = 1_000_000_000_000_000L;
    /// The most lanes: a lane per task of the largest run and a thousand workers more.
    static final int MAX_LANES = 1_001_024;
    /// The most processes whose own counts a race run reports.
    static final int MAX_WORKER_COUNTS = 1_024;

    private RunFileCheck() {}

    /// What is wrong with the run `f` holds, in a few words, or null when nothing is.
    static String problem(RunJson.Flat f) {
        if (f.format() < 0 || f.format() > RunJson.FORMAT) {
            return f.format() > RunJson.FORMAT ? "this run file is from a newer version (format " + f.format() + ")"
                    : "format " + f.format() + " is not a format of run files";
        }
        if (f.spec() == null || f.lanes() == null || f.segments() == null || f.stats() == null) {
            return "not a Concurrency Lab run file (spec, lanes, segments or stats missing)";
        }
        String problem = counts(f);
        if (problem == null) problem = lanes(f.lanes());
        if (problem == null) problem = segments(f.segments(), f.lanes().size(), f.tasks());
        if (problem == null) problem = outcomes(f.outcomes(), f.tasks(), f.errors());
        if (problem == null) problem = stats(f.stats(), f.lanes().size());
        if (problem == null) problem = counter(f.counter());
        if (problem == null) problem = samples(f.samples());
        return problem;
    }

    private static String counts(RunJson.Flat f) {
        int maxTasks = f.spec().workload().maxTasks();
        if (f.tasks() < 0 || f.tasks() > maxTasks) {
            return "tasks is " + f.tasks() + ", but a run has between 0 and " + maxTasks + " tasks";
        }
        if (f.errors() < 0 || f.errors() > f.tasks()) {
            return "errors is " + f.errors() + ", but the run has " + f.tasks() + " tasks";
        }
        if (f.carriers() < 0) return "carriers is " + f.carriers() + ", below 0";
        return time("wallNanos", f.wallNanos());
    }

    private static String lanes(List<Lane> lanes) {
        if (lanes.size() > MAX_LANES) return "the file has " + lanes.size() + " lanes, more than the " + MAX_LANES + " a run has";
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            if (lane == null) return "lane " + i + " is null";
            if (lane.id() != i) return "lanes are out of order: lane " + i + " has the id " + lane.id();
        }
        return null;
    }

    private static String segments(List<Segment> segments, int lanes, int tasks) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            String at = "segment " + i;
            if (s == null) return at + " is null";
            if (s.lane() != Segment.NO_LANE && (s.lane() < 0 || s.lane() >= lanes)) {
                return at + " is on lane " + s.lane() + ", but the run has " + plural(lanes, "lane");
            }
            if (s.task() != Segment.NO_TASK && (s.task() < 0 || s.task() >= tasks)) {
                return at + " belongs to task " + s.task() + ", but the run has " + plural(tasks, "task");
            }
            String time = time(at + " start", s.start());
            if (time == null) time = time(at + " end", s.end());
            if (time != null) return time;
        }
        return null;
    }

    private static String outcomes(List<TaskOutcome> outcomes, int tasks, int errors) {
        if (outcomes == null) return null;
        if (outcomes.size() > tasks) return "the file has " + outcomes.size() + " outcomes for " + plural(tasks, "task");
        BitSet seen = new BitSet(tasks);
        int failed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            TaskOutcome o = outcomes.get(i);
            if (o == null) return "outcome " + i + " is null";
            if (o.task() < 0 || o.task() >= tasks) return "outcome " + i + " is of task " + o.task() + ", but the run has " + plural(tasks, "task");
            if (seen.get(o.task())) return "task " + o.task() + " has two outcomes";
            seen.set(o.task());
            if (!o.ok()) failed++;
        }
        if (failed != errors) return "errors is " + errors + ", but " + plural(failed, "outcome") + " failed";
        return null;
    }

    private static String stats(RunStats stats, int lanes) {
        String problem = time("stats.wallNanos", stats.wallNanos());
        if (problem == null && stats.cpuNanos() < 0) problem = "stats.cpuNanos is " + stats.cpuNanos() + ", below 0";
        if (problem == null && (stats.peakConcurrency() < 0 || stats.peakConcurrency() > lanes)) {
            problem = "stats.peakConcurrency is " + stats.peakConcurrency() + ", but the run has " + plural(lanes, "lane");
        }
        if (problem != null) return problem;
        for (Map.Entry<State, Long> e : stats.stateNanos().entrySet()) {
            if (e.getValue() < 0) return "stats: the time in " + e.getKey().name() + " is " + e.getValue() + " ns, below 0";
        }
        return null;
    }

    private static String counter(CounterResult counter) {
        if (counter == null) return null;
        if (counter.expected() < 0) return "counter.expected is " + counter.expected() + ", below 0";
        if (counter.workerCounts().size() > MAX_WORKER_COUNTS) {
            return "counter.workerCounts has " + counter.workerCounts().size() + " counts, more than " + MAX_WORKER_COUNTS;
        }
        return null;
    }

    private static String samples(List<SystemSample> samples) {
        if (samples == null) return null;
        for (int i = 0; i < samples.size(); i++) {
            SystemSample s = samples.get(i);
            String at = "sample " + i;
            if (s == null) return at + " is null";
            String time = time(at + " time", s.atNanos());
            if (time != null) return time;
            if (s.platformThreads() < 0 || s.childProcesses() < 0 || s.heapUsedBytes() < 0
                    || !Double.isFinite(s.cpuPercent()) || s.cpuPercent() < 0) {
                return at + " has a count below 0 or a CPU share that is not a number";
            }
        }
        return null;
    }

    /// Why `nanos`, the time named `what`, cannot be a time of a run, or null.
    private static String time(String what, long nanos) {
        if (nanos < 0) return what + " is " + nanos + " ns, before the run began";
        if (nanos > MAX_NANOS) {
            return String.format(Locale.ROOT, "%s is %,d ns, longer than any run (at most %,d s)", what, nanos, MAX_NANOS / 1_000_000_000L);
        }
        return null;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
