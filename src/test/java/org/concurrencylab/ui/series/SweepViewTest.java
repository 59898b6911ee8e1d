package org.concurrencylab.ui.series;

import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.ui.FxTestTheme;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.concurrencylab.compare.Sweep;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Drives the sweep view: values typed, one run per value, a point per run on the chart.
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {
    private final RunEngine engine = new RunEngine();
    private final SimpleObjectProperty<RunSpec> base = new SimpleObjectProperty<>(
            RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withTasks(8).with(RunParams.LATENCY_MS, 10).withWarmup(false));
    private final List<RunResult> kept = new CopyOnWriteArrayList<>();
    private SweepViewModel vm;
    private SweepPane view;

    @Start
    void start(Stage stage) {
        vm = new SweepViewModel(engine, new RunSlot(), Platform::runLater, kept::add, base);
        view = new SweepPane(vm);
        stage.setScene(FxTestTheme.themed(new Scene(view, 1200, 700)));
        stage.show();
    }

    @AfterEach
    void close() {
        Platform.runLater(vm.series()::cancel);
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
    }

    /// Selects what the values field holds and types `text` over it.
    private static void typeValues(FxRobot robot, String text) {
        robot.clickOn("#sweep-values").push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN)).write(text);
    }

    @Test
    void a_sweep_plots_one_point_per_value_each_a_real_run(FxRobot robot) throws Exception {
        typeValues(robot, "1,2,4,8");
        assertThat(vm.errorProperty().get()).isEmpty();

        robot.clickOn("#sweep-start");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.series().runningProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.series().runningProperty().get());
        Sweep sweep = vm.sweepProperty().get();
        assertThat(sweep.points()).extracting(Sweep.Point::value).containsExactly(1, 2, 4, 8);
        assertThat(sweep.points()).allSatisfy(p -> assertThat(p.result().completed()).isEqualTo(8));
        assertThat(sweep.points()).extracting(Sweep.Point::idealNanos)
                .containsExactly(80_000_000L, 40_000_000L, 20_000_000L, 10_000_000L);
        assertThat(view.chart().wallPoints()).hasSize(4);
        assertThat(view.chart().efficiencyPoints()).hasSize(4);
        assertThat(view.chart().logScale()).isTrue();
        assertThat(robot.lookup("#sweep-points").queryListView().getItems()).hasSize(4);
        assertThat(kept).hasSize(4);
    }

    @Test
    void values_that_do_not_fit_are_refused_where_they_are_typed(FxRobot robot) {
        typeValues(robot, "1,zero");

        assertThat(vm.errorProperty().get()).isEqualTo("'zero' is not a whole number");
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isTrue();

        robot.interact(() -> base.set(base.get().withModel(ModelKind.EVENTLOOP)));
        typeValues(robot, "1,2");
        assertThat(vm.errorProperty().get()).contains("not for eventloop");

        robot.interact(() -> base.set(base.get().withModel(ModelKind.THREADS)));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isFalse();
        ListView<?> points = robot.lookup("#sweep-points").queryListView();
        assertThat(points.getItems()).isEmpty();
    }
}
