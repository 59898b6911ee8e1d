package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;

import java.util.ArrayList;
import java.util.List;

/// The ways one job can be run for a comparison, and their names in a table and in a sentence.
public final class Variants {
    private Variants() {}

    /// `base` under every model, one after another: sync first (the reference every speed-up is
    /// measured against), then the thread pool, the event loop, the process pool and virtual
    /// threads; each model that takes the simulated GIL also with the GIL on, right after it.
    /// Pool sizes stay as `base` has them for its own model, else the model's default. A `base`
    /// on CPython adds the CPython runs beside the Java ones ([#withPython]).
    public static List<RunSpec> of(RunSpec base) {
        RunSpec java = base.withRuntime(RuntimeKind.JAVA);
        List<RunSpec> specs = new ArrayList<>();
        for (ModelKind m : ModelKind.values()) {
            RunSpec spec = java.withModel(m).withGil(false);
            specs.add(spec);
            if (m.supportsGil()) specs.add(spec.withGil(true));
        }
        return base.runtime() == RuntimeKind.PYTHON ? withPython(specs) : specs;
    }

    /// A short name for a table row: "sync", "threads (5)", "threads (5) + GIL", "event loop",
    /// "processes (2)", "virtual threads", "virtual threads + GIL".
    public static String label(RunSpec spec) {
        String name = switch (spec.model()) {
            case SYNC -> "sync";
            case THREADS -> "threads (" + spec.workers() + ")";
            case EVENTLOOP -> "event loop";
            case PROCESSES -> "processes (" + spec.workers() + ")";
            case VIRTUAL -> "virtual threads";
        };
        if (spec.runtime() != RuntimeKind.JAVA) name = spec.runtime().title() + " " + name;
        return spec.gil() ? name + " + GIL" : name;
    }

    /// `specs` with, right after each model's Java runs, the same job run by the article's own
    /// Python program under CPython, for the models that have one.
    public static List<RunSpec> withPython(List<RunSpec> specs) {
        List<RunSpec> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RunSpec spec = specs.get(i);
            out.add(spec);
            boolean lastOfModel = i + 1 == specs.size() || specs.get(i + 1).model() != spec.model();
            if (lastOfModel && spec.model().traits().pythonTwin()) {
                out.add(spec.withGil(false).withRuntime(RuntimeKind.PYTHON));
            }
        }
        return out;
    }

    /// How a sentence names the variant, and whether it takes a plural verb: "the event loop
    /// was", "virtual threads were", "threads with the GIL were".
    public record Phrase(String text, boolean plural) {
        /// "was" or "were".
        public String was() {
            return plural ? "were" : "was";
        }
    }

    public static Phrase phrase(RunSpec spec) {
        if (spec.runtime() != RuntimeKind.JAVA) {
            Phrase java = phrase(spec.withRuntime(RuntimeKind.JAVA));
            return new Phrase(spec.runtime().title() + "'s " + java.text().replaceFirst("^the ", ""), java.plural());
        }
        return switch (spec.model()) {
            case SYNC -> new Phrase("sync", false);
            case THREADS -> new Phrase(spec.gil() ? "threads with the GIL" : "the thread pool", spec.gil());
            case EVENTLOOP -> new Phrase("the event loop", false);
            case PROCESSES -> new Phrase("processes", true);
            case VIRTUAL -> new Phrase(spec.gil() ? "virtual threads with the GIL" : "virtual threads", true);
        };
    }
}
