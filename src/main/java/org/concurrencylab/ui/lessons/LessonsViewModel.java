package org.concurrencylab.ui.lessons;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.Exports;
import org.concurrencylab.teach.Lesson;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.Lessons;
import org.concurrencylab.teach.RunRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/// The guided lessons: where the learner is, their predictions and measured runs (kept in a
/// [LessonProgress]), and a step's runs going on. A lesson runs in a sandbox: `runner` runs its
/// specs without touching the lab's settings, and only "Load in the lab" (`loadPreset`) puts a
/// step's settings into the form.
///
/// Thread-safety: one thread (the FX thread in the app); the runs' results come back through `ui`.
public final class LessonsViewModel {
    private final LessonProgress progress;
    private final Consumer<RunSpec> loadPreset;
    private final Function<RunSpec, CompletableFuture<RunResult>> runner;
    private final Executor ui;
    private final List<Lesson> lessons = Lessons.all();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper runStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /// Bumped at every change, so the view redraws once per change.
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private Consumer<String> openRaceLab = level -> {};
    private int lessonIndex;
    private int stepIndex;

    /// The lessons over `progress` (restored to where the learner was), loading presets with
    /// `loadPreset` and running specs with `runner`, whose results are handed over on `ui`.
    public LessonsViewModel(LessonProgress progress, Consumer<RunSpec> loadPreset,
                            Function<RunSpec, CompletableFuture<RunResult>> runner, Executor ui) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.loadPreset = Objects.requireNonNull(loadPreset, "loadPreset");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ui = Objects.requireNonNull(ui, "ui");
        LessonProgress.Position at = progress.position();
        lessonIndex = Math.clamp(at.lesson() - 1, 0, lessons.size() - 1);
        stepIndex = Math.clamp(at.step(), 0, lessons.get(lessonIndex).steps().size() - 1);
        progress.loadProblem().ifPresent(message::set);
    }

    public List<Lesson> lessons() { return lessons; }

    public LessonProgress progress() { return progress; }

    /// Whether a step's runs are going on.
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /// What runs now ("Running 2 of 5: 4 threads…"), or empty.
    public ReadOnlyStringProperty runStatusProperty() { return runStatus.getReadOnlyProperty(); }

    /// What went wrong (a run that failed, progress that could not be saved), or empty.
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /// Changes at every change of what is shown.
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public int lessonIndex() { return lessonIndex; }

    public int stepIndex() { return stepIndex; }

    public Lesson currentLesson() { return lessons.get(lessonIndex); }

    public LessonStep currentStep() { return currentLesson().steps().get(stepIndex); }

    /// How many lessons have every step measured.
    public long completed() {
        return lessons.stream().filter(l -> l.completedIn(progress)).count();
    }

    public boolean atFirstStep() { return lessonIndex == 0 && stepIndex == 0; }

    public boolean atLastStep() {
        return lessonIndex == lessons.size() - 1 && stepIndex == currentLesson().steps().size() - 1;
    }

    /// Goes to step `step` (0-based) of lesson `lesson` (1-based).
    public void goTo(int lesson, int step) {
        if (running.get()) return;
        lessonIndex = Math.clamp(lesson - 1, 0, lessons.size() - 1);
        stepIndex = Math.clamp(step, 0, lessons.get(lessonIndex).steps().size() - 1);
        progress.moveTo(new LessonProgress.Position(lessonIndex + 1, stepIndex));
        changed();
    }

    /// The next step, or the first step of the next lesson.
    public void next() {
        if (stepIndex + 1 < currentLesson().steps().size()) goTo(lessonIndex + 1, stepIndex + 1);
        else if (lessonIndex + 1 < lessons.size()) goTo(lessonIndex + 2, 0);
    }

    /// The step before, or the last step of the lesson before.
    public void back() {
        if (stepIndex > 0) goTo(lessonIndex + 1, stepIndex - 1);
        else if (lessonIndex > 0) goTo(lessonIndex, lessons.get(lessonIndex - 1).steps().size() - 1);
    }

    /// Keeps the learner's prediction for the current step (before it is measured).
    public void predict(int choice) {
        LessonStep step = currentStep();
        if (step.question() == null || choice < 0 || choice >= step.question().choices().size()) return;
        if (running.get() || !progress.runs(step.id()).isEmpty()) return; // a prediction comes before the run
        progress.predict(step.id(), choice);
        changed();
    }

    /// Puts the current step's settings into the lab's form, without running.
    public void loadInLab() {
        loadPreset.accept(currentStep().spec());
    }

    /// Where "Be the scheduler" goes: the window opens the race lab at the level named.
    public void setOnOpenRaceLab(Consumer<String> open) {
        this.openRaceLab = Objects.requireNonNull(open, "open");
    }

    /// Opens the race lab at the current step's level, if it has one.
    public void openRaceLab() {
        String level = currentStep().raceLevel();
        if (level != null) openRaceLab.accept(level);
    }

    /// Runs the current step: its runs one after another, then records them.
    public void run() {
        if (running.get()) return;
        LessonStep step = currentStep();
        running.set(true);
        message.set("");
        runNext(step, 0, new ArrayList<>());
    }

    private void runNext(LessonStep step, int index, List<RunRecord> done) {
        RunSpec spec = step.runs().get(index);
        runStatus.set(step.isSweep()
                ? String.format(Locale.ROOT, "Running %d of %d: %s…", index + 1, step.runs().size(), step.runLabel(index))
                : "Running…");
        changed();
        CompletableFuture<RunResult> result;
        try {
            result = Objects.requireNonNull(runner.apply(spec), "the runner returned no result");
        } catch (RuntimeException e) {
            finish("The run could not start: " + reason(e));
            return;
        }
        result.whenComplete((r, error) -> ui.execute(() -> {
            if (error != null) {
                finish("The run failed: " + reason(error));
            } else if (r.cancelled()) {
                finish("The run was stopped, so nothing was recorded. Run the step again to measure it.");
            } else {
                done.add(RunRecord.of(r, Instant.now()));
                if (index + 1 < step.runs().size()) {
                    runNext(step, index + 1, done);
                } else {
                    progress.record(step.id(), done);
                    finish(progress.saveProblem().orElse(""));
                }
            }
        }));
    }

    private void finish(String text) {
        runStatus.set("");
        running.set(false);
        message.set(text);
        changed();
    }

    private void changed() {
        if (message.get().isEmpty()) progress.saveProblem().ifPresent(message::set);
        revision.set(revision.get() + 1);
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        return Exports.oneLine(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }
}
