package org.concurrencylab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.compare.ComparePanels;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.compare.SeriesRun;
import org.concurrencylab.compare.Variants;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Ticks;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/// Compare every model: runs the current workload under each model (GIL on and off where it
/// applies) one after another, then shows their diagrams stacked on one shared time axis, the
/// article's results table with efficiency against the ideal, and a one-sentence verdict.
/// Also shows any comparison made elsewhere, e.g. runs picked in the history ([#showFx]).
///
/// Thread-safety: FX thread only. The series runs on its own thread; its reports reach this
/// view through the `fx` executor (`Platform::runLater` in the app).
public final class CompareView extends BorderPane {
    public static final String STYLE_CLASS = "compare-view";

    private final RunEngine engine;
    private final ObservableValue<RunSpec> baseSpec;
    private final Executor fx;
    private final Consumer<RunResult> keep;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final StackedDiagramView diagram = new StackedDiagramView();
    private final TableView<Comparison.Row> table = new TableView<>();
    private final Label verdict = new Label();
    private final Label progressText = new Label("Runs the workload set in the window under every model, one after another.");
    private final Label failures = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button start = new Button("Compare all models");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    /// Why the series cannot start now (another run or series is going on), or null.
    private java.util.function.Supplier<String> busy = () -> null;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final List<RunResult> finished = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private SeriesRun series;

    /// `baseSpec` gives the workload to compare (the window's current settings, e.g.
    /// `LabViewModel.specProperty()`; null when they are invalid); `keep` receives every run that ends (to keep it in the history); `fx` runs
    /// the series' reports on the FX thread.
    public CompareView(RunEngine engine, ObservableValue<RunSpec> baseSpec, Executor fx, Consumer<RunResult> keep) {
        this.engine = engine;
        this.baseSpec = baseSpec;
        this.fx = fx;
        this.keep = keep;
        getStyleClass().add(STYLE_CLASS);

        start.setId("compare-start");
        start.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(running.get() ? "mdi2s-stop" : "mdi2p-play"), running));
        start.setOnAction(e -> {
            if (running.get()) cancelFx();
            else startFx();
        });
        start.textProperty().bind(Bindings.when(running).then("Stop").otherwise("Compare all models"));
        Tooltip stopTip = new Tooltip("Stop the comparison (Esc)");
        start.tooltipProperty().bind(Bindings.when(running).then(stopTip).otherwise((Tooltip) null));
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> baseSpec.getValue() == null && !running.get(), baseSpec, running));
        progress.setId("compare-progress");
        progress.setPrefWidth(180);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);
        progressText.setId("compare-status");
        progressText.setAlignment(Pos.CENTER_LEFT);
        progressText.setWrapText(true);
        HBox.setHgrow(progressText, Priority.ALWAYS);
        progressText.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(10, start, progress, progressText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("compare-bar");
        setTop(bar);

        ScrollPane scroll = new ScrollPane(diagram);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("compare-diagrams");

        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().addAll("title-4", "compare-verdict");
        failures.setId("compare-failures");
        failures.setWrapText(true);
        failures.getStyleClass().add("danger");
        failures.managedProperty().bind(failures.visibleProperty());
        failures.setVisible(false);
        buildTable();
        VBox results = new VBox(6, verdict, failures, table);
        results.setPadding(new Insets(8, 10, 8, 10));
        VBox.setVgrow(table, Priority.ALWAYS);

        SplitPane split = new SplitPane(scroll, results);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        setCenter(split);
    }

    /// Sets what says whether something else runs now: a series started meanwhile is refused
    /// with that reason, so two runs never share the cores and spoil each other's times.
    public void setBusyCheck(java.util.function.Supplier<String> check) {
        busy = java.util.Objects.requireNonNull(check);
    }

    /// Compares the window's current workload under every model.
    public void startFx() {
        RunSpec base = baseSpec.getValue();
        if (base == null) {
            progressText.setText("The settings are not valid; fix them in the side panel first.");
            return;
        }
        startFx(Variants.of(base));
    }

    /// Runs `specs` one after another and compares them.
    public void startFx(List<RunSpec> specs) {
        if (running.get()) return;
        String reason = busy.get();
        if (reason != null) {
            progressText.setText(reason);
            return;
        }
        finished.clear();
        failed.clear();
        failures.setVisible(false);
        show(Comparison.of(List.of(), cores));
        running.set(true);
        progress.setProgress(0);
        progressText.setText("Starting " + specs.size() + " runs…");
        series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
            @Override
            public void runStarted(int index, int total, RunSpec spec, RunHandle handle) {
                fx.execute(() -> {
                    progress.setProgress((double) index / total);
                    progressText.setText(String.format(Locale.ROOT, "Run %d of %d: %s…", index + 1, total, Variants.label(spec)));
                });
            }

            @Override
            public void runFinished(int index, int total, RunResult result) {
                fx.execute(() -> {
                    keep.accept(result);
                    if (result.cancelled()) return;
                    finished.add(result);
                    progress.setProgress((double) (index + 1) / total);
                    show(Comparison.of(finished, cores));
                });
            }

            @Override
            public void runFailed(int index, int total, RunSpec spec, String message) {
                fx.execute(() -> {
                    failed.add(Variants.label(spec) + " could not run: " + message);
                    failures.setText(String.join("\n", failed));
                    failures.setVisible(true);
                });
            }
        });
        SeriesRun mine = series;
        mine.outcome().whenComplete((outcome, error) -> fx.execute(() -> {
            if (series != mine) return;
            running.set(false);
            if (error != null) {
                progressText.setText("The comparison failed: " + error.getMessage());
            } else {
                progressText.setText(outcome.cancelled()
                        ? String.format(Locale.ROOT, "Stopped after %d of %d runs.", outcome.results().size(), mine.total())
                        : String.format(Locale.ROOT, "%d runs compared.", outcome.results().size()));
            }
        }));
    }

    /// Stops the run going on and the rest of the series; the runs that ended stay shown.
    public void cancelFx() {
        if (series != null) series.cancel();
    }

    /// Shows `c` (runs picked in the history, say): its diagrams stacked, its table and
    /// verdict. Ignored while a series runs here.
    public void showFx(Comparison c) {
        if (running.get()) return;
        failed.clear();
        failures.setVisible(false);
        progressText.setText(c.rows().size() + " runs compared.");
        show(c);
    }

    private void show(Comparison c) {
        comparison.set(c);
        table.getItems().setAll(c.rows());
        verdict.setText(c.rows().isEmpty() ? "" : c.verdict());
        // the verdict stands over the table, so the diagrams' header names only the work
        diagram.showFx(ComparePanels.of(c), ComparePanels.title(c), "");
    }

    public void setPaletteFx(Palette palette) {
        diagram.setPaletteFx(palette);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /// The comparison shown (so far, while a series goes on), or null.
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public StackedDiagramView diagram() {
        return diagram;
    }

    public TableView<Comparison.Row> table() {
        return table;
    }

    private void buildTable() {
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs compared yet."));
        table.getColumns().add(column("Model", Comparison.Row::label, 170));
        table.getColumns().add(column("Wall", r -> (r.result().cancelled() ? "stopped " : "") + Ticks.duration(r.result().wallNanos()), 80));
        table.getColumns().add(column("Speed-up", r -> Double.isNaN(r.speedUp()) ? "–" : String.format(Locale.ROOT, "%.2f×", r.speedUp()), 80));
        table.getColumns().add(column("CPU time", r -> Ticks.duration(r.cpuNanos()), 80));
        table.getColumns().add(column("Peak threads", r -> r.peakThreads() > 0 ? Integer.toString(r.peakThreads()) : "–", 90));
        table.getColumns().add(column("Ideal", r -> r.hasIdeal() ? Ticks.duration(r.idealNanos()) : "–", 80));
        table.getColumns().add(column("Efficiency", r -> Double.isNaN(r.efficiency()) ? "–"
                : String.format(Locale.ROOT, "%.0f%%", r.efficiency() * 100), 80));
        table.getColumns().add(column("Errors", r -> Integer.toString(r.result().errors()), 60));
        for (TableColumn<Comparison.Row, ?> c : table.getColumns()) c.setSortable(false);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPrefHeight(240);
    }

    private static TableColumn<Comparison.Row, String> column(String title, Function<Comparison.Row, String> text, double width) {
        TableColumn<Comparison.Row, String> c = new TableColumn<>(title);
        c.setId("compare-col-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
