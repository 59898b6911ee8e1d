package org.concurrencylab.diagram;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.Locale;

/// The words drawn with a diagram: a title naming the experiment and a caption with its numbers.
public final class Captions {
    private Captions() {}

    /// "Download sites · Thread pool (5 threads)".
    public static String title(RunSpec spec) {
        String model = spec.model().title();
        if (spec.model().hasWorkers()) {
            boolean processes = spec.model() == org.concurrencylab.core.model.ModelKind.PROCESSES;
            String unit = spec.workers() == 1 ? (processes ? "process" : "thread") : (processes ? "processes" : "threads");
            model += " (" + spec.workers() + " " + unit + ")";
        }
        if (spec.gil()) model += ", GIL on";
        return spec.workload().title() + " · " + model;
    }

    /// What the run did: "160 pages, demo sites at 90 ms · wall 3.04 s · 0 errors".
    public static String caption(RunResult result) {
        StringBuilder text = new StringBuilder(what(result.spec()));
        text.append(" · wall ").append(Ticks.duration(result.wallNanos()));
        text.append(" · ").append(result.errors()).append(result.errors() == 1 ? " error" : " errors");
        if (result.cancelled()) text.append(" · stopped after ").append(result.completed()).append(" tasks");
        return text.toString();
    }

    /// The workload in a few words: "160 pages, demo sites at 90 ms", "20 numbers from 5,000,000".
    public static String what(RunSpec spec) {
        return switch (spec.workload()) {
            case DOWNLOAD -> spec.urls().isEmpty()
                    ? String.format(Locale.ROOT, "%,d pages, demo sites at %d ms", spec.tasks(), spec.latencyMs())
                    : String.format(Locale.ROOT, "%,d pages from %d URL%s", spec.tasks(), spec.urls().size(), spec.urls().size() == 1 ? "" : "s");
            case CPU -> String.format(Locale.ROOT, "%,d numbers from %,d", spec.tasks(), spec.base());
            case RACE -> String.format(Locale.ROOT, "%,d tasks × %,d increments, %s", spec.tasks(), spec.increments(),
                    spec.counterMode().id());
            case MIXED -> String.format(Locale.ROOT, "%,d pages%s, %d ms of parsing each", spec.tasks(),
                    spec.urls().isEmpty() ? " at " + spec.latencyMs() + " ms" : "", spec.cpuMs());
        };
    }
}
