package org.concurrencylab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.concurrencylab.compare.SeriesRun;
import org.concurrencylab.compare.Sweep;
import org.concurrencylab.compare.SweepParam;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.render.SweepChart;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/// Sweep a parameter: runs the current workload and model once per value of one parameter
/// (workers 1–64 on a log scale, latency, task count, GIL switch interval) and plots wall time
/// and efficiency against it as the points come in. Each point is a real run, kept as it ends.
///
/// Thread-safety: FX thread only. The series runs on its own thread; its reports reach this
/// view through the `fx` executor (`Platform::runLater` in the app).
public final class SweepView extends BorderPane {
    public static final String STYLE_CLASS = "sweep-view";

    private final RunEngine engine;
    private final ObservableValue<RunSpec> baseSpec;
    private final Executor fx;
    private final Consumer<RunResult> keep;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ChoiceBox<SweepParam> param = new ChoiceBox<>();
    private final TextField values = new TextField();
    private final Button start = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final SweepChart chart = new SweepChart();
    private final ListView<String> points = new ListView<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    /// Why the series cannot start now (another run or series is going on), or null.
    private java.util.function.Supplier<String> busy = () -> null;
    private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>();
    private SeriesRun series;

    /// `baseSpec` gives the workload and model to sweep (the window's current settings, e.g.
    /// `LabViewModel.specProperty()`; null when they are invalid); `keep` receives every run that ends; `fx` runs the series'
    /// reports on the FX thread.
    public SweepView(RunEngine engine, ObservableValue<RunSpec> baseSpec, Executor fx, Consumer<RunResult> keep) {
        this.engine = engine;
        this.baseSpec = baseSpec;
        this.fx = fx;
        this.keep = keep;
        getStyleClass().add(STYLE_CLASS);

        param.setId("sweep-param");
        param.getItems().setAll(SweepParam.values());
        param.setConverter(new StringConverter<>() {
            @Override public String toString(SweepParam p) { return p == null ? "" : p.axisLabel(); }
            @Override public SweepParam fromString(String s) { return SweepParam.byId(s).orElse(null); }
        });
        param.valueProperty().addListener((obs, old, p) -> {
            RunSpec base = baseSpec.getValue();
            if (p != null) values.setText(join(p.defaultValues(base != null ? base : RunSpec.defaults(
                    org.concurrencylab.core.run.WorkloadKind.DOWNLOAD, org.concurrencylab.core.model.ModelKind.THREADS))));
        });
        values.setId("sweep-values");
        values.setPrefColumnCount(22);
        values.setTooltip(new Tooltip("Values to try, separated by commas, e.g. 1,2,5,10,20,50"));
        values.textProperty().addListener((obs, a, b) -> validateFx());
        param.setValue(SweepParam.WORKERS);

        start.setId("sweep-start");
        start.textProperty().bind(Bindings.when(running).then("Stop").otherwise("Sweep"));
        Tooltip stopTip = new Tooltip("Stop the sweep (Esc)");
        start.tooltipProperty().bind(Bindings.when(running).then(stopTip).otherwise((Tooltip) null));
        start.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(running.get() ? "mdi2s-stop" : "mdi2p-play"), running));
        start.disableProperty().bind(error.isNotEmpty().and(running.not()));
        start.setOnAction(e -> {
            if (running.get()) cancelFx();
            else startFx();
        });
        param.disableProperty().bind(running);
        values.disableProperty().bind(running);
        progress.setId("sweep-progress");
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);
        status.setId("sweep-status");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label errorLabel = new Label();
        errorLabel.setId("sweep-error");
        errorLabel.getStyleClass().add("danger");
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(error.isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        HBox bar = new HBox(8, new Label("Vary"), param, new Label("over"), values, start, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, errorLabel);
        top.setPadding(new Insets(8, 10, 8, 10));
        setTop(top);

        chart.setPadding(new Insets(0, 10, 0, 0));
        setCenter(chart);
        points.setId("sweep-points");
        points.setPrefWidth(330);
        points.setPlaceholder(new Label("Each point appears here as its run ends."));
        setRight(points);
        baseSpec.addListener((obs, old, now) -> {
            if (!running.get()) validateFx();
        });
        validateFx();
    }

    /// Sets what says whether something else runs now: a series started meanwhile is refused
    /// with that reason, so two runs never share the cores and spoil each other's times.
    public void setBusyCheck(java.util.function.Supplier<String> check) {
        busy = java.util.Objects.requireNonNull(check);
    }

    /// Sweeps the parameter chosen over the values typed, for the window's current settings.
    public void startFx() {
        validateFx();
        RunSpec base = baseSpec.getValue();
        if (!error.get().isEmpty() || base == null) return;
        startFx(base, param.getValue(), Sweep.parseValues(values.getText()));
    }

    /// Sweeps `p` over `vs` for `base`. An invalid combination is shown as the error and nothing runs.
    public void startFx(RunSpec base, SweepParam p, List<Integer> vs) {
        if (running.get()) return;
        String reason = busy.get();
        if (reason != null) {
            status.setText(reason);
            return;
        }
        List<RunSpec> specs;
        try {
            specs = Sweep.plan(base, p, vs);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        List<RunResult> done = new ArrayList<>();
        sweep.set(Sweep.of(base, p, done, cores));
        chart.showFx(sweep.get());
        points.getItems().clear();
        running.set(true);
        progress.setProgress(0);
        status.setText("Starting " + specs.size() + " runs…");
        series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
            @Override
            public void runStarted(int index, int total, RunSpec spec, RunHandle handle) {
                boolean reference = index == 0 && Sweep.needsReference(base);
                fx.execute(() -> {
                    progress.setProgress((double) index / total);
                    status.setText(String.format(Locale.ROOT, "Run %d of %d: %s…", index + 1, total,
                            reference ? "synchronous reference" : p.id() + " = " + p.valueOf(spec)));
                });
            }

            @Override
            public void runFinished(int index, int total, RunResult result) {
                fx.execute(() -> {
                    keep.accept(result);
                    if (result.cancelled()) return;
                    done.add(result);
                    progress.setProgress((double) (index + 1) / total);
                    Sweep now = Sweep.of(base, p, done, cores);
                    sweep.set(now);
                    chart.showFx(now);
                    points.getItems().setAll(now.points().stream().map(pt -> pt.line(p)).collect(Collectors.toList()));
                    if (now.reference() != null) {
                        points.getItems().addFirst(String.format(Locale.ROOT, "reference: sync wall=%.3fs", now.reference().wallSeconds()));
                    }
                });
            }

            @Override
            public void runFailed(int index, int total, RunSpec spec, String message) {
                fx.execute(() -> points.getItems().add(p.id() + " = " + p.valueOf(spec) + " could not run: " + message));
            }
        });
        SeriesRun mine = series;
        mine.outcome().whenComplete((outcome, failure) -> fx.execute(() -> {
            if (series != mine) return;
            running.set(false);
            if (failure != null) {
                status.setText("The sweep failed: " + failure.getMessage());
                return;
            }
            Sweep s = sweep.get();
            String best = s == null ? "" : s.fastest().map(pt -> String.format(Locale.ROOT, "; fastest at %s = %d (%.3f s)",
                    p.id(), pt.value(), pt.result().wallSeconds())).orElse("");
            status.setText((outcome.cancelled() ? "Stopped" : "Done") + String.format(Locale.ROOT, ": %d points%s.",
                    s == null ? 0 : s.points().size(), best));
        }));
    }

    /// Stops the run going on and the points still to do; the points done stay.
    public void cancelFx() {
        if (series != null) series.cancel();
    }

    /// Checks the values against the window's current settings; the reason, if any, is shown
    /// and Sweep is disabled.
    public void validateFx() {
        RunSpec base = baseSpec.getValue();
        if (base == null) {
            error.set("The settings are not valid; fix them in the side panel first.");
            return;
        }
        try {
            Sweep.plan(base, param.getValue(), Sweep.parseValues(values.getText()));
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /// The sweep shown (its points so far while it runs), or null.
    public ReadOnlyObjectProperty<Sweep> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /// Why Sweep is disabled, or empty.
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public SweepChart chart() {
        return chart;
    }

    private static String join(List<Integer> vs) {
        return vs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
