package org.concurrencylab.ui.history;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.history.HistoryRuns;
import org.concurrencylab.history.RunHistory;
import org.concurrencylab.ui.FxTestTheme;
import org.concurrencylab.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Drives the history list: a damaged file reported, delete and undo, rename, run again, compare.
@ExtendWith(ApplicationExtension.class)
class HistoryPaneTest {
    @TempDir
    static Path dir;

    private final List<RunResult> opened = new ArrayList<>();
    private final List<RunSpec> again = new ArrayList<>();
    private final List<List<String>> compared = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private RunHistory store;
    private HistoryViewModel vm;
    private HistoryPane pane;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory(dir, "history");
        store = new RunHistory(folder, HistoryRuns.ticking());
        store.save(HistoryRuns.run(ModelKind.SYNC, 4));
        store.save(HistoryRuns.run(ModelKind.THREADS, 4));
        store.save(HistoryRuns.run(ModelKind.EVENTLOOP, 4));
        Files.writeString(folder.resolve("broken.json"), "{\"format\": 1, \"spec\": {\"workload\"");

        Executor io = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true).unstarted(r));
        vm = new HistoryViewModel(store, new TaskExecutor(io, Platform::runLater), new HistoryViewModel.Actions() {
            @Override public void open(RunResult run) { opened.add(run); }
            @Override public void runAgain(RunSpec spec) { again.add(spec); }
            @Override public void compare(List<RunResult> runs, List<String> names) { compared.add(names); }
        }, told::add);
        pane = new HistoryPane(vm);
        vm.loadFx();
        stage.setScene(FxTestTheme.themed(new Scene(pane, 600, 700)));
        stage.show();
    }

    private void waitForEntries(int n) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.entries().size() == n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lists_every_run_newest_first_and_reports_the_damaged_file(FxRobot robot) throws Exception {
        waitForEntries(3);

        assertThat(vm.entries()).extracting(e -> e.spec().model()).containsExactly(ModelKind.EVENTLOOP, ModelKind.THREADS, ModelKind.SYNC);
        Label problems = robot.lookup("#history-problems").queryAs(Label.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText()).startsWith("Skipped broken.json: ");
    }

    @Test
    void delete_then_undo_brings_the_run_back(FxRobot robot) throws Exception {
        waitForEntries(3);
        HistoryEntry second = vm.entries().get(1);

        robot.interact(() -> pane.list().getSelectionModel().clearAndSelect(1));
        robot.clickOn("#history-delete");
        waitForEntries(2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#history-undo-bar").query().isVisible());
        assertThat(vm.entries()).doesNotContain(second);
        assertThat(robot.lookup("#history-undo-text").queryAs(Label.class).getText()).contains(second.displayName());
        assertThat(store.load().entries()).hasSize(2);

        robot.clickOn("#history-undo");

        waitForEntries(3);
        assertThat(vm.entries().get(1).id()).isEqualTo(second.id());
        assertThat(store.load().entries()).hasSize(3);
        assertThat(robot.lookup("#history-undo-bar").query().isVisible()).isFalse();
    }

    @Test
    void rename_open_run_again_and_compare_two(FxRobot robot) throws Exception {
        waitForEntries(3);

        robot.interact(() -> pane.list().getSelectionModel().clearAndSelect(0));
        robot.clickOn("#history-rename");
        robot.lookup("#history-name-field").queryTextInputControl().setText("");
        robot.clickOn("#history-name-field").write("loop, warm").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "loop, warm".equals(vm.entries().getFirst().name()));
        assertThat(store.load().entries().getFirst().displayName()).isEqualTo("loop, warm");

        robot.clickOn("#history-open");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.size() == 1);
        assertThat(opened.getFirst().spec().model()).isEqualTo(ModelKind.EVENTLOOP);
        robot.clickOn("#history-run-again");
        assertThat(again).singleElement().satisfies(s -> assertThat(s.model()).isEqualTo(ModelKind.EVENTLOOP));

        assertThat(robot.lookup("#history-compare").queryButton().isDisabled()).isTrue();
        robot.interact(() -> pane.list().getSelectionModel().selectIndices(0, 2));
        assertThat(robot.lookup("#history-compare").queryButton().isDisabled()).isFalse();
        robot.clickOn("#history-compare");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> compared.size() == 1);
        assertThat(compared.getFirst()).as("oldest first, by name").containsExactly("sync", "loop, warm");
    }

    @Test
    void a_run_kept_appears_on_top(FxRobot robot) throws Exception {
        waitForEntries(3);

        robot.interact(() -> vm.keepFx(HistoryRuns.run(ModelKind.VIRTUAL, 2)));

        waitForEntries(4);
        assertThat(vm.entries().getFirst().spec().model()).isEqualTo(ModelKind.VIRTUAL);
        assertThat(store.load().entries()).hasSize(4);
    }
}
