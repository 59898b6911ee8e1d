package org.concurrencylab.diagram;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;

import org.concurrencylab.core.run.CounterResult;
import org.concurrencylab.core.trace.State;

import java.util.Locale;
import java.util.stream.Collectors;

/// The words drawn with a diagram: a title naming the experiment and a caption with its numbers.
public final class Captions {
    private Captions() {}

    /// "Download sites · Thread pool (5 threads)".
    public static String title(RunSpec spec) {
        String model = spec.model().title();
        if (spec.model().hasWorkers()) {
            model += " (" + spec.workers() + " " + spec.model().traits().workers().noun(spec.workers()) + ")";
        }
        if (spec.gil()) model += ", GIL on";
        if (spec.runtime() != RuntimeKind.JAVA) model = spec.runtime().title() + " · " + model;
        return spec.workload().title() + " · " + model;
    }

    /// What the run did: "160 pages, demo sites at 90 ms · wall 3.04 s · 2 cores · 0 errors".
    public static String caption(RunResult result) {
        return caption(result, "");
    }

    /// The same, with `note` (how it compares with the synchronous run, say) after the wall time.
    public static String caption(RunResult result, String note) {
        return runtime(result) + what(result.spec()) + " · " + outcome(result, note);
    }

    /// What ran a run that was not Java's, and how, ending in " · ": "CPython 3.11 · threads (5)
    /// · standard library · "; empty for a Java run.
    public static String runtime(RunResult result) {
        if (result.runtime().isEmpty()) return "";
        RunSpec spec = result.spec();
        String model = spec.model().id() + (spec.model().hasWorkers() ? " (" + spec.workers() + ")" : "");
        String[] parts = result.runtime().split(" · ", 2);
        return parts[0] + " · " + model + (parts.length > 1 ? " · " + parts[1] : "") + " · ";
    }

    /// The run's outcome in one line: the wall time, `note` if any, what the race did to its
    /// counter, the start-up its processes paid, the cores, the errors: "wall 2.27 s · 267,100 +
    /// 232,900 counted apart, none in the shared counter · start-up 0.61 s · 2 cores · 0 errors".
    public static String outcome(RunResult result, String note) {
        StringBuilder text = new StringBuilder(result.cancelled() ? "stopped at " : "wall ").append(Ticks.duration(result.wallNanos()));
        if (note != null && !note.isBlank()) text.append(" · ").append(note);
        CounterResult c = result.counter();
        if (c != null) {
            if (!c.workerCounts().isEmpty()) {
                text.append(" · ").append(c.workerCounts().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                        .collect(Collectors.joining(" + "))).append(" counted apart (processes share no memory)");
            } else if (c.lost() == 0) {
                text.append(String.format(Locale.ROOT, " · counter %,d of %,d: no update lost", c.actual(), c.expected()));
            } else {
                text.append(String.format(Locale.ROOT, " · %,d of %,d updates lost (%.0f%%)", c.lost(), c.expected(),
                        100.0 * c.lost() / c.expected()));
            }
        }
        long startup = startupNanos(result);
        if (startup > 0) text.append(" · start-up ").append(Ticks.duration(startup));
        if (result.stats().cores() > 0) text.append(" · ").append(result.stats().cores()).append(result.stats().cores() == 1 ? " core" : " cores");
        text.append(" · ").append(result.errors()).append(result.errors() == 1 ? " error" : " errors");
        if (result.cancelled()) text.append(" · stopped after ").append(result.completed()).append(" tasks");
        return text.toString();
    }

    /// How long starting the worker processes took (the end of the last start-up), or 0.
    public static long startupNanos(RunResult result) {
        return result.segments().stream().filter(seg -> seg.state() == State.STARTUP).mapToLong(seg -> seg.end()).max().orElse(0);
    }

    /// The workload in a few words: "160 pages, demo sites at 90 ms", "20 numbers from 5,000,000",
    /// "fib(35), 20 times".
    public static String what(RunSpec spec) {
        return switch (spec.workload()) {
            case DOWNLOAD -> spec.urls().isEmpty()
                    ? String.format(Locale.ROOT, "%,d pages, demo sites at %d ms", spec.tasks(), spec.latencyMs())
                    : String.format(Locale.ROOT, "%,d pages from %d URL%s", spec.tasks(), spec.urls().size(), spec.urls().size() == 1 ? "" : "s");
            case CPU -> String.format(Locale.ROOT, "%,d numbers from %,d", spec.tasks(), spec.base());
            case FIB -> String.format(Locale.ROOT, "fib(%d), %,d times", spec.fibN(), spec.tasks());
            case RACE -> String.format(Locale.ROOT, "%,d tasks × %,d increments, %s", spec.tasks(), spec.increments(),
                    spec.counterMode().id());
            case MIXED -> String.format(Locale.ROOT, "%,d pages%s, %d ms of parsing each", spec.tasks(),
                    spec.urls().isEmpty() ? " at " + spec.latencyMs() + " ms" : "", spec.cpuMs());
        };
    }

    /// What a run did, in a few sentences: tasks done and failed, time running code and waiting,
    /// CPU time and threads of the process, carriers, start-up, and the race's counter.
    public static String describe(RunResult r) {
        long cpu = r.stats().nanos(State.WORK);
        long io = r.stats().nanos(State.IO_WAIT);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d of %d %s done, %d failed.%n", r.completed(), r.tasks(),
                r.spec().workload().taskNoun(), r.errors()));
        text.append("Workers ran code for ").append(Ticks.duration(cpu));
        text.append(io == 0 ? " and never waited for I/O" : " and waited for I/O for " + Ticks.duration(io)).append(" in all");
        text.append(String.format(Locale.ROOT, "; at most %d busy at once.%n", r.stats().peakConcurrency()));
        long ready = r.stats().nanos(State.READY);
        long paused = r.stats().nanos(State.PAUSED);
        if (ready > 0) {
            text.append("Workers had code to run but waited for a core for ").append(Ticks.duration(ready))
                    .append((r.stats().cores() > 0 ? String.format(Locale.ROOT, " in all (%d cores)", r.stats().cores()) : " in all"));
            text.append(paused > 0 ? "; the JVM paused them for " + Ticks.duration(paused) + " (garbage collection)" : "")
                    .append(String.format(".%n"));
        } else if (paused > 0) {
            text.append("The JVM paused workers for ").append(Ticks.duration(paused)).append(String.format(" in all (garbage collection).%n"));
        }
        text.append("The process used ").append(Ticks.duration(r.stats().cpuNanos())).append(" of CPU time");
        text.append(r.peakThreads() > 0 ? String.format(Locale.ROOT, "; at most %d platform threads were alive", r.peakThreads()) : "");
        text.append(r.peakProcesses() > 0 && r.spec().model().traits().pooled()
                ? String.format(Locale.ROOT, " and %d child processes", r.peakProcesses()) : "");
        text.append('.');
        if (r.carriers() > 0) {
            text.append(String.format(Locale.ROOT, "%n%,d virtual threads ran on %d carrier (platform) thread%s.",
                    r.tasks(), r.carriers(), r.carriers() == 1 ? "" : "s"));
        }
        long startupEnd = startupNanos(r);
        if (startupEnd > 0) {
            text.append(String.format(Locale.ROOT, "%nStarting the worker processes took %s (grey); the work itself took %s.",
                    Ticks.duration(startupEnd), Ticks.duration(r.wallNanos() - startupEnd)));
        }
        if (r.counter() != null) text.append(System.lineSeparator()).append(counterText(r));
        return text.toString();
    }

    /// What the race did to the counter, in words.
    public static String counterText(RunResult r) {
        CounterResult c = r.counter();
        if (!c.workerCounts().isEmpty()) {
            String each = c.workerCounts().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                    .collect(Collectors.joining(" + "));
            return String.format(Locale.ROOT, "Processes share no memory: each counted on its own copy (%s), "
                    + "and this process's counter stayed at %,d of %,d.", each, c.actual(), c.expected());
        }
        if (c.lost() == 0) return String.format(Locale.ROOT, "Counter: %,d of %,d. No update was lost.", c.actual(), c.expected());
        return String.format(Locale.ROOT, "Counter: %,d of %,d. %,d updates were lost (%.1f%%).", c.actual(), c.expected(),
                c.lost(), 100.0 * c.lost() / c.expected());
    }
}
