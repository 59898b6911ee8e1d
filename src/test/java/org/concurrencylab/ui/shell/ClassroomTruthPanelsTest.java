package org.concurrencylab.ui.shell;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.teach.Explanations;
import org.concurrencylab.ui.common.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/// Issue 16, "Classroom truth", points 6 to 9, in the real window: panels describe the run shown,
/// what is typed stays as typed, lessons run in a sandbox, and the smaller points. Points 1 to 5
/// are in [ClassroomTruthTest].
@ExtendWith(ApplicationExtension.class)
class ClassroomTruthPanelsTest {
    @TempDir
    Path labHome;
    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, LabWindow::quickDownloads);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void point_6_panels_describe_the_run_shown_and_a_run_from_the_history_is_explained_as_it_ran(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.form().set(RunParams.URLS, List.of(URI.create("http://127.0.0.1:9/refused")));
            window.form().set(RunParams.TASKS, 4);
        });
        RunResult download = window.runAndWait(robot, 30);
        assertThat(download.errors()).isPositive();
        assertThat(window.run().failures()).isNotEmpty();

        robot.interact(() -> {
            robot.lookup("#workload").<WorkloadKind>queryComboBox().setValue(WorkloadKind.CPU);
            window.form().set(RunParams.TASKS, 400);
        });
        robot.clickOn("#run");
        assertThat(window.run().runningProperty().get()).isTrue();
        assertThat(robot.lookup("#result-none").queryAs(Label.class).getText()).isEqualTo("Running…");
        assertThat(robot.lookup("#result-details").queryAs(Label.class).getText()).as("no word of the download").isEmpty();
        assertThat(robot.lookup("#failures").queryListView().getItems()).as("no failed pages of the download").isEmpty();
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.run().runningProperty().get());

        // open the download from the history while the toolbar says "event loop"
        robot.clickOn("#model-eventloop");
        robot.clickOn("#tab-history");
        ListView<HistoryEntry> list = window.shell().panes().history().list();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entry(list, e -> e.spec().workload() == WorkloadKind.DOWNLOAD) != null);
        robot.interact(() -> list.getSelectionModel().clearAndSelect(list.getItems().indexOf(
                entry(list, e -> e.spec().workload() == WorkloadKind.DOWNLOAD))));
        robot.clickOn("#history-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.run().lastResultProperty().get().spec().workload() == WorkloadKind.DOWNLOAD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explain-model-title").queryAs(Label.class).getText())
                .isEqualTo(Explanations.forModel(ModelKind.THREADS, false).title());
        assertThat(robot.lookup("#explain-workload-title").queryAs(Label.class).getText())
                .isEqualTo(Explanations.forWorkload(WorkloadKind.DOWNLOAD).title());
        assertThat(window.form().modelProperty().get()).isEqualTo(ModelKind.EVENTLOOP);
    }

    @Test
    void point_7_numbers_stay_as_typed_and_a_large_run_asks_first(FxRobot robot) {
        TextField pages = robot.lookup("#param-tasks").queryAs(TextField.class);
        robot.doubleClickOn(pages).eraseText(6).write("2000000");
        assertThat(pages.getText()).isEqualTo("2000000");
        assertThat(pages.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
        assertThat(robot.lookup("#validation-error").queryAs(Label.class).getText())
                .isEqualTo("Pages: enter a whole number from 1 to 1,000,000");
        robot.doubleClickOn(pages).eraseText(8).write("99999999");
        assertThat(pages.getText()).isEqualTo("99999999");

        @SuppressWarnings("unchecked")
        Spinner<String> threads = robot.lookup("#param-workers").queryAs(Spinner.class);
        robot.doubleClickOn(pages).eraseText(8).write("40");
        robot.doubleClickOn(threads.getEditor()).eraseText(3).write("0");
        assertThat(threads.getEditor().getText()).as("0 is refused, not made 1").isEqualTo("0");
        assertThat(window.form().specProperty().get()).isNull();
        assertThat(window.form().errorProperty().get()).startsWith("Threads: enter a whole number from 1 to");
        robot.doubleClickOn(threads.getEditor()).eraseText(3).write("5");

        robot.doubleClickOn(pages).eraseText(8).write("1000000");
        assertThat(window.form().specProperty().get()).as("a million pages can run").isNotNull();
        robot.clickOn("#run");
        DialogPane dialog = robot.lookup("#large-run-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).startsWith("1,000,000 tasks: ");
        robot.clickOn(dialog.lookupButton(ButtonType.CANCEL));
        assertThat(window.run().runningProperty().get()).isFalse();
        assertThat(window.run().handleProperty().get()).as("nothing started").isNull();
        assertThat(window.run().statusProperty().get()).startsWith("Not started");
        assertThat(window.shell().settings().values().spec(WorkloadKind.DOWNLOAD, ModelKind.THREADS).tasks())
                .as("the million is not remembered").isNotEqualTo(1_000_000);
    }

    @Test
    void point_8_a_lesson_runs_in_a_sandbox_and_the_articles_values_come_back_with_one_button(FxRobot robot) throws Exception {
        robot.clickOn("#tab-lessons");
        robot.interact(() -> window.shell().lessons().goTo(5, 3)); // the race on the event loop
        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.shell().lessons().runningProperty().get()
                && window.run().lastResultProperty().get() != null);
        assertThat(window.run().lastResultProperty().get().spec().workload()).isEqualTo(WorkloadKind.RACE);
        assertThat(window.form().workloadProperty().get()).as("the lab's settings are the lab's").isEqualTo(WorkloadKind.DOWNLOAD);
        assertThat(window.form().modelProperty().get()).isEqualTo(ModelKind.THREADS);
        assertThat(text(RunParams.TASKS)).isEqualTo("40");
        assertThat(text(RunParams.LATENCY_MS)).isEqualTo("25");

        robot.clickOn("#tab-lab");
        clickInView(robot, "#article-values");
        assertThat(text(RunParams.TASKS)).isEqualTo("160");
        assertThat(text(RunParams.WORKERS)).isEqualTo("5");
        assertThat(text(RunParams.LATENCY_MS)).isEqualTo("90");
        clickInView(robot, "#article-values-undo");
        assertThat(text(RunParams.TASKS)).isEqualTo("40");
        assertThat(text(RunParams.LATENCY_MS)).isEqualTo("25");
    }

    @Test
    void point_9_colours_named_as_drawn_start_up_in_the_legend_honest_speed_up_history_opens_one_loop_lane(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            window.shell().looks().colorBlindProperty().set(true);
            window.shell().lessons().goTo(1, 0); // "wait for I/O (red)" among its answers
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        for (Node pane : List.of(window.shell().panes().explanation(), window.shell().panes().form(), window.shell().panes().lessons())) {
            collectTexts(pane, texts);
        }
        String all = String.join("\n", texts);
        assertThat(all).containsIgnoringCase("orange").doesNotContainPattern("(?i)\\b(red|amber)\\b");
        robot.interact(() -> window.shell().looks().colorBlindProperty().set(false));

        // while a process starts, its lane is grey and the legend says what grey is
        robot.interact(() -> {
            window.form().workloadProperty().set(WorkloadKind.RACE);
            window.form().modelProperty().set(ModelKind.PROCESSES);
            window.form().set(RunParams.WORKERS, 2);
            window.form().set(RunParams.TASKS, 200);
        });
        AtomicReference<DiagramLayout.Frame> grey = new AtomicReference<>();
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            DiagramLayout.Frame f = window.shell().diagram().lastFrame();
            if (f != null && f.nowNanos() >= 0 && f.boxes().stream().anyMatch(b -> b.state() == State.STARTUP)) grey.set(f);
            return grey.get() != null || !window.run().runningProperty().get();
        });
        assertThat(grey.get()).as("a live frame with a grey lane").isNotNull();
        assertThat(grey.get().legend()).extracting(DiagramLayout.LegendItem::state).contains(State.STARTUP);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.run().runningProperty().get());

        // the speed-up never reads "1.0× slower"
        robot.clickOn("#model-sync");
        window.runAndWait(robot, 30);
        robot.clickOn("#model-threads");
        window.runAndWait(robot, 30);
        assertThat(window.shell().diagram().noteProperty().get()).isNotEmpty().doesNotContainPattern("1\\.0× (slower|faster)");
        assertThat(Text.speedUp(1 / 1.04)).isEqualTo("about as fast as synchronous (within 10%)");

        // a double-click on a history row opens that run
        robot.clickOn("#tab-history");
        ListView<HistoryEntry> list = window.shell().panes().history().list();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entry(list, e -> e.spec().model() == ModelKind.SYNC) != null);
        HistoryEntry sync = entry(list, e -> e.spec().model() == ModelKind.SYNC);
        Node row = robot.lookup("#history-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() == sync).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.run().lastResultProperty().get().spec().model() == ModelKind.SYNC);
        assertThat(list.getEditingIndex()).as("not renamed").isNegative();
        assertThat(window.run().statusProperty().get()).startsWith("Opened the history");

        // a race on the event loop: the loop's one lane, not a lane per task
        robot.clickOn("#model-eventloop");
        RunResult loop = window.runAndWait(robot, 30);
        assertThat(window.shell().diagram().model().lanes()).singleElement().extracting(lane -> lane.kind()).isEqualTo(LaneKind.LOOP);
        assertThat(window.finishedFrame(loop).rows()).hasSize(1);
    }

    private String text(Param<?> param) {
        return window.form().field(param).text().get();
    }

    private static HistoryEntry entry(ListView<HistoryEntry> list, Predicate<HistoryEntry> which) {
        return list.getItems().stream().filter(which).findFirst().orElse(null);
    }

    /// Scrolls the side panel to the node of `query`, then clicks it.
    private static void clickInView(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    double content = scroll.getContent().getLayoutBounds().getHeight();
                    double view = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    scroll.setVvalue(content <= view ? 0 : Math.clamp((y - 20) / (content - view), 0, 1));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    /// The texts of every label and button shown under `node`, scroll panes' and titled panes' content included.
    private static void collectTexts(Node node, List<String> out) {
        if (node == null || !node.isVisible()) return;
        if (node instanceof Labeled l && l.getText() != null) out.add(l.getText());
        if (node instanceof ScrollPane s) collectTexts(s.getContent(), out);
        else if (node instanceof TitledPane t) collectTexts(t.getContent(), out);
        else if (node instanceof Parent p) p.getChildrenUnmodifiable().forEach(child -> collectTexts(child, out));
    }
}
