package org.concurrencylab.ui.lessons;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
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
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.teach.DecisionGuide;
import org.concurrencylab.teach.Lesson;
import org.concurrencylab.teach.LessonProgress;
import javafx.beans.value.ObservableValue;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.Question;
import org.concurrencylab.teach.RunRecord;
import org.concurrencylab.teach.Verdict;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/// The guided lessons: one step at a time, a few sentences, a prediction to make, then the run,
/// and the prediction shown beside what was measured; the learner's numbers for the lesson, and
/// at the end the decision guide filled with them. It shows what its [LessonsViewModel] holds and
/// redraws at each of its changes.
///
/// Thread-safety: FX thread only.
public final class LessonsPane extends BorderPane {
    private final LessonsViewModel vm;
    private final LessonProgress progress;
    private final List<Lesson> lessons;

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
    private final Button raceButton = new Button("Be the scheduler", new FontIcon("mdi2g-gesture-tap"));
    private final Button back = new Button("Back", new FontIcon("mdi2c-chevron-left"));
    private final Button next = new Button("Next", new FontIcon("mdi2c-chevron-right"));
    private final ScrollPane scroll = new ScrollPane();
    private final ObservableValue<Palette> palette;
    private long lessonsDone = -1;
    private String shownStep = "";

    /// The lessons of `vm`, their texts naming the colours of `palette`.
    public LessonsPane(LessonsViewModel vm, ObservableValue<Palette> palette) {
        this.vm = vm;
        this.palette = palette;
        this.progress = vm.progress();
        this.lessons = vm.lessons();
        getStyleClass().add("lessons-pane");
        getStylesheets().add(Objects.requireNonNull(LessonsPane.class.getResource("/org/concurrencylab/ui/teach.css")).toExternalForm());

        setTop(header());
        setCenter(body());
        setBottom(navigation());
        vm.revisionProperty().addListener((obs, a, b) -> refreshFx());
        vm.messageProperty().addListener((obs, a, b) -> refreshFx());
        palette.addListener((obs, a, b) -> refreshFx());
        refreshFx();
    }

    /// `text` in the words of the diagram's palette ("red" is orange in the colour-blind one).
    private String words(String text) {
        return palette.getValue() == null ? text : palette.getValue().inWords(text);
    }

    public LessonsViewModel viewModel() {
        return vm;
    }

    /// Redraws the pane from the position and the progress.
    private void refreshFx() {
        Lesson lesson = vm.currentLesson();
        LessonStep step = vm.currentStep();
        boolean running = vm.runningProperty().get();
        long completed = vm.completed();
        courseBar.setProgress((double) completed / lessons.size());
        courseText.setText(completed + " of " + lessons.size() + " lessons done");
        if (completed != lessonsDone) {
            lessonsDone = completed;
            lessonPicker.getItems().setAll(lessons); // redraws the ticks of finished lessons
            lessonPicker.setButtonCell(new LessonCell());
        }
        if (lessonPicker.getValue() != lesson) lessonPicker.setValue(lesson);
        lessonPicker.setDisable(running);

        goal.setText(words(lesson.goal()));
        stepCounter.setText(String.format(Locale.ROOT, "Step %d of %d", vm.stepIndex() + 1, lesson.steps().size()));
        stepTitle.setText(step.id() + "  " + step.title());
        stepText.setText(words(step.text()));
        runWhat.setText(describeRuns(step));

        fillPrediction(step);
        fillResult(step);
        fillSummary(lesson);
        fillGuide(lesson);
        message.setText(vm.messageProperty().get());
        message.setVisible(!message.getText().isEmpty());
        message.setManaged(message.isVisible());

        runButton.setDisable(running);
        runButton.setText(running ? "Running…" : progress.runs(step.id()).isEmpty() ? "Run" : "Run again");
        loadButton.setDisable(running);
        raceButton.setVisible(step.raceLevel() != null);
        raceButton.setManaged(raceButton.isVisible());
        back.setDisable(running || vm.atFirstStep());
        boolean last = vm.atLastStep();
        next.setDisable(running || last);
        next.setText(vm.stepIndex() == lesson.steps().size() - 1 && !last ? "Next lesson" : "Next");
        // a new step opens at its top, with its introduction in view
        if (!step.id().equals(shownStep)) {
            shownStep = step.id();
            scroll.setVvalue(0);
        }
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
        Label prompt = new Label(words(q.prompt()));
        prompt.setWrapText(true);
        prompt.setId("lesson-prompt");
        predictCard.getChildren().addAll(title, prompt);

        OptionalInt predicted = progress.prediction(step.id());
        OptionalInt answer = q.answer(step.id(), progress);
        boolean ran = !progress.runs(step.id()).isEmpty();
        ToggleGroup group = new ToggleGroup();
        List<String> choices = q.choices();
        for (int i = 0; i < choices.size(); i++) {
            RadioButton choice = new RadioButton(words(choices.get(i)));
            choice.setId("lesson-choice-" + i);
            choice.setToggleGroup(group);
            choice.setWrapText(true);
            choice.setSelected(predicted.isPresent() && predicted.getAsInt() == i);
            // a prediction is made before the run: once measured it stays as it was, still readable
            boolean locked = vm.runningProperty().get() || ran;
            choice.setMouseTransparent(locked);
            choice.setFocusTraversable(!locked);
            if (answer.isPresent() && answer.getAsInt() == i) {
                choice.setText(words(choices.get(i)) + "   ✓ measured");
                choice.getStyleClass().add("choice-answer");
            }
            int index = i;
            choice.setOnAction(e -> vm.predict(index));
            predictCard.getChildren().add(choice);
        }
    }

    private void fillResult(LessonStep step) {
        List<RunRecord> runs = progress.runs(step.id());
        boolean running = vm.runningProperty().get();
        boolean show = running || !runs.isEmpty();
        resultCard.setVisible(show);
        resultCard.setManaged(show);
        if (show) LessonResultCard.fill(resultCard, step, progress, running, vm.runStatusProperty().get());
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
            Label time = new Label(runs.isEmpty() ? "—" : s.isSweep() ? LessonResultCard.fastestOf(s, runs) : Ticks.duration(runs.getFirst().wallNanos()));
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
            if (i == vm.stepIndex()) name.getStyleClass().add("current-step");
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
            if (chosen != null && chosen != vm.currentLesson()) vm.goTo(chosen.number(), 0);
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
        loadButton.setOnAction(e -> vm.loadInLab());
        runButton.setId("lesson-run");
        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> vm.run());
        raceButton.setId("lesson-race-lab");
        raceButton.setTooltip(new Tooltip("Open the race lab at this step's level: you take the scheduler's place"));
        raceButton.setOnAction(e -> vm.openRaceLab());
        HBox actions = new HBox(8, runButton, loadButton, raceButton);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(8, goal, stepCounter, stepTitle, stepText, runWhat, predictCard, actions, message,
                resultCard, summary, guide);
        VBox.setMargin(summary, new Insets(6, 0, 0, 0));
        VBox.setMargin(guide, new Insets(10, 0, 0, 0));
        content.getStyleClass().add("lesson-body");
        content.setFillWidth(true);
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private Node navigation() {
        back.setId("lesson-back");
        back.setOnAction(e -> vm.back());
        next.setId("lesson-next");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setOnAction(e -> vm.next());
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
}
