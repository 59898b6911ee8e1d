package org.concurrencylab.ui.series;

import org.concurrencylab.compare.Comparison;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/// A series of runs without the FX thread: the test's own thread plays the UI thread, running
/// what the series hands back, one task at a time.
@Timeout(60)
class SeriesViewModelTest {
    private final RunEngine engine = new RunEngine();
    private final RunSlot slot = new RunSlot();
    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final List<RunResult> kept = new ArrayList<>();
    private final SimpleObjectProperty<RunSpec> base = new SimpleObjectProperty<>(RunSpec.defaults(WorkloadKind.DOWNLOAD,
            ModelKind.SYNC).withTasks(4).with(RunParams.LATENCY_MS, 1).withWarmup(false));

    @AfterEach
    void close() {
        engine.close();
    }

    /// Runs what comes back to the UI thread until `done` holds.
    private void uiUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable next = ui.poll(30, TimeUnit.SECONDS);
            if (next == null) throw new AssertionError("nothing came back to the UI thread");
            next.run();
        }
    }

    @Test
    void a_comparison_runs_its_specs_one_after_another_keeps_each_and_gives_the_slot_back() throws Exception {
        CompareViewModel vm = new CompareViewModel(engine, slot, ui::add, kept::add, base);
        RunSpec sync = base.get();

        vm.startFx(List.of(sync, sync.withModel(ModelKind.THREADS).withWorkers(2)));
        assertThat(vm.series().runningProperty().get()).isTrue();
        assertThat(slot.holder()).contains(RunSlot.Use.COMPARISON);
        uiUntil(() -> !vm.series().runningProperty().get());

        Comparison c = vm.comparisonProperty().get();
        assertThat(c.rows()).extracting(Comparison.Row::label).containsExactly("sync", "threads (2)");
        assertThat(kept).hasSize(2);
        assertThat(vm.series().statusProperty().get()).isEqualTo("2 runs compared.");
        assertThat(vm.series().progressProperty().get()).isEqualTo(1.0);
        assertThat(slot.holder()).isEmpty();
    }

    @Test
    void a_series_asked_for_while_the_slot_is_taken_says_why_and_runs_nothing() {
        CompareViewModel vm = new CompareViewModel(engine, slot, ui::add, kept::add, base);
        slot.tryTake(RunSlot.Use.RUN, () -> { });

        vm.startFx();

        assertThat(vm.series().runningProperty().get()).isFalse();
        assertThat(vm.series().statusProperty().get()).isEqualTo(RunSlot.Use.RUN.busyText());
        assertThat(ui).isEmpty();
    }

    @Test
    void stopping_a_sweep_keeps_the_points_that_ended() throws Exception {
        base.set(base.get().withModel(ModelKind.THREADS).withTasks(200).with(RunParams.LATENCY_MS, 20));
        SweepViewModel vm = new SweepViewModel(engine, slot, ui::add, kept::add, base);
        vm.valuesProperty().set("1,2,4");
        assertThat(vm.errorProperty().get()).isEmpty();

        vm.startFx();
        uiUntil(() -> vm.series().statusProperty().get().startsWith("Run 1 of 3"));
        slot.stop();
        uiUntil(() -> !vm.series().runningProperty().get());

        assertThat(vm.series().statusProperty().get()).startsWith("Stopped: ");
        assertThat(vm.sweepProperty().get().points()).hasSizeLessThan(3);
        assertThat(slot.holder()).isEmpty();
    }

    @Test
    void values_a_sweep_cannot_take_are_refused_before_anything_runs() {
        SweepViewModel vm = new SweepViewModel(engine, slot, ui::add, kept::add, base);

        vm.valuesProperty().set("1,x");
        assertThat(vm.errorProperty().get()).isEqualTo("'x' is not a whole number");
        vm.valuesProperty().set("2,4");
        assertThat(vm.errorProperty().get()).as("sync has one worker").contains("not for sync");
        base.set(null);
        assertThat(vm.errorProperty().get()).startsWith("The settings are not valid");
        vm.startFx();
        assertThat(vm.series().runningProperty().get()).isFalse();
    }
}
