package org.concurrencylab.ui.diagram;

import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.ui.run.RunFormViewModel;
import org.concurrencylab.ui.run.RunViewModel;
import org.concurrencylab.ui.shell.LabShell;
import org.concurrencylab.ui.shell.LabWindow;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.export.ImageOptions;
import org.junit.jupiter.api.AfterEach;
import org.concurrencylab.diagram.ReplayClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// Explores a finished run the way a teacher does: zoom, hover, click a task, switch to the task
/// view, hide a state, replay step by step, copy the picture for a slide.
@ExtendWith(ApplicationExtension.class)
class DiagramInteractionTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path labHome;
    private RunEngine engine;
    private LabShell shell;
    private RunFormViewModel form;
    private RunViewModel run;
    
    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, lab -> {
            RunFormViewModel form = lab.form();
            form.modelProperty().set(ModelKind.THREADS);
            form.set(RunParams.WORKERS, 3);
            form.set(RunParams.LATENCY_MS, 30);
            form.set(RunParams.TASKS, 12);
            form.set(RunParams.WARMUP, false);
        });
        engine = window.engine();
        shell = window.shell();
        form = shell.form();
        run = shell.run();
    }

    @AfterEach
    void closeEngine() {
        window.close();
    }

    private TimingDiagram diagram() {
        return shell.diagram();
    }

    private void runToTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !run.runningProperty().get() && run.lastResultProperty().get() != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> diagram().finishedProperty().get() && diagram().lastFrame() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onScreen(DiagramLayout.Box box) {
        return diagram().localToScreen(box.x() + Math.min(box.w() / 2, 3), box.y() + box.h() / 2);
    }

    private DiagramLayout.Box firstBox(State state) {
        return diagram().lastFrame().boxes().stream().filter(b -> b.state() == state && b.w() >= 4).findFirst().orElseThrow();
    }

    @Test
    void zooming_hovering_highlighting_and_switching_views(FxRobot robot) throws Exception {
        runToTheEnd(robot);
        long fullSpan = diagram().lastFrame().scale().span();

        robot.clickOn(diagram());
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(100);
        assertThat(diagram().zoomedProperty().get()).isTrue();
        assertThat(diagram().lastFrame().scale().span()).isLessThan(fullSpan * 3 / 4);
        robot.type(KeyCode.DIGIT0);
        robot.sleep(100);
        assertThat(diagram().zoomedProperty().get()).isFalse();
        assertThat(diagram().lastFrame().scale().span()).isEqualTo(fullSpan);

        DiagramLayout.Box io = firstBox(State.IO_WAIT);
        robot.moveTo(onScreen(io));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(diagram().drawing().hoverText()).startsWith("Task " + (io.segment().task() + 1) + " · waiting for I/O")
                .contains("from ").contains(io.segment().label());
        assertThat(io.segment().label()).contains("/");

        robot.clickOn(onScreen(io));
        robot.sleep(100);
        assertThat(diagram().highlightTaskProperty().get()).isEqualTo(io.segment().task());
        assertThat(diagram().lastFrame().boxes()).filteredOn(b -> !b.dimmed())
                .allSatisfy(b -> assertThat(b.segment().task()).isEqualTo(io.segment().task()));
        assertThat(diagram().lastFrame().boxes()).anySatisfy(b -> assertThat(b.dimmed()).isTrue());

        robot.clickOn("#view-tasks");
        robot.sleep(100);
        assertThat(diagram().shownModel().isByTask()).isTrue();
        assertThat(diagram().lastFrame().rows()).hasSize(12);
        assertThat(diagram().lastFrame().boxes()).extracting(DiagramLayout.Box::state).contains(State.QUEUED);
        DiagramLayout.Box queued = firstBox(State.QUEUED);
        robot.moveTo(onScreen(queued));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(diagram().drawing().hoverText()).contains("queued").contains("on no worker yet");

        DiagramLayout.LegendItem cpu = diagram().lastFrame().legend().getFirst();
        assertThat(cpu.state()).isEqualTo(State.WORK);
        robot.clickOn(diagram().localToScreen(cpu.x() + cpu.swatch() / 2, cpu.y() - cpu.swatch() / 2));
        robot.sleep(100);
        assertThat(diagram().hiddenStates()).containsExactly(State.WORK);
        assertThat(diagram().lastFrame().boxes()).noneMatch(b -> b.state() == State.WORK);
        assertThat(shell.panes().diagramBar().summaryText()).contains("CPU").contains("I/O");
    }

    @Test
    void a_replay_shows_only_what_had_happened_by_the_cursor_and_steps_from_change_to_change(FxRobot robot) throws Exception {
        runToTheEnd(robot);

        robot.interact(() -> diagram().speedProperty().set(ReplayClock.MIN_SPEED)); // the run lasts ~0.15 s
        robot.clickOn("#replay");
        assertThat(diagram().replayingProperty().get()).isTrue();
        assertThat(diagram().playingProperty().get()).isTrue();
        robot.interact(() -> diagram().requestFocus());
        robot.type(KeyCode.SPACE); // pause
        robot.sleep(50);
        assertThat(diagram().playingProperty().get()).isFalse();
        robot.type(KeyCode.HOME);
        for (int i = 0; i < 3; i++) robot.type(KeyCode.RIGHT);
        robot.sleep(100);
        long cursor = diagram().replayCursorProperty().get();
        assertThat(cursor).isPositive();
        assertThat(diagram().lastFrame().nowNanos()).isEqualTo(cursor);
        assertThat(diagram().lastFrame().boxes()).allSatisfy(b -> assertThat(b.segment().end()).isLessThanOrEqualTo(cursor));
        robot.type(KeyCode.LEFT);
        robot.sleep(50);
        assertThat(diagram().replayCursorProperty().get()).isLessThan(cursor);

        robot.type(KeyCode.EQUALS);
        robot.type(KeyCode.EQUALS);
        assertThat(diagram().speedProperty().get()).isEqualTo(0.2);
        for (int i = 0; i < 10; i++) robot.type(KeyCode.EQUALS);
        assertThat(diagram().speedProperty().get()).isEqualTo(ReplayClock.MAX_SPEED);
        for (int i = 0; i < 12; i++) robot.type(KeyCode.MINUS);
        assertThat(diagram().speedProperty().get()).isEqualTo(ReplayClock.MIN_SPEED);

        robot.type(KeyCode.ESCAPE);
        robot.sleep(50);
        assertThat(diagram().replayingProperty().get()).isFalse();
        assertThat(diagram().lastFrame().nowNanos()).isEqualTo(-1);
    }

    @Test
    void the_export_menu_writes_svg_csv_trace_and_run_files_and_a_bad_path_gets_a_clear_message(
            FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        runToTheEnd(robot);
        org.concurrencylab.core.run.RunResult result = diagram().result();
        DiagramExports exports = shell.exports();

        robot.interact(() -> {
            exports.writeSvgFx(result, dir.resolve("run.svg"));
            exports.writeFx(result, dir.resolve("run.csv"), org.concurrencylab.export.SegmentCsv::write);
            exports.writeFx(result, dir.resolve("run.trace.json"), org.concurrencylab.export.TraceEventJson::write);
            exports.writeFx(result, dir.resolve("run.json"), org.concurrencylab.export.RunJson::write);
        });
        // the files are written off the FX thread, one after another: the last one told is the last written
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.statusProperty().get().equals("Wrote " + dir.resolve("run.json") + "."));

        assertThat(java.nio.file.Files.readString(dir.resolve("run.svg"))).startsWith("<?xml").contains("class=\"seg\"");
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("run.csv"))).hasSize(result.segments().size() + 1);
        assertThat(java.nio.file.Files.readString(dir.resolve("run.trace.json"))).contains("\"traceEvents\"");
        assertThat(org.concurrencylab.export.RunJson.read(dir.resolve("run.json")).segments()).isEqualTo(result.segments());
        assertThat(run.statusProperty().get()).isEqualTo("Wrote " + dir.resolve("run.json") + ".");

        robot.interact(() -> exports.writeFx(result, dir, org.concurrencylab.export.SegmentCsv::write));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.statusProperty().get().startsWith("Could not write " + dir + ": "));

        long menuItems = robot.lookup("#export").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> i.getId() != null && i.getId().startsWith("export-") && !i.isDisable()).count();
        assertThat(menuItems).isEqualTo(5);
    }

    @Test
    void the_window_exports_a_slide_at_the_size_the_command_line_gives_the_same_aspect(FxRobot robot) throws Exception {
        runToTheEnd(robot);
        DiagramExports exports = shell.exports();
        AtomicReference<Image> wide = new AtomicReference<>();
        AtomicReference<Image> standard = new AtomicReference<>();
        AtomicReference<Image> window = new AtomicReference<>();

        robot.interact(() -> {
            wide.set(exports.imageFx(ImageOptions.Aspect.WIDE, 1, false));
            standard.set(exports.imageFx(ImageOptions.Aspect.STANDARD, 2, false));
            window.set(exports.imageFx(ImageOptions.Aspect.AUTO, 1, true));
        });

        ImageOptions cliWide = ImageOptions.defaults().withAspect(ImageOptions.Aspect.WIDE);
        ImageOptions cliStandard = ImageOptions.defaults().withAspect(ImageOptions.Aspect.STANDARD).withScale(2);
        assertThat(List.of(wide.get().getWidth(), wide.get().getHeight()))
                .containsExactly((double) cliWide.width(), (double) cliWide.heightFor(0));
        assertThat(List.of(standard.get().getWidth(), standard.get().getHeight())).containsExactly(
                (double) cliStandard.width() * 2, (double) cliStandard.heightFor(0) * 2);
        assertThat(window.get().getWidth()).isEqualTo(Math.max(400, diagram().getWidth()), org.assertj.core.data.Offset.offset(1.0));
        assertThat(window.get().getHeight()).isEqualTo(Math.max(300, diagram().getHeight()), org.assertj.core.data.Offset.offset(1.0));
        assertThat(Arrays.stream(ImageOptions.Aspect.values()).map(DiagramExports::shapeTitle))
                .containsExactly("the window's shape", "16:9 slide", "4:3 slide");
    }

    @Test
    void ctrl_c_puts_the_diagram_on_the_clipboard_at_twice_the_window_resolution(FxRobot robot) throws Exception {
        runToTheEnd(robot);

        robot.clickOn(diagram());
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<Image> image = new AtomicReference<>();
        robot.interact(() -> image.set(Clipboard.getSystemClipboard().getImage()));
        assertThat(image.get()).isNotNull();
        assertThat(image.get().getWidth()).isEqualTo(Math.round(diagram().getWidth()) * 2, org.assertj.core.data.Offset.offset(2.0));
        assertThat(run.statusProperty().get()).startsWith("Copied the diagram");
    }
}
