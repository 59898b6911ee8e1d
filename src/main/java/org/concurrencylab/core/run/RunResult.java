package org.concurrencylab.core.run;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/// What a finished (or stopped) run did: its whole trace and outcome. Immutable.
///
/// @param spec      what was run
/// @param wallNanos wall-clock time from the first task submitted to the last task finished (for a
///                  CPython run, to the program's `main()` returning, not to its interpreter's exit)
/// @param tasks     tasks in the run
/// @param errors    tasks that failed
/// @param cancelled true if the run was stopped before all tasks ran
/// @param lanes     the workers
/// @param segments  every segment, ordered by start time
/// @param outcomes  each finished task's outcome, in task order
/// @param stats     derived numbers
/// @param carriers  platform threads that carried virtual threads (0 for other models)
/// @param counter   how the race workload's counter ended (null for other workloads)
/// @param samples   threads, processes, CPU and heap, read a few times a second during the run
/// @param runtime   what ran the tasks when it was not the JVM ("CPython 3.11.7 · standard
///                  library"), empty for a Java run
public record RunResult(RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled,
                        List<Lane> lanes, List<Segment> segments, List<TaskOutcome> outcomes, RunStats stats,
                        int carriers, CounterResult counter, List<SystemSample> samples, String runtime) {
    public RunResult {
        runtime = runtime == null ? "" : runtime;
        lanes = List.copyOf(lanes);
        segments = List.copyOf(segments);
        outcomes = List.copyOf(outcomes);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /// The most platform threads alive at one reading (0 if none was taken). The readings are of
    /// the lab's JVM, so a run another runtime ran (CPython) has none: the JVM's threads say
    /// nothing of the program's, and a table that gave "CPython sync · 23 threads" would teach
    /// the wrong lesson.
    public int peakThreads() {
        if (!runtime.isEmpty()) return 0;
        return samples.stream().mapToInt(SystemSample::platformThreads).max().orElse(0);
    }

    /// The most child processes alive at one reading.
    public int peakProcesses() {
        return samples.stream().mapToInt(SystemSample::childProcesses).max().orElse(0);
    }

    /// A Java run's result.
    public RunResult(RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled,
                     List<Lane> lanes, List<Segment> segments, List<TaskOutcome> outcomes, RunStats stats,
                     int carriers, CounterResult counter, List<SystemSample> samples) {
        this(spec, wallNanos, tasks, errors, cancelled, lanes, segments, outcomes, stats, carriers, counter, samples, "");
    }

    /// The share of the CPU steps' time the workers spent waiting for a lock or the GIL: what
    /// CPython's GIL costs its threads (0 when no worker waited).
    public double lockWaitShare() {
        long work = stats.nanos(State.WORK);
        long waits = stats.nanos(State.LOCK_WAIT);
        return work + waits == 0 ? 0 : (double) waits / (work + waits);
    }

    /// A result with no model facts.
    public RunResult(RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled,
                     List<Lane> lanes, List<Segment> segments, List<TaskOutcome> outcomes, RunStats stats) {
        this(spec, wallNanos, tasks, errors, cancelled, lanes, segments, outcomes, stats, 0, null, List.of());
    }

    /// Tasks that finished, successfully or not.
    public int completed() {
        return outcomes.size();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /// The one-line summary the command line prints.
    public String summaryLine() {
        String extra = cancelled ? " cancelled" : "";
        if (counter != null && !counter.workerCounts().isEmpty()) {
            // processes share no memory: each counted on its own copy, the parent's stayed put
            extra += String.format(Locale.ROOT, " counter=%d expected=%d process-counts=%s", counter.actual(),
                    counter.expected(), counter.workerCounts().stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (counter != null) {
            extra += String.format(Locale.ROOT, " counter=%d expected=%d lost=%d", counter.actual(), counter.expected(), counter.lost());
        }
        if (carriers > 0) extra += " carriers=" + carriers;
        if (!runtime.isEmpty()) {
            extra += String.format(Locale.ROOT, " gil-wait=%.0f%% runtime=\"%s\"", 100 * lockWaitShare(), runtime);
        }
        return String.format(Locale.ROOT, "%s %s%s%s workers=%d tasks=%d errors=%d wall=%.3fs%s",
                spec.workload().id(), spec.runtime() == RuntimeKind.PYTHON ? "python " : "", spec.model().id(),
                spec.gil() ? " gil" : "", spec.workers(), tasks, errors, wallSeconds(), extra);
    }
}
