package org.concurrencylab.teach;

import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Captions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// One step of a lesson: a few sentences, the run (or runs) that show them, and what the learner
/// is asked to predict first.
///
/// @param id       "lesson.step", e.g. "2.3": the key of the step's progress
/// @param title    a short heading
/// @param text     two or three sentences, shown before the run
/// @param runs     the runs, in order: one for most steps, several for a sweep
/// @param question what to predict before running, or null
/// @param raceLevel the race lab's level the step invites the learner to play after the run
///                  ("be the scheduler"), or null
public record LessonStep(String id, String title, String text, List<RunSpec> runs, Question question, String raceLevel) {
    /// A step without a race lab level.
    public LessonStep(String id, String title, String text, List<RunSpec> runs, Question question) {
        this(id, title, text, runs, question, null);
    }

    public LessonStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("step " + id + " has no run");
    }

    /// The step's first run: the one to load into the lab.
    public RunSpec spec() {
        return runs.getFirst();
    }

    /// Whether the step runs the same work several times with different worker counts.
    public boolean isSweep() {
        return runs.size() > 1;
    }

    /// What run `index` is, in a few words: "5 threads" for a sweep, else the run's title.
    public String runLabel(int index) {
        RunSpec spec = runs.get(index);
        if (isSweep() && spec.model().hasWorkers()) return workers(spec);
        return Captions.title(spec);
    }

    /// "Thread pool (5 threads)", "Event loop", "Thread pool (5 threads), GIL on".
    public static String modelLabel(RunSpec spec) {
        String label = spec.model().title();
        if (spec.model().hasWorkers()) label += " (" + workers(spec) + ")";
        if (spec.gil()) label += ", GIL on";
        return label;
    }

    private static String workers(RunSpec spec) {
        return String.format(Locale.ROOT, "%d %s", spec.workers(), spec.model().traits().workers().noun(spec.workers()));
    }
}
