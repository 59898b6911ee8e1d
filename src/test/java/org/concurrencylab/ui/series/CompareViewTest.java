package org.concurrencylab.ui.series;

import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.ui.FxTestTheme;
import org.concurrencylab.ui.common.TaskExecutor;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.diagram.StackedLayout;
import org.concurrencylab.history.HistoryRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Drives the compare view: one click runs every model, then one diagram per model on one axis.
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private final RunEngine engine = new RunEngine();
    private final SimpleObjectProperty<RunSpec> base = new SimpleObjectProperty<>(
            RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(3).withTasks(8).with(RunParams.LATENCY_MS, 5).withWarmup(false));
    private final List<RunResult> kept = new CopyOnWriteArrayList<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private CompareViewModel vm;
    private ComparePane view;

    @Start
    void start(Stage stage) {
        vm = new CompareViewModel(engine, new RunSlot(), Platform::runLater, kept::add, base);
        view = new ComparePane(vm, new TaskExecutor(io, Platform::runLater));
        stage.setScene(FxTestTheme.themed(new Scene(view, 1200, 800)));
        stage.show();
    }

    @AfterEach
    void close() {
        Platform.runLater(vm.series()::cancel);
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
        io.shutdownNow();
    }

    @Test
    void compare_shows_one_diagram_per_model_all_on_one_time_axis(FxRobot robot) throws Exception {
        robot.clickOn("#compare-start");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.series().runningProperty().get());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !vm.series().runningProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.diagram().lastLayout() != null
                && view.diagram().lastLayout().panels().size() == 7);

        Comparison c = vm.comparisonProperty().get();
        assertThat(c.rows()).extracting(Comparison.Row::label).containsExactly("sync", "threads (3)", "threads (3) + GIL",
                "event loop", "processes (" + ModelKind.PROCESSES.traits().workers().defaultCount() + ")", "virtual threads",
                "virtual threads + GIL");
        StackedLayout.Stacked stacked = view.diagram().lastLayout();
        assertThat(stacked.panels()).extracting(p -> p.panel().title()).containsExactlyElementsOf(
                c.rows().stream().map(Comparison.Row::label).toList());
        assertThat(stacked.panels()).allSatisfy(p -> {
            assertThat(p.frame().scale()).isEqualTo(stacked.scale());
            assertThat(p.frame().boxes()).isNotEmpty();
        });
        assertThat(stacked.scale().endNanos()).isGreaterThanOrEqualTo(c.longestNanos());
        for (int i = 1; i < stacked.panels().size(); i++) {
            assertThat(stacked.panels().get(i).y()).isGreaterThan(stacked.panels().get(i - 1).y());
        }
        assertThat(view.table().getItems()).hasSize(7);
        assertThat(robot.lookup("#compare-verdict").queryAs(Label.class).getText()).startsWith("I/O-bound: ").isEqualTo(c.verdict());
        assertThat(robot.lookup("#compare-status").queryAs(Label.class).getText()).isEqualTo("7 runs compared.");
        assertThat(kept).as("every run is handed on to be kept").hasSize(7);
    }

    @Test
    void stop_ends_the_series_and_keeps_the_runs_that_ended(FxRobot robot) throws Exception {
        robot.interact(() -> base.set(base.get().withModel(ModelKind.SYNC).withTasks(300).with(RunParams.LATENCY_MS, 100)));

        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.series().runningProperty().get());
        robot.clickOn("#compare-start");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.series().runningProperty().get());
        assertThat(robot.lookup("#compare-status").queryAs(Label.class).getText()).startsWith("Stopped after 0 of 7 runs");
        assertThat(vm.comparisonProperty().get().rows()).isEmpty();
    }

    @Test
    void runs_picked_elsewhere_are_stacked_on_one_axis_under_their_names(FxRobot robot) throws Exception {
        List<RunResult> picked = List.of(HistoryRuns.run(ModelKind.SYNC, 6), HistoryRuns.run(ModelKind.THREADS, 3));

        robot.interact(() -> vm.showFx(Comparison.of(picked, List.of("before", "after"), 2)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.diagram().lastLayout() != null
                && view.diagram().lastLayout().panels().size() == 2);
        StackedLayout.Stacked stacked = view.diagram().lastLayout();
        assertThat(stacked.panels()).extracting(p -> p.panel().title()).containsExactly("before", "after");
        assertThat(stacked.panels()).allSatisfy(p -> assertThat(p.frame().scale()).isEqualTo(stacked.scale()));
        assertThat(stacked.scale().endNanos()).isGreaterThanOrEqualTo(picked.getFirst().wallNanos());
        assertThat(view.table().getItems()).extracting(Comparison.Row::label).containsExactly("before", "after");
    }

    @Test
    void a_comparison_saves_as_a_slide_of_full_size_diagrams_with_the_verdict(FxRobot robot, @TempDir Path dir) throws Exception {
        assertThat(robot.lookup("#compare-save").queryButton().isDisabled()).as("nothing compared yet").isTrue();
        assertThat(robot.lookup("#compare-copy").queryButton().isDisabled()).isTrue();
        Comparison c = Comparison.of(List.of(HistoryRuns.run(ModelKind.SYNC, 6), HistoryRuns.run(ModelKind.THREADS, 3)),
                List.of("sync", "threads (3)"), 2);
        robot.interact(() -> vm.showFx(c));
        assertThat(robot.lookup("#compare-save").queryButton().isDisabled()).isFalse();

        Path png = dir.resolve("slide.png");
        robot.interact(() -> view.exports().saveFx(c, png));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.series().statusProperty().get().startsWith("Wrote"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) (CompareExports.SLIDE_WIDTH * CompareExports.PIXEL_SCALE));
        assertThat(vm.series().statusProperty().get()).isEqualTo("Wrote " + png + " (" + image.getWidth() + " × "
                + image.getHeight() + " pixels).");

        Path nowhere = dir.resolve("missing-folder").resolve("slide.png");
        robot.interact(() -> view.exports().saveFx(c, nowhere));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.series().statusProperty().get().startsWith("Could not write"));
        assertThat(nowhere).doesNotExist();
        assertThat(CompareExports.suggestedName(c)).isEqualTo("compare-download.png");
    }

    @Test
    void invalid_settings_disable_compare(FxRobot robot) {
        robot.interact(() -> base.set(null));

        assertThat(robot.lookup("#compare-start").queryButton().isDisabled()).isTrue();
    }
}
