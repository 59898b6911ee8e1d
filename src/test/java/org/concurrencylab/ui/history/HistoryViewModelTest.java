package org.concurrencylab.ui.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.history.HistoryRuns;
import org.concurrencylab.history.RunHistory;
import org.concurrencylab.ui.common.TaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The history's actions without the FX thread: the file work runs on the calling thread, so
/// each outcome is there when the call returns.
class HistoryViewModelTest {
    @TempDir
    Path dir;

    private final List<RunResult> opened = new ArrayList<>();
    private final List<RunSpec> again = new ArrayList<>();
    private final List<List<String>> compared = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private RunHistory store;
    private HistoryViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        store = new RunHistory(dir, HistoryRuns.ticking());
        store.save(HistoryRuns.run(ModelKind.SYNC, 4));
        store.save(HistoryRuns.run(ModelKind.THREADS, 4));
        vm = new HistoryViewModel(store, TaskExecutor.currentThread(), new HistoryViewModel.Actions() {
            @Override public void open(RunResult run) { opened.add(run); }
            @Override public void runAgain(RunSpec spec) { again.add(spec); }
            @Override public void compare(List<RunResult> runs, List<String> names) { compared.add(names); }
        }, told::add);
        vm.loadFx();
    }

    @Test
    void it_lists_the_runs_newest_first_and_keeps_a_new_one_on_top() {
        assertThat(vm.entries()).extracting(e -> e.spec().model()).containsExactly(ModelKind.THREADS, ModelKind.SYNC);

        vm.keepFx(HistoryRuns.run(ModelKind.VIRTUAL, 2));

        assertThat(vm.entries()).hasSize(3).first().satisfies(e -> assertThat(e.spec().model()).isEqualTo(ModelKind.VIRTUAL));
        assertThat(store.load().entries()).hasSize(3);
    }

    @Test
    void delete_moves_to_the_trash_and_undo_brings_back_in_order() {
        HistoryEntry newest = vm.entries().getFirst();

        vm.deleteFx(List.of(newest));
        assertThat(vm.entries()).doesNotContain(newest);
        assertThat(vm.canUndoProperty().get()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Deleted “" + newest.displayName() + "”.");
        assertThat(store.load().entries()).hasSize(1);

        vm.undoDeleteFx();
        assertThat(vm.entries().getFirst().id()).isEqualTo(newest.id());
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(store.load().entries()).hasSize(2);
    }

    @Test
    void open_run_again_rename_and_compare_reach_the_window() {
        HistoryEntry threads = vm.entries().getFirst();

        vm.openFx(threads);
        vm.runAgainFx(threads);
        vm.renameFx(threads, "after");
        vm.compareFx(List.copyOf(vm.entries()));

        assertThat(opened).singleElement().satisfies(r -> assertThat(r.spec().model()).isEqualTo(ModelKind.THREADS));
        assertThat(again).containsExactly(threads.spec());
        assertThat(vm.entries().getFirst().name()).isEqualTo("after");
        assertThat(compared).containsExactly(List.of("sync", "after"));
        assertThat(told).isEmpty();
    }

    @Test
    void a_save_that_fails_is_told_where_the_user_looks() throws Exception {
        Files.writeString(dir.resolve("blocker"), "");
        RunHistory broken = new RunHistory(dir.resolve("blocker").resolve("history"), HistoryRuns.ticking());
        HistoryViewModel failing = new HistoryViewModel(broken, TaskExecutor.currentThread(), null, told::add);

        failing.keepFx(HistoryRuns.run(ModelKind.SYNC, 1));

        assertThat(told).singleElement().asString().startsWith("Could not keep the run in ");
        assertThat(failing.messageProperty().get()).isEqualTo(told.getFirst());
    }
}
