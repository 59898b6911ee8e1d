package org.concurrencylab.ui.series;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.compare.Variants;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/// Compare every model: the form's workload under each model (GIL on and off where it
/// applies), one after another, summed up as a [Comparison]; or a comparison made elsewhere
/// (runs picked in the history).
///
/// Thread-safety: FX thread only.
public final class CompareViewModel {
    private final SeriesViewModel series;
    private final ObservableValue<RunSpec> base;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();

    /// Compares the workload `base` gives (the form's spec; null while it cannot run).
    public CompareViewModel(RunEngine engine, RunSlot slot, Executor fx, SeriesViewModel.Keeper keep, ObservableValue<RunSpec> base) {
        this.series = new SeriesViewModel(engine, slot, RunSlot.Use.COMPARISON, fx, keep,
                "Runs the workload set in the window under every model, one after another; with Runtime "
                        + "set to CPython, the article's own Python programs too.");
        this.base = base;
    }

    public SeriesViewModel series() { return series; }

    /// The form's spec the comparison starts from, or null.
    public ObservableValue<RunSpec> baseProperty() { return base; }

    /// The comparison shown (so far, while a series goes on), or null.
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }

    /// Compares the form's workload under every model.
    public void startFx() {
        RunSpec b = base.getValue();
        if (b == null) {
            series.tell("The settings are not valid; fix them in the side panel first.");
            return;
        }
        startFx(Variants.of(b));
    }

    /// Runs `specs` one after another and compares them.
    public void startFx(List<RunSpec> specs) {
        series.start("Compare models · " + specs.getFirst().workload().title(), specs, (index, spec) -> Variants.label(spec), new SeriesViewModel.Results() {
            @Override public void cleared() { comparison.set(Comparison.of(List.of(), cores)); }

            @Override public void finished(List<RunResult> done) { comparison.set(Comparison.of(done, cores)); }
        }, (outcome, total) -> outcome.cancelled()
                ? String.format(Locale.ROOT, "Stopped after %d of %d runs.", outcome.results().size(), total)
                : String.format(Locale.ROOT, "%d runs compared.", outcome.results().size()));
    }

    /// Shows `c` (runs picked in the history, say); ignored while a series runs here.
    public void showFx(Comparison c) {
        if (series.runningProperty().get()) return;
        series.tell(c.rows().size() + " runs compared.");
        comparison.set(c);
    }
}
