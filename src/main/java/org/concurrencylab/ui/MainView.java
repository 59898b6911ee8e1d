package org.concurrencylab.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Ticks;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/// The lab window's content: settings on the left, the live diagram in the middle, progress at
/// the bottom. It only binds to the [LabViewModel]; it holds no state of its own.
///
/// Thread-safety: FX thread only.
public final class MainView extends BorderPane {
    private static final javafx.css.PseudoClass RUNNING = javafx.css.PseudoClass.getPseudoClass("running");

    private final LabViewModel vm;
    private final TimingDiagramView diagram;
    private final ValidationSupport validation = new ValidationSupport();
    private final Button runButton = new Button();
    private final ListView<TaskOutcome> failures = new ListView<>();
    /// Saves runs to the history one at a time, off the FX thread.
    private static final java.util.concurrent.Executor HISTORY_IO = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon(true).name("history-io").factory());
    private final HistoryPane history;
    private final CompareView compareView;
    private final SweepView sweepView;
    private final javafx.scene.control.TabPane centerTabs = new javafx.scene.control.TabPane();
    private final DiagramExports exports;
    private final org.concurrencylab.teach.LessonProgress lessonProgress;
    private final LessonsPane lessons;
    private final CodePane code = new CodePane();
    private final ExplanationPane explanation = new ExplanationPane();
    private Node diagramPaneNode;
    private final DiagramBar diagramBar;
    /// How much larger type and lanes are in presentation mode.
    static final double PRESENTATION_SCALE = 1.6;

    /// The window's content; lesson progress is kept in `dataFolder`.
    public MainView(LabViewModel vm, java.nio.file.Path dataFolder) {
        this.vm = vm;
        this.diagram = new TimingDiagramView(vm::refreshFx);
        this.exports = new DiagramExports(diagram, vm);
        this.diagramBar = new DiagramBar(diagram, vm, exports);
        this.lessonProgress = org.concurrencylab.teach.LessonProgress.open(dataFolder);
        this.lessons = new LessonsPane(lessonProgress, vm::applyFx, vm::runSpecFx);
        org.concurrencylab.history.AppHome home = new org.concurrencylab.history.AppHome(dataFolder);
        this.history = new HistoryPane(org.concurrencylab.history.RunHistory.in(home), HISTORY_IO, vm.fxExecutor(),
                new HistoryPane.Actions() {
                    @Override public void open(RunResult run) {
                        vm.openFx(run, "the history");
                        showDiagramTab();
                    }

                    @Override public void runAgain(RunSpec spec) {
                        vm.runSpecFx(spec).exceptionally(failure -> {
                            vm.tellFx("Could not run it again: " + failure.getMessage());
                            return null;
                        });
                        showDiagramTab();
                    }

                    @Override public void compare(List<RunResult> runs, List<String> names) {
                        compareView.showFx(org.concurrencylab.compare.Comparison.of(runs, names,
                                Runtime.getRuntime().availableProcessors()));
                        centerTabs.getSelectionModel().select(1);
                    }
                });
        this.compareView = new CompareView(vm.engine(), vm.specProperty(), vm.fxExecutor(), history::keepFx);
        this.sweepView = new SweepView(vm.engine(), vm.specProperty(), vm.fxExecutor(), history::keepFx);
        vm.setOnRunFinished(history::keepFx);
        vm.seriesRunningProperty().bind(compareView.runningProperty().or(sweepView.runningProperty()));
        compareView.setBusyCheck(() -> vm.runningProperty().get() ? "A run is going on: stop it first (Stop, or Esc)."
                : sweepView.runningProperty().get() ? "A sweep is running: stop it first (Stop in its tab, or Esc)." : null);
        sweepView.setBusyCheck(() -> vm.runningProperty().get() ? "A run is going on: stop it first (Stop, or Esc)."
                : compareView.runningProperty().get() ? "A comparison is running: stop it first (Stop in its tab, or Esc)." : null);
        vm.setOnStartFailure(diagram::showMessageFx);
        getStyleClass().add("lab-main");
        setTop(toolbar());

        javafx.scene.control.TabPane left = new javafx.scene.control.TabPane(
                tab("tab-lab", "Lab", sidePanel()), tab("tab-lessons", "Lessons", lessons),
                tab("tab-history", "History", history));
        left.setId("left-tabs");
        left.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setPrefWidth(340);
        left.setMinWidth(280);
        setLeft(left);

        // under the diagram: what the model does, the code that runs, context help on a click
        javafx.scene.control.TabPane below = new javafx.scene.control.TabPane(
                tab("tab-explain", "Explain", explanation), tab("tab-code", "Code", code));
        below.setId("below-tabs");
        below.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        centerTabs.getTabs().addAll(tab("tab-diagram", "Run", diagramPane()), tab("tab-compare", "Compare models", compareView),
                tab("tab-sweep", "Sweep", sweepView));
        centerTabs.setId("center-tabs");
        centerTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        javafx.scene.control.SplitPane center = new javafx.scene.control.SplitPane(centerTabs, below);
        center.setOrientation(javafx.geometry.Orientation.VERTICAL);
        center.setDividerPositions(0.68);
        javafx.scene.control.SplitPane.setResizableWithParent(below, false);
        // compare and sweep need the height: the panes below fold down while they are shown
        centerTabs.getSelectionModel().selectedIndexProperty().addListener((obs, a, index) -> {
            if (center.getItems().contains(below)) center.setDividerPositions(index.intValue() == 0 ? 0.68 : 0.94);
        });
        setCenter(center);
        setBottom(statusBar());

        Runnable follow = () -> {
            RunSpec spec = vm.specProperty().get();
            if (spec != null) {
                code.showFx(spec);
                explanation.showFx(spec);
            }
        };
        vm.specProperty().addListener((obs, a, b) -> follow.run());
        follow.run();
        diagram.setOnSegmentClicked(click -> {
            explanation.explainSegmentFx(click);
            below.getSelectionModel().select(0);
            diagram.requestFocus(); // the keys keep driving the diagram
        });
        diagram.paletteProperty().addListener((obs, a, p) -> {
            explanation.setPaletteFx(p);
            compareView.setPaletteFx(p);
        });
        vm.handleProperty().addListener((obs, a, h) -> {
            if (h != null) showDiagramTab();
        });
        lessonProgress.loadProblem().ifPresent(vm::tellFx);

        Runnable palette = () -> diagram.paletteProperty().set(
                org.concurrencylab.diagram.Palette.of(vm.darkProperty().get(), vm.colorBlindProperty().get()));
        vm.darkProperty().addListener((obs, a, b) -> palette.run());
        vm.colorBlindProperty().addListener((obs, a, b) -> palette.run());
        palette.run();
        // presentation: the diagram takes the whole window, with large type and thick lanes
        vm.presentationProperty().addListener((obs, was, on) -> {
            setLeft(on ? null : left);
            if (on) {
                center.getItems().remove(below);
            } else if (!center.getItems().contains(below)) {
                center.getItems().add(below);
                center.setDividerPositions(centerTabs.getSelectionModel().getSelectedIndex() == 0 ? 0.68 : 0.94);
            }
            diagram.scaleProperty().set(on ? PRESENTATION_SCALE : 1);
            if (on) getStyleClass().add("presentation");
            else getStyleClass().remove("presentation");
        });

        vm.handleProperty().addListener((obs, old, h) -> {
            if (h != null) diagram.showLiveFx(h);
        });
        vm.lastResultProperty().addListener((obs, old, r) -> {
            if (r != null) diagram.showResultFx(r);
        });
    }

    public TimingDiagramView diagram() {
        return diagram;
    }

    public Button runButton() {
        return runButton;
    }

    private ToolBar toolbar() {
        javafx.scene.control.ComboBox<WorkloadKind> workloads = new javafx.scene.control.ComboBox<>();
        workloads.setId("workload");
        workloads.getItems().setAll(WorkloadKind.values());
        workloads.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(WorkloadKind w) { return w == null ? "" : w.title(); }
            @Override public WorkloadKind fromString(String text) { return null; }
        });
        workloads.valueProperty().bindBidirectional(vm.workloadProperty());

        SegmentedButton models = new SegmentedButton();
        for (ModelKind m : ModelKind.values()) {
            ToggleButton b = new ToggleButton(m.shortTitle());
            b.setId("model-" + m.id());
            b.setUserData(m);
            b.setSelected(vm.modelProperty().get() == m);
            b.setTooltip(new Tooltip(m.summary()));
            models.getButtons().add(b);
        }
        bindToggle(models, vm.modelProperty());
        vm.modelProperty().addListener((obs, a, m) -> models.getButtons().stream()
                .filter(b -> b.getUserData() == m).findFirst().ifPresent(b -> b.setSelected(true)));

        Spinner<Integer> workers = new Spinner<>();
        workers.setId("workers");
        workers.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, ThreadPoolModel.MAX_WORKERS, vm.workersProperty().get()));
        workers.setEditable(true);
        workers.setPrefWidth(90);
        // the spinner shows the count of the model chosen, within that model's limit; while it is
        // being switched over, what it shows is not a choice of the user's
        boolean[] switching = {false};
        workers.getValueFactory().valueProperty().addListener((obs, a, b) -> {
            if (b != null && !switching[0]) workersOf(vm.modelProperty().get()).set(b);
        });
        java.util.function.Consumer<ModelKind> showCount = m -> {
            var factory = (SpinnerValueFactory.IntegerSpinnerValueFactory) workers.getValueFactory();
            switching[0] = true;
            try {
                factory.setMax(m.hasWorkers() ? RunSpec.maxWorkers(m) : ThreadPoolModel.MAX_WORKERS);
                factory.setValue(workersOf(m).get());
            } finally {
                switching[0] = false;
            }
        };
        vm.modelProperty().addListener((obs, a, m) -> showCount.accept(m));
        showCount.accept(vm.modelProperty().get());
        for (var count : List.of(vm.workersProperty(), vm.processesProperty())) {
            count.addListener((obs, a, n) -> {
                if (workersOf(vm.modelProperty().get()) == count) workers.getValueFactory().setValue(n.intValue());
            });
        }
        workers.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.modelProperty().get().hasWorkers(), vm.modelProperty())
                .or(vm.runningProperty()));
        Label workersLabel = new Label();
        workersLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.modelProperty().get() == ModelKind.PROCESSES ? "Processes" : "Threads", vm.modelProperty()));
        workersLabel.setLabelFor(workers);
        workersLabel.disableProperty().bind(workers.disableProperty());

        runButton.setId("run");
        runButton.setDefaultButton(false);
        runButton.getStyleClass().add("run-button");
        vm.runningProperty().addListener((obs, was, is) -> runButton.pseudoClassStateChanged(RUNNING, is));
        runButton.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop").otherwise("Run"));
        runButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(vm.runningProperty().get() ? "mdi2s-stop" : "mdi2p-play"), vm.runningProperty()));
        runButton.setTooltip(new Tooltip("Run or stop (Space); Esc stops"));
        runButton.disableProperty().bind(vm.specProperty().isNull().and(vm.runningProperty().not()));
        runButton.setOnAction(e -> vm.toggleFx());
        runButton.setMinWidth(90);

        workloads.disableProperty().bind(vm.runningProperty());
        models.disableProperty().bind(vm.runningProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CheckBox gil = new CheckBox("GIL");
        gil.setId("gil");
        gil.setTooltip(new Tooltip("Python mode: a simulated global interpreter lock. Only the thread holding it runs "
                + "code; it is let go around I/O and handed over every switch interval."));
        gil.selectedProperty().bindBidirectional(vm.gilProperty());
        gil.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.modelProperty().get().supportsGil(), vm.modelProperty())
                .or(vm.runningProperty()));

        ToolBar bar = new ToolBar(runButton, gap(), label("Workload"), workloads, gap(), label("Model"), models, gap(),
                workersLabel, workers, gil, spacer);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    private javafx.beans.property.IntegerProperty workersOf(ModelKind m) {
        return m == ModelKind.PROCESSES ? vm.processesProperty() : vm.workersProperty();
    }

    private static <T> void bindToggle(SegmentedButton buttons, javafx.beans.property.ObjectProperty<T> property) {
        buttons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a segmented choice always has one selected
            } else {
                @SuppressWarnings("unchecked") T value = (T) now.getUserData();
                property.set(value);
            }
        });
    }

    private Node sidePanel() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(12));
        box.setPrefWidth(310);
        box.getStyleClass().add("side-panel");

        Label workloadTitle = header("");
        workloadTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.workloadProperty().get().title(), vm.workloadProperty()));
        Label workloadText = paragraph("");
        workloadText.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.workloadProperty().get()) {
            case DOWNLOAD -> "I/O-bound: each task downloads a page, then parses it a little. Workers spend most "
                    + "of their time waiting for the network (red), very little running code (blue).";
            case CPU -> "CPU-bound: each task sums the squares of all numbers below n, exactly, with big integers "
                    + "as Python does. Workers compute the whole time (blue).";
            case RACE -> "Every task adds one to a shared counter, many times. Done unsafely (read, then write), "
                    + "threads running at once lose updates; a lock or an atomic counter loses none.";
            case MIXED -> "Each task downloads a page (red), then parses it heavily (blue): a mix of waiting and "
                    + "computing. Under an event loop the heavy parse blocks every other task.";
        }, vm.workloadProperty()));

        GridPane download = form();
        TextField pages = numberField("pages", vm.downloadTasksProperty(), v -> vm.downloadTasksProperty().set((int) v), 1, 1_000_000);
        TextField latency = numberField("latency", vm.latencyMsProperty(), v -> vm.latencyMsProperty().set((int) v), 0, 60_000);
        TextField cpuMs = numberField("cpu-ms", vm.cpuMsProperty(), v -> vm.cpuMsProperty().set((int) v), 1, RunSpec.MAX_CPU_MS);
        TextField connections = numberField("max-connections", vm.maxConnectionsProperty(),
                v -> vm.maxConnectionsProperty().set((int) v), 1, RunSpec.MAX_CONNECTIONS);
        TextField connectTimeout = numberField("connect-timeout", vm.connectTimeoutMsProperty(),
                v -> vm.connectTimeoutMsProperty().set((int) Math.min(v, Integer.MAX_VALUE)), 1, RunSpec.MAX_TIMEOUT_MS);
        TextField readTimeout = numberField("read-timeout", vm.readTimeoutMsProperty(),
                v -> vm.readTimeoutMsProperty().set((int) Math.min(v, Integer.MAX_VALUE)), 1, RunSpec.MAX_TIMEOUT_MS);
        connectTimeout.setTooltip(new Tooltip("How long opening a connection may take before the download fails"));
        readTimeout.setTooltip(new Tooltip("How long a download may wait for the response before it fails "
                + "(the event loop counts the whole exchange)"));
        TextArea urls = new TextArea();
        urls.setId("urls");
        urls.setPromptText("Leave empty to use the embedded demo sites. One URL per line, e.g. https://example.org/");
        urls.setPrefRowCount(3);
        urls.setWrapText(false);
        urls.textProperty().bindBidirectional(vm.urlsProperty());
        validation.registerValidator(urls, false, (Validator<String>) (control, text) ->
                ValidationResult.fromErrorIf(control, vm.validationErrorProperty().get(),
                        vm.workloadProperty().get().downloads() && vm.validationErrorProperty().get().contains("URL")));
        Label cpuMsLabel = new Label("Parse (ms CPU)");
        Label connectionsLabel = new Label("Connections");
        download.addRow(0, new Label("Pages"), pages);
        download.addRow(1, new Label("Latency (ms)"), latency);
        download.addRow(2, cpuMsLabel, cpuMs);
        download.addRow(3, connectionsLabel, connections);
        Label connectLabel = new Label("Connect timeout (ms)");
        Label readLabel = new Label("Read timeout (ms)");
        for (Label l : List.of(connectLabel, readLabel)) l.setMinWidth(Region.USE_PREF_SIZE); // the field gives way
        download.addRow(4, connectLabel, connectTimeout);
        download.addRow(5, readLabel, readTimeout);
        Label urlsLabel = new Label("Your own URLs");
        download.add(urlsLabel, 0, 6, 2, 1);
        download.add(urls, 0, 7, 2, 1);
        latency.disableProperty().bind(vm.urlsProperty().isNotEmpty());
        showWhen(vm.workloadProperty().isEqualTo(WorkloadKind.MIXED), cpuMsLabel, cpuMs);
        showWhen(Bindings.createBooleanBinding(() -> vm.modelProperty().get() == ModelKind.EVENTLOOP
                || vm.modelProperty().get() == ModelKind.VIRTUAL, vm.modelProperty()), connectionsLabel, connections);
        connections.setTooltip(new Tooltip("Requests in flight at once (aiohttp's connector allows 100)"));

        GridPane cpu = form();
        TextField numbers = numberField("numbers", vm.cpuTasksProperty(), v -> vm.cpuTasksProperty().set((int) v), 1, 100_000);
        TextField base = numberField("base", vm.baseProperty(), vm.baseProperty()::set, 0, 1_000_000_000L);
        cpu.addRow(0, new Label("Numbers"), numbers);
        cpu.addRow(1, new Label("First number"), base);

        GridPane race = form();
        TextField raceTasks = numberField("race-tasks", vm.raceTasksProperty(), v -> vm.raceTasksProperty().set((int) v), 1, 1_000_000);
        TextField increments = numberField("increments", vm.incrementsProperty(), v -> vm.incrementsProperty().set((int) v), 1, RunSpec.MAX_INCREMENTS);
        javafx.scene.control.ChoiceBox<Step.CounterMode> mode = new javafx.scene.control.ChoiceBox<>();
        mode.setId("counter-mode");
        mode.getItems().setAll(Step.CounterMode.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Step.CounterMode m) { return m == null ? "" : m.id(); }
            @Override public Step.CounterMode fromString(String text) { return Step.CounterMode.valueOf(text.toUpperCase(Locale.ROOT)); }
        });
        mode.valueProperty().bindBidirectional(vm.counterModeProperty());
        race.addRow(0, new Label("Tasks"), raceTasks);
        race.addRow(1, new Label("Increments"), increments);
        race.addRow(2, new Label("Update"), mode);

        GridPane gilForm = form();
        TextField switchMs = numberField("switch-ms", vm.switchMsProperty(), v -> vm.switchMsProperty().set((int) v), 1, RunSpec.MAX_SWITCH_MS);
        gilForm.addRow(0, new Label("GIL switch (ms)"), switchMs);
        showWhen(vm.gilProperty().and(Bindings.createBooleanBinding(() -> vm.modelProperty().get().supportsGil(), vm.modelProperty())), gilForm);

        download.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.workloadProperty().get().downloads(), vm.workloadProperty()));
        download.managedProperty().bind(download.visibleProperty());
        cpu.visibleProperty().bind(vm.workloadProperty().isEqualTo(WorkloadKind.CPU));
        cpu.managedProperty().bind(cpu.visibleProperty());
        race.visibleProperty().bind(vm.workloadProperty().isEqualTo(WorkloadKind.RACE));
        race.managedProperty().bind(race.visibleProperty());
        for (Node form : List.of(download, cpu, race, gilForm)) form.disableProperty().bind(vm.runningProperty());

        CheckBox warmup = new CheckBox("Warm up the JIT first (not timed)");
        warmup.setId("warmup");
        warmup.selectedProperty().bindBidirectional(vm.warmupProperty());
        warmup.setTooltip(new Tooltip("A cold JVM runs new code slower until the JIT compiles it. "
                + "Untick to see the effect on the first run."));
        warmup.disableProperty().bind(vm.runningProperty());

        Label invalid = paragraph("");
        invalid.setId("validation-error");
        invalid.getStyleClass().add("danger");
        invalid.textProperty().bind(vm.validationErrorProperty());
        invalid.visibleProperty().bind(vm.validationErrorProperty().isNotEmpty());
        invalid.managedProperty().bind(invalid.visibleProperty());

        Label modelTitle = header("");
        modelTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.modelProperty().get().title(), vm.modelProperty()));
        Label modelText = paragraph("");
        modelText.textProperty().bind(Bindings.createStringBinding(this::modelExplanation, vm.modelProperty(),
                vm.workloadProperty(), vm.gilProperty()));

        VBox result = resultPane();

        box.getChildren().addAll(workloadTitle, workloadText, download, cpu, race, warmup, invalid, new Separator(),
                modelTitle, modelText, gilForm, new Separator(), result);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(320);
        scroll.getStyleClass().add("side-scroll");
        return scroll;
    }

    private static void showWhen(javafx.beans.value.ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private String modelExplanation() {
        ModelKind m = vm.modelProperty().get();
        String text = m.summary();
        boolean cpuBound = vm.workloadProperty().get() == WorkloadKind.CPU;
        if (cpuBound && m.supportsGil()) {
            text += vm.gilProperty().get()
                    ? " The GIL is on: only one thread runs code at a time, as in CPython, so this CPU-bound job "
                    + "gets no faster than the synchronous loop (amber: waiting for the GIL)."
                    : " Java threads run in parallel on CPU work, so this CPU-bound job gets faster with more "
                    + "threads (up to the number of cores), unlike in CPython, where the GIL lets only one thread "
                    + "run Python code at a time. Tick GIL to see the article's result.";
        }
        if (m == ModelKind.EVENTLOOP && (cpuBound || vm.workloadProperty().get() == WorkloadKind.MIXED)) {
            text += " A computation runs on the loop's one thread and blocks every other task until it ends.";
        }
        return text;
    }

    private VBox resultPane() {
        Label title = header("Result");
        Label none = paragraph("No run yet.");
        Label wall = new Label();
        wall.setId("result-wall");
        wall.getStyleClass().add("result-wall");
        Label comparison = paragraph("");
        comparison.setId("result-comparison");
        comparison.textProperty().bind(vm.comparisonProperty());
        Label details = paragraph("");
        details.setId("result-details");

        failures.setId("failures");
        failures.setPrefHeight(120);
        failures.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TaskOutcome item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + ": " + item.error());
                setTooltip(empty || item == null ? null : new Tooltip(item.name() + "\n" + item.error()));
            }
        });
        Label failuresTitle = new Label("Failed tasks");
        VBox failureBox = new VBox(4, failuresTitle, failures);

        VBox box = new VBox(6, title, none, wall, comparison, details, failureBox);
        Runnable update = () -> {
            RunResult r = vm.lastResultProperty().get();
            none.setVisible(r == null);
            none.setManaged(r == null);
            wall.setText(r == null ? "" : (r.cancelled() ? "Stopped at " : "Wall time ") + Ticks.duration(r.wallNanos()));
            details.setText(r == null ? "" : describe(r));
            failures.getItems().setAll(vm.failures());
            boolean anyFailed = !failures.getItems().isEmpty();
            failureBox.setVisible(anyFailed);
            failureBox.setManaged(anyFailed);
            failuresTitle.setText(failures.getItems().size() + " failed task" + (failures.getItems().size() == 1 ? "" : "s"));
        };
        vm.lastResultProperty().addListener((obs, a, b) -> update.run());
        update.run();
        return box;
    }

    private static String describe(RunResult r) {
        long cpu = r.stats().nanos(State.WORK);
        long io = r.stats().nanos(State.IO_WAIT);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d of %d %s done, %d failed.%n", r.completed(), r.tasks(),
                r.spec().workload().taskNoun(), r.errors()));
        text.append("Workers ran code for ").append(Ticks.duration(cpu));
        text.append(io == 0 ? " and never waited for I/O" : " and waited for I/O for " + Ticks.duration(io)).append(" in all");
        text.append(String.format(Locale.ROOT, "; at most %d busy at once.%n", r.stats().peakConcurrency()));
        text.append("The process used ").append(Ticks.duration(r.stats().cpuNanos())).append(" of CPU time");
        text.append(r.peakThreads() > 0 ? String.format(Locale.ROOT, "; at most %d platform threads were alive", r.peakThreads()) : "");
        text.append(r.peakProcesses() > 0 ? String.format(Locale.ROOT, " and %d child processes", r.peakProcesses()) : "");
        text.append('.');
        if (r.carriers() > 0) {
            text.append(String.format(Locale.ROOT, "%n%,d virtual threads ran on %d carrier (platform) thread%s.",
                    r.tasks(), r.carriers(), r.carriers() == 1 ? "" : "s"));
        }
        long startupEnd = r.segments().stream().filter(seg -> seg.state() == State.STARTUP)
                .mapToLong(seg -> seg.end()).max().orElse(0);
        if (startupEnd > 0) {
            text.append(String.format(Locale.ROOT, "%nStarting the worker processes took %s (grey); the work itself took %s.",
                    Ticks.duration(startupEnd), Ticks.duration(r.wallNanos() - startupEnd)));
        }
        if (r.counter() != null) text.append(System.lineSeparator()).append(counterText(r));
        return text.toString();
    }

    /// What the race did to the counter, in words.
    static String counterText(RunResult r) {
        var c = r.counter();
        if (!c.workerCounts().isEmpty()) {
            String each = c.workerCounts().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                    .collect(java.util.stream.Collectors.joining(" + "));
            return String.format(Locale.ROOT, "Processes share no memory: each counted on its own copy (%s), "
                    + "and this process's counter stayed at %,d of %,d.", each, c.actual(), c.expected());
        }
        if (c.lost() == 0) return String.format(Locale.ROOT, "Counter: %,d of %,d. No update was lost.", c.actual(), c.expected());
        return String.format(Locale.ROOT, "Counter: %,d of %,d. %,d updates were lost (%.1f%%).", c.actual(), c.expected(),
                c.lost(), 100.0 * c.lost() / c.expected());
    }

    private static javafx.scene.control.Tab tab(String id, String title, Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private void showDiagramTab() {
        centerTabs.getSelectionModel().select(0);
    }

    public HistoryPane history() {
        return history;
    }

    public CompareView compareView() {
        return compareView;
    }

    public SweepView sweepView() {
        return sweepView;
    }

    /// Whether a comparison or a sweep is running (their tabs' Stop buttons are showing).
    public boolean seriesRunningFx() {
        return compareView.runningProperty().get() || sweepView.runningProperty().get();
    }

    /// Stops the comparison or sweep going on, as its Stop button does (the Esc key).
    public void stopSeriesFx() {
        if (compareView.runningProperty().get()) compareView.cancelFx();
        if (sweepView.runningProperty().get()) sweepView.cancelFx();
    }

    public LessonsPane lessons() {
        return lessons;
    }

    public CodePane code() {
        return code;
    }

    public ExplanationPane explanation() {
        return explanation;
    }

    private Node diagramPane() {
        if (diagramPaneNode != null) return diagramPaneNode;
        BorderPane pane = new BorderPane(diagram);
        diagramPaneNode = pane;
        pane.setTop(diagramBar);
        pane.setBottom(diagramBar.summaryStrip());
        pane.getStyleClass().add("diagram-pane");
        return pane;
    }

    public DiagramExports exports() {
        return exports;
    }

    DiagramBar diagramBar() {
        return diagramBar;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status");
        bar.textProperty().bind(vm.statusProperty());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            if (vm.runningProperty().get() && vm.phaseProperty().get() != org.concurrencylab.core.run.RunPhase.RUNNING) {
                return ProgressBar.INDETERMINATE_PROGRESS;
            }
            int total = vm.totalProperty().get();
            return total == 0 ? 0 : (double) vm.doneProperty().get() / total;
        }, vm.doneProperty(), vm.totalProperty(), vm.runningProperty(), vm.phaseProperty()));
        Label count = new Label();
        count.setId("progress-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d / %d %s",
                vm.doneProperty().get(), vm.totalProperty().get(), vm.workloadProperty().get().taskNoun()),
                vm.doneProperty(), vm.totalProperty(), vm.workloadProperty()));
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.setMinWidth(70);
        elapsed.setAlignment(Pos.CENTER_RIGHT);
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> vm.handleProperty().get() == null
                ? "–" : Ticks.duration(vm.elapsedNanosProperty().get()), vm.elapsedNanosProperty(), vm.handleProperty()));
        Label errors = new Label();
        errors.setId("errors");
        errors.textProperty().bind(Bindings.createStringBinding(() -> {
            int e = vm.errorsProperty().get();
            return e == 1 ? "1 error" : e + " errors";
        }, vm.errorsProperty()));
        errors.styleProperty().bind(Bindings.when(vm.errorsProperty().greaterThan(0))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        Label figures = new Label();
        figures.setId("system");
        figures.setTooltip(new Tooltip("Platform threads alive (peak), child processes, CPU use of this process "
                + "(100% = one core), heap in use. Virtual threads are not platform threads."));
        figures.textProperty().bind(Bindings.createStringBinding(() -> {
            SystemSample s = vm.systemProperty().get();
            if (s == null) return "";
            return String.format(Locale.ROOT, "threads %d (peak %d) · processes %d · CPU %.0f%% · heap %d MB",
                    s.platformThreads(), vm.peakThreadsProperty().get(), s.childProcesses(), s.cpuPercent(),
                    s.heapUsedBytes() >> 20);
        }, vm.systemProperty(), vm.peakThreadsProperty()));
        bar.getRightItems().addAll(figures, new Separator(javafx.geometry.Orientation.VERTICAL), count,
                new Separator(javafx.geometry.Orientation.VERTICAL), progress,
                new Separator(javafx.geometry.Orientation.VERTICAL), elapsed,
                new Separator(javafx.geometry.Orientation.VERTICAL), errors);
        return bar;
    }

    private TextField numberField(String id, javafx.beans.value.ObservableNumberValue source, LongConsumer sink, long min, long max) {
        TextField field = new TextField(Long.toString(source.longValue()));
        // the field follows its setting when it changes elsewhere (a lesson's preset, a rerun)
        source.addListener((obs, a, value) -> {
            String text = Long.toString(value.longValue());
            if (value.longValue() >= 0 && !text.equals(field.getText())) field.setText(text);
        });
        field.setId(id);
        field.setPrefColumnCount(9);
        field.setTextFormatter(new javafx.scene.control.TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,10}") ? change : null));
        field.textProperty().addListener((obs, a, text) -> {
            // clamped just past the range: out of range stays out of range, and no int wraps round
            if (!text.isEmpty()) sink.accept(Math.min(Long.parseLong(text), max + 1));
            else sink.accept(-1);
        });
        validation.registerValidator(field, false, (Validator<String>) (control, text) -> {
            boolean ok = text != null && !text.isEmpty() && Long.parseLong(text) >= min && Long.parseLong(text) <= max;
            return ValidationResult.fromMessageIf(control,
                    String.format(Locale.ROOT, "Enter a whole number from %,d to %,d", min, max), Severity.ERROR, !ok);
        });
        return field;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("title-4", "section-header");
        return label;
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("paragraph");
        return label;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(14);
        return gap;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("toolbar-label");
        return label;
    }
}
