package org.concurrencylab.ui.series;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.concurrencylab.compare.Sweep;
import org.concurrencylab.compare.SweepParam;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/// Sweep a parameter: the form's workload and model run once per value of one parameter, summed
/// up as a [Sweep] as the points come in. The values are typed as a list; what cannot be swept
/// for the form's run is said ([#errorProperty()]) and Sweep waits.
///
/// Thread-safety: FX thread only.
public final class SweepViewModel {
    private final SeriesViewModel series;
    private final ObservableValue<RunSpec> base;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ObjectProperty<SweepParam> param = new SimpleObjectProperty<>(SweepParam.WORKERS);
    private final StringProperty values = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> points = FXCollections.observableArrayList();

    /// Sweeps the run `base` gives (the form's spec; null while it cannot run).
    public SweepViewModel(RunEngine engine, RunSlot slot, Executor fx, Consumer<RunResult> keep, ObservableValue<RunSpec> base) {
        this.series = new SeriesViewModel(engine, slot, RunSlot.Use.SWEEP, fx, keep, "");
        this.base = base;
        param.addListener((obs, old, p) -> {
            if (p != null) values.set(join(p.defaultValues(baseOrDefault())));
        });
        values.set(join(param.get().defaultValues(baseOrDefault())));
        values.addListener((obs, a, b) -> validate());
        param.addListener((obs, a, b) -> validate());
        base.addListener((obs, a, b) -> {
            if (!series.runningProperty().get()) validate();
        });
        validate();
    }

    public SeriesViewModel series() { return series; }

    /// The parameter varied.
    public ObjectProperty<SweepParam> paramProperty() { return param; }

    /// The values to try, as typed: "1,2,5,10".
    public StringProperty valuesProperty() { return values; }

    /// Why Sweep cannot start with these values, or empty.
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /// The sweep shown (its points so far while it runs), or null.
    public ReadOnlyObjectProperty<Sweep> sweepProperty() { return sweep.getReadOnlyProperty(); }

    /// One line per point, as the runs end.
    public ObservableList<String> points() { return FXCollections.unmodifiableObservableList(points); }

    /// Sweeps the parameter chosen over the values typed, for the form's run.
    public void startFx() {
        validate();
        RunSpec b = base.getValue();
        if (!error.get().isEmpty() || b == null) return;
        startFx(b, param.get(), Sweep.parseValues(values.get()));
    }

    /// Sweeps `p` over `vs` for `b`; an invalid combination is shown as the error and nothing runs.
    public void startFx(RunSpec b, SweepParam p, List<Integer> vs) {
        List<RunSpec> specs;
        try {
            specs = Sweep.plan(b, p, vs);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        boolean withReference = Sweep.needsReference(b);
        series.start(specs, (index, spec) -> index == 0 && withReference ? "synchronous reference" : p.id() + " = " + p.valueOf(spec),
                new SeriesViewModel.Results() {
                    @Override
                    public void cleared() {
                        sweep.set(Sweep.of(b, p, new ArrayList<>(), cores));
                        points.clear();
                    }

                    @Override
                    public void finished(List<RunResult> done) {
                        Sweep now = Sweep.of(b, p, done, cores);
                        sweep.set(now);
                        points.setAll(now.points().stream().map(pt -> pt.line(p)).collect(Collectors.toList()));
                        if (now.reference() != null) {
                            points.addFirst(String.format(Locale.ROOT, "reference: sync wall=%.3fs", now.reference().wallSeconds()));
                        }
                    }
                }, (outcome, total) -> {
                    Sweep s = sweep.get();
                    String best = s == null ? "" : s.fastest().map(pt -> String.format(Locale.ROOT, "; fastest at %s = %d (%.3f s)",
                            p.id(), pt.value(), pt.result().wallSeconds())).orElse("");
                    return (outcome.cancelled() ? "Stopped" : "Done") + String.format(Locale.ROOT, ": %d points%s.",
                            s == null ? 0 : s.points().size(), best);
                });
    }

    /// Checks the values against the form's run; the reason, if any, is the error.
    public void validate() {
        RunSpec b = base.getValue();
        if (b == null) {
            error.set("The settings are not valid; fix them in the side panel first.");
            return;
        }
        try {
            Sweep.plan(b, param.get(), Sweep.parseValues(values.get()));
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private RunSpec baseOrDefault() {
        RunSpec b = base.getValue();
        return b != null ? b : RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
    }

    private static String join(List<Integer> vs) {
        return vs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
