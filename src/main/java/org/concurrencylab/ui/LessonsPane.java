package org.concurrencylab.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.export.Exports;
import org.concurrencylab.teach.DecisionGuide;
import org.concurrencylab.teach.Lesson;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.Lessons;
import org.concurrencylab.teach.Question;
import org.concurrencylab.teach.RunRecord;
import org.concurrencylab.teach.Verdict;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/// The guided lessons: one step at a time, a few sentences, a prediction to make, then the run,
/// and the prediction shown beside what was measured. Progress (where the learner is, their
/// predictions, their measured numbers) is kept in a [LessonProgress].
///
/// The pane runs nothing itself: `runner` starts a run of a spec (the window shows it in its
/// diagram) and returns its result to come; `loadPreset` puts a step's settings into the lab's
/// controls without running.
///
/// Thread-safety: FX thread only; results arriving on other threads are handed over with
/// `Platform.runLater`.
public final class LessonsPane extends BorderPane {
    private final LessonProgress progress;
    private final Consumer<RunSpec> loadPreset;
    private final Function<RunSpec, CompletableFuture<RunResult>> runner;
    private final List<Lesson> lessons = Lessons.all();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    private final ComboBox<Lesson> lessonPicker = new ComboBox<>();
    private final ProgressBar courseBar = new ProgressBar(0);
    private final Label courseText = new Label();
    private final Label goal = wrapped("lesson-goal");
    private final Label stepCounter = new Label();
    private final Label stepTitle = wrapped("step-title");
    private final Label stepText = wrapped("step-text");
    private final Label runWhat = wrapped("run-what");
    private final VBox predictCard = card();
    private final VBox resultCard = card();
    private final VBox summary = new VBox(4);
    private final VBox guide = new VBox(6);
    private final Label message = wrapped("problem");
    private final Button loadButton = new Button("Load in the lab", new FontIcon("mdi2t-tune-variant"));
    private final Button runButton = new Button("Run", new FontIcon("mdi2p-play"));
    private final Button back = new Button("Back", new FontIcon("mdi2c-chevron-left"));
    private final Button next = new Button("Next", new FontIcon("mdi2c-chevron-right"));

    private int lessonIndex;
    private int stepIndex;
    private long lessonsDone = -1;
    private String runStatus = "";

    /// A pane over `progress` (restored to where the learner was), loading presets with
    /// `loadPreset` and running specs with `runner`.
    public LessonsPane(LessonProgress progress, Consumer<RunSpec> loadPreset,
                       Function<RunSpec, CompletableFuture<RunResult>> runner) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.loadPreset = Objects.requireNonNull(loadPreset, "loadPreset");
        this.runner = Objects.requireNonNull(runner, "runner");
        getStyleClass().add("lessons-pane");
        getStylesheets().add(Objects.requireNonNull(LessonsPane.class.getResource("teach.css")).toExternalForm());

        setTop(header());
        setCenter(body());
        setBottom(navigation());

        LessonProgress.Position at = progress.position();
        lessonIndex = Math.clamp(at.lesson() - 1, 0, lessons.size() - 1);
        stepIndex = Math.clamp(at.step(), 0, lessons.get(lessonIndex).steps().size() - 1);
        refreshFx();
    }

    /// Whether a lesson run is going on.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public Lesson currentLesson() {
        return lessons.get(lessonIndex);
    }

    public LessonStep currentStep() {
        return currentLesson().steps().get(stepIndex);
    }

    /// Goes to step `step` (0-based) of lesson `lesson` (1-based).
    public void goToFx(int lesson, int step) {
        if (running.get()) return;
        lessonIndex = Math.clamp(lesson - 1, 0, lessons.size() - 1);
        stepIndex = Math.clamp(step, 0, lessons.get(lessonIndex).steps().size() - 1);
        progress.moveTo(new LessonProgress.Position(lessonIndex + 1, stepIndex));
        refreshFx();
    }

    /// The next step, or the first step of the next lesson.
    public void nextFx() {
        if (stepIndex + 1 < currentLesson().steps().size()) goToFx(lessonIndex + 1, stepIndex + 1);
        else if (lessonIndex + 1 < lessons.size()) goToFx(lessonIndex + 2, 0);
    }

    /// The step before, or the last step of the lesson before.
    public void backFx() {
        if (stepIndex > 0) goToFx(lessonIndex + 1, stepIndex - 1);
        else if (lessonIndex > 0) goToFx(lessonIndex, lessons.get(lessonIndex - 1).steps().size() - 1);
    }

    /// Keeps the learner's prediction for the current step.
    public void predictFx(int choice) {
        LessonStep step = currentStep();
        if (step.question() == null || choice < 0 || choice >= step.question().choices().size()) return;
        progress.predict(step.id(), choice);
        refreshFx();
    }

    /// Runs the current step: its runs one after another, then records them.
    public void runFx() {
        if (running.get()) return;
        LessonStep step = currentStep();
        running.set(true);
        message.setText("");
        runNext(step, 0, new ArrayList<>());
    }

    private void runNext(LessonStep step, int index, List<RunRecord> done) {
        RunSpec spec = step.runs().get(index);
        runStatus = step.isSweep()
                ? String.format(Locale.ROOT, "Running %d of %d: %s…", index + 1, step.runs().size(), step.runLabel(index))
                : "Running…";
        refreshFx();
        CompletableFuture<RunResult> result;
        try {
            result = Objects.requireNonNull(runner.apply(spec), "the runner returned no result");
        } catch (RuntimeException e) {
            finishRun("The run could not start: " + reason(e));
            return;
        }
        result.whenComplete((r, error) -> Platform.runLater(() -> {
            if (error != null) {
                finishRun("The run failed: " + reason(error));
            } else if (r.cancelled()) {
                finishRun("The run was stopped, so nothing was recorded. Run the step again to measure it.");
            } else {
                done.add(RunRecord.of(r, Instant.now()));
                if (index + 1 < step.runs().size()) {
                    runNext(step, index + 1, done);
                } else {
                    progress.record(step.id(), done);
                    finishRun(progress.saveProblem().orElse(""));
                }
            }
        }));
    }

    private void finishRun(String text) {
        runStatus = "";
        running.set(false);
        message.setText(text);
        refreshFx();
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        return Exports.oneLine(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /// Redraws the pane from the position and the progress.
    private void refreshFx() {
        Lesson lesson = currentLesson();
        LessonStep step = currentStep();
        long completed = lessons.stream().filter(l -> l.completedIn(progress)).count();
        courseBar.setProgress((double) completed / lessons.size());
        courseText.setText(completed + " of " + lessons.size() + " lessons done");
        if (completed != lessonsDone) {
            lessonsDone = completed;
            lessonPicker.getItems().setAll(lessons); // redraws the ticks of finished lessons
            lessonPicker.setButtonCell(new LessonCell());
        }
        if (lessonPicker.getValue() != lesson) lessonPicker.setValue(lesson);
        lessonPicker.setDisable(running.get());

        goal.setText(lesson.goal());
        stepCounter.setText(String.format(Locale.ROOT, "Step %d of %d", stepIndex + 1, lesson.steps().size()));
        stepTitle.setText(step.id() + "  " + step.title());
        stepText.setText(step.text());
        runWhat.setText(describeRuns(step));

        fillPrediction(step);
        fillResult(step);
        fillSummary(lesson);
        fillGuide(lesson);
        if (message.getText().isEmpty()) progress.loadProblem().ifPresent(message::setText);
        message.setVisible(!message.getText().isEmpty());
        message.setManaged(message.isVisible());

        runButton.setDisable(running.get());
        runButton.setText(running.get() ? "Running…" : progress.runs(step.id()).isEmpty() ? "Run" : "Run again");
        loadButton.setDisable(running.get());
        back.setDisable(running.get() || (lessonIndex == 0 && stepIndex == 0));
        boolean last = lessonIndex == lessons.size() - 1 && stepIndex == lesson.steps().size() - 1;
        next.setDisable(running.get() || last);
        next.setText(stepIndex == lesson.steps().size() - 1 && !last ? "Next lesson" : "Next");
    }

    private String describeRuns(LessonStep step) {
        RunSpec first = step.spec();
        if (step.isSweep()) {
            List<String> workers = step.runs().stream().map(s -> Integer.toString(s.workers())).toList();
            return first.workload().title() + " · " + first.model().title() + " with " + String.join(", ", workers)
                    + " workers · " + Captions.what(first);
        }
        return Captions.title(first) + " · " + Captions.what(first);
    }

    private void fillPrediction(LessonStep step) {
        predictCard.getChildren().clear();
        Question q = step.question();
        predictCard.setVisible(q != null);
        predictCard.setManaged(q != null);
        if (q == null) return;
        Label title = new Label("Predict, then run");
        title.getStyleClass().add("card-title");
        Label prompt = new Label(q.prompt());
        prompt.setWrapText(true);
        prompt.setId("lesson-prompt");
        predictCard.getChildren().addAll(title, prompt);

        OptionalInt predicted = progress.prediction(step.id());
        OptionalInt answer = q.answer(step.id(), progress);
        boolean ran = !progress.runs(step.id()).isEmpty();
        ToggleGroup group = new ToggleGroup();
        List<String> choices = q.choices();
        for (int i = 0; i < choices.size(); i++) {
            RadioButton choice = new RadioButton(choices.get(i));
            choice.setId("lesson-choice-" + i);
            choice.setToggleGroup(group);
            choice.setWrapText(true);
            choice.setSelected(predicted.isPresent() && predicted.getAsInt() == i);
            // a prediction is made before the run: once measured it stays as it was, still readable
            boolean locked = running.get() || ran;
            choice.setMouseTransparent(locked);
            choice.setFocusTraversable(!locked);
            if (answer.isPresent() && answer.getAsInt() == i) {
                choice.setText(choices.get(i) + "   ✓ measured");
                choice.getStyleClass().add("choice-answer");
            }
            int index = i;
            choice.setOnAction(e -> predictFx(index));
            predictCard.getChildren().add(choice);
        }
    }

    private void fillResult(LessonStep step) {
        resultCard.getChildren().clear();
        List<RunRecord> runs = progress.runs(step.id());
        boolean show = running.get() || !runs.isEmpty();
        resultCard.setVisible(show);
        resultCard.setManaged(show);
        if (!show) return;
        if (running.get()) {
            Label status = new Label(runStatus);
            status.setId("lesson-run-status");
            resultCard.getChildren().add(status);
            return;
        }
        OptionalInt predicted = progress.prediction(step.id());
        Verdict verdict = Verdict.of(step, predicted, progress);

        // the prediction beside the result, in two equal columns
        String measuredText = step.isSweep() ? fastestOf(step, runs) : Ticks.duration(runs.getFirst().wallNanos());
        GridPane side = new GridPane();
        side.setHgap(12);
        side.setVgap(2);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        side.getColumnConstraints().setAll(half, half);
        side.addRow(0, caption("Your prediction"), caption("Measured"));
        side.addRow(1, big(Verdict.predictedText(step, predicted).orElse(step.question() == null ? "—" : "none"),
                "lesson-predicted"), big(measuredText, "lesson-measured"));
        resultCard.getChildren().add(side);

        if (!verdict.measured().isEmpty() && !verdict.measured().equals(measuredText)) {
            Label detail = new Label(verdict.measured());
            detail.setWrapText(true);
            resultCard.getChildren().add(detail);
        }
        if (!verdict.text().isEmpty()) {
            Label v = new Label(verdict.text());
            v.setId("lesson-verdict");
            v.setWrapText(true);
            v.getStyleClass().add(switch (verdict.status()) {
                case RIGHT -> "verdict-right";
                case WRONG -> "verdict-wrong";
                default -> "verdict-pending";
            });
            resultCard.getChildren().add(v);
        }
        if (step.isSweep()) resultCard.getChildren().add(sweepChart(step, runs));
        RunRecord first = runs.getFirst();
        int errors = runs.stream().mapToInt(RunRecord::errors).sum();
        Label facts = new Label(String.format(Locale.ROOT, "%,d %s per run%s", first.tasks(),
                step.spec().workload().taskNoun(), errors == 0 ? ", no errors." : ", " + errors + " failed."));
        facts.getStyleClass().add("run-what");
        resultCard.getChildren().add(facts);
    }

    private static String fastestOf(LessonStep step, List<RunRecord> runs) {
        int best = 0;
        for (int i = 1; i < runs.size(); i++) if (runs.get(i).wallNanos() < runs.get(best).wallNanos()) best = i;
        return step.runLabel(best) + ", " + Ticks.duration(runs.get(best).wallNanos());
    }

    private Node sweepChart(LessonStep step, List<RunRecord> runs) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(step.spec().model().hasWorkers() ? "pool size" : "run");
        NumberAxis y = new NumberAxis();
        y.setLabel("wall time (s)");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("lesson-sweep-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        chart.setMinHeight(180);
        chart.setBarGap(2);
        chart.setCategoryGap(8);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int i = 0; i < runs.size() && i < step.runs().size(); i++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(runs.get(i).workers()), runs.get(i).wallNanos() / 1e9));
        }
        chart.getData().add(series);
        return chart;
    }

    private void fillSummary(Lesson lesson) {
        summary.getChildren().clear();
        Label title = new Label("Your numbers in this lesson");
        title.getStyleClass().add("card-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        grid.setId("lesson-summary");
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(Priority.ALWAYS);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(names, fixed, fixed);
        for (int i = 0; i < lesson.steps().size(); i++) {
            LessonStep s = lesson.steps().get(i);
            List<RunRecord> runs = progress.runs(s.id());
            Label name = new Label(s.id() + " " + s.title());
            name.setWrapText(true);
            Label time = new Label(runs.isEmpty() ? "—" : s.isSweep() ? fastestOf(s, runs) : Ticks.duration(runs.getFirst().wallNanos()));
            Verdict v = Verdict.of(s, progress.prediction(s.id()), progress);
            Label mark = new Label(switch (v.status()) {
                case RIGHT -> "✓ right";
                case WRONG -> "✗ missed";
                case PENDING -> "… waiting";
                default -> "";
            });
            mark.getStyleClass().add(switch (v.status()) {
                case RIGHT -> "verdict-right";
                case WRONG -> "verdict-wrong";
                default -> "verdict-pending";
            });
            if (i == stepIndex) name.setStyle("-fx-font-weight: bold;");
            grid.addRow(i, name, time, mark);
        }
        summary.getChildren().addAll(title, grid);
    }

    private void fillGuide(Lesson lesson) {
        guide.getChildren().clear();
        guide.setVisible(lesson.showsGuide());
        guide.setManaged(lesson.showsGuide());
        if (!lesson.showsGuide()) return;
        guide.setId("lesson-guide");
        Label title = new Label("When to use which");
        title.getStyleClass().add("card-title");
        guide.getChildren().add(title);
        for (DecisionGuide.Row row : DecisionGuide.rows(progress)) {
            Label situation = new Label(row.situation());
            situation.getStyleClass().add("guide-head");
            situation.setWrapText(true);
            Label choice = new Label(row.choice());
            choice.setWrapText(true);
            Label evidence = new Label(row.evidence());
            evidence.setWrapText(true);
            evidence.getStyleClass().add(row.measured() ? "run-what" : "guide-missing");
            VBox cell = new VBox(2, situation, choice, evidence);
            cell.getStyleClass().add("guide-cell");
            guide.getChildren().add(cell);
        }
    }

    private Node header() {
        lessonPicker.setId("lesson-picker");
        lessonPicker.getItems().setAll(lessons);
        lessonPicker.setMaxWidth(Double.MAX_VALUE);
        lessonPicker.setCellFactory(list -> new LessonCell());
        lessonPicker.setButtonCell(new LessonCell());
        lessonPicker.setOnAction(e -> {
            Lesson chosen = lessonPicker.getValue();
            if (chosen != null && chosen != currentLesson()) goToFx(chosen.number(), 0);
        });
        courseBar.setId("course-progress");
        courseBar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(courseBar, Priority.ALWAYS);
        courseText.getStyleClass().add("run-what");
        HBox bar = new HBox(8, courseBar, courseText);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, lessonPicker, bar);
        box.getStyleClass().add("lesson-header");
        return box;
    }

    private Node body() {
        stepCounter.getStyleClass().add("step-counter");
        stepTitle.setId("lesson-step-title");
        stepText.setId("lesson-step-text");
        message.setId("lesson-message");
        resultCard.setId("lesson-result");
        predictCard.setId("lesson-predict");

        loadButton.setId("lesson-load");
        loadButton.setTooltip(new Tooltip("Put this step's settings into the lab, without running"));
        loadButton.setOnAction(e -> loadPreset.accept(currentStep().spec()));
        runButton.setId("lesson-run");
        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> runFx());
        HBox actions = new HBox(8, runButton, loadButton);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(8, goal, stepCounter, stepTitle, stepText, runWhat, predictCard, actions, message,
                resultCard, summary, guide);
        VBox.setMargin(summary, new Insets(6, 0, 0, 0));
        VBox.setMargin(guide, new Insets(10, 0, 0, 0));
        content.getStyleClass().add("lesson-body");
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private Node navigation() {
        back.setId("lesson-back");
        back.setOnAction(e -> backFx());
        next.setId("lesson-next");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> nextFx());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(8, back, spacer, next);
        nav.getStyleClass().add("lesson-nav");
        nav.setAlignment(Pos.CENTER_LEFT);
        return nav;
    }

    /// A lesson in the picker: its number and title, ticked once every step has been measured.
    private final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson lesson, boolean empty) {
            super.updateItem(lesson, empty);
            if (empty || lesson == null) {
                setText(null);
                return;
            }
            setText((lesson.completedIn(progress) ? "✓ " : "") + "Lesson " + lesson.number() + ": " + lesson.title());
        }
    }

    private static VBox card() {
        VBox box = new VBox(6);
        box.getStyleClass().add("card");
        return box;
    }

    private static Label wrapped(String styleClass) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("run-what");
        return label;
    }

    private static Label big(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("measured");
        return label;
    }
}
