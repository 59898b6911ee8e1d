package org.concurrencylab.ui.history;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.concurrencylab.compare.Variants;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.Exports;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.history.RunHistory;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.TaskExecutor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/// The history of runs, newest first: keep a run as it ends, open one, run it again, compare
/// several, rename, delete with undo. Files are read and written on the background thread of the
/// [TaskExecutor]; what went wrong is said in [#messageProperty()] and told to `problems`
/// (the status bar) too, so a failed save is seen where the user looks.
///
/// Thread-safety: FX thread only; the outcome of file work comes back on the executor's UI thread.
public final class HistoryViewModel {
    /// What the history asks the window to do. Called on the FX thread.
    public interface Actions {
        /// Show `run` in the diagram.
        void open(RunResult run);

        /// Run `spec` again.
        void runAgain(RunSpec spec);

        /// Compare `runs`, named `names` (one per run).
        void compare(List<RunResult> runs, List<String> names);
    }

    private final RunHistory store;
    private final TaskExecutor tasks;
    private final Actions actions;
    private final Consumer<String> problemsTold;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Deque<List<HistoryEntry>> deleted = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);

    /// A history over `store`; `problemsTold` hears of anything that went wrong (the status bar).
    public HistoryViewModel(RunHistory store, TaskExecutor tasks, Actions actions, Consumer<String> problemsTold) {
        this.store = store;
        this.tasks = tasks;
        this.actions = actions;
        this.problemsTold = problemsTold;
    }

    /// Empties the trash the last session left, then loads the history.
    public void loadFx() {
        BackgroundTask.wrap(() -> {
                    String trashProblem = null;
                    try {
                        store.emptyTrash();
                    } catch (Exception e) {
                        trashProblem = "Could not empty the history's trash: " + Exports.oneLine(e.getMessage());
                    }
                    return new Loaded(store.load(), trashProblem);
                })
                .onSuccess(loaded -> {
                    showLoaded(loaded.history());
                    if (loaded.trashProblem() != null) tell(loaded.trashProblem());
                })
                .onFailure(why -> tell("Could not read the history in " + store.folder() + ": " + why))
                .executeWith(tasks);
    }

    private record Loaded(RunHistory.Loaded history, String trashProblem) {}

    /// Reads the history folder again.
    public void reloadFx() {
        BackgroundTask.wrap(store::load).onSuccess(this::showLoaded)
                .onFailure(why -> tell("Could not read the history: " + why)).executeWith(tasks);
    }

    /// Keeps `result` in the history and lists it on top.
    public void keepFx(RunResult result) {
        BackgroundTask.wrap(() -> store.save(result))
                .onSuccess(entries::addFirst)
                .onFailure(why -> tell("Could not keep the run in " + store.folder() + ": " + why))
                .executeWith(tasks);
    }

    public void openFx(HistoryEntry e) {
        BackgroundTask.wrap(() -> store.open(e)).onSuccess(actions::open)
                .onFailure(why -> tell("Could not open " + e.displayName() + ": " + why)).executeWith(tasks);
    }

    public void runAgainFx(HistoryEntry e) {
        actions.runAgain(e.spec());
    }

    /// Compares `picked`, oldest first.
    public void compareFx(List<HistoryEntry> picked) {
        if (picked.size() < 2) return;
        List<HistoryEntry> inOrder = new ArrayList<>(picked);
        inOrder.sort(Comparator.comparing(HistoryEntry::savedAt));
        BackgroundTask.wrap(() -> {
                    List<RunResult> runs = new ArrayList<>();
                    for (HistoryEntry e : inOrder) runs.add(store.open(e));
                    return runs;
                })
                .onSuccess(runs -> actions.compare(runs, inOrder.stream()
                        .map(e -> e.name() != null ? e.name() : Variants.label(e.spec())).toList()))
                .onFailure(why -> tell("Could not open a run to compare: " + why))
                .executeWith(tasks);
    }

    /// Names `entry` `name` (blank: back to the experiment's name).
    public void renameFx(HistoryEntry entry, String name) {
        BackgroundTask.wrap(() -> store.rename(entry, name)).onSuccess(this::replace)
                .onFailure(why -> {
                    tell("Could not rename the run: " + why);
                    replace(entry);
                })
                .executeWith(tasks);
    }

    /// Moves `picked` to the trash; [#undoDeleteFx] brings them back.
    public void deleteFx(List<HistoryEntry> picked) {
        if (picked.isEmpty()) return;
        List<HistoryEntry> batch = List.copyOf(picked);
        entries.removeAll(batch);
        BackgroundTask.wrap(() -> {
                    List<HistoryEntry> moved = new ArrayList<>();
                    List<String> failed = new ArrayList<>();
                    for (HistoryEntry e : batch) {
                        try {
                            store.delete(e);
                            moved.add(e);
                        } catch (Exception ex) {
                            failed.add("Could not delete " + e.displayName() + ": " + Exports.oneLine(ex.getMessage()));
                        }
                    }
                    return new Deleted(moved, failed);
                })
                .onSuccess(d -> {
                    if (!d.moved().isEmpty()) {
                        deleted.push(d.moved());
                        undoText.set(d.moved().size() == 1 ? "Deleted “" + d.moved().getFirst().displayName() + "”."
                                : "Deleted " + d.moved().size() + " runs.");
                        canUndo.set(true);
                    }
                    if (!d.failed().isEmpty()) {
                        tell(d.failed().getLast());
                        reloadFx();
                    }
                })
                .onFailure(this::tell)
                .executeWith(tasks);
    }

    private record Deleted(List<HistoryEntry> moved, List<String> failed) {}

    /// Brings back the runs deleted last.
    public void undoDeleteFx() {
        if (deleted.isEmpty()) return;
        List<HistoryEntry> batch = deleted.pop();
        canUndo.set(!deleted.isEmpty());
        if (!deleted.isEmpty()) undoText.set("Deleted " + deleted.peek().size() + " more run(s).");
        BackgroundTask.wrap(() -> {
                    List<HistoryEntry> back = new ArrayList<>();
                    String problem = null;
                    for (HistoryEntry e : batch) {
                        try {
                            back.add(store.restore(e));
                        } catch (Exception ex) {
                            problem = "Could not bring back " + e.displayName() + ": " + Exports.oneLine(ex.getMessage());
                        }
                    }
                    return new Restored(back, problem);
                })
                .onSuccess(r -> {
                    entries.addAll(r.back());
                    entries.sort(Comparator.comparing(HistoryEntry::savedAt).thenComparing(HistoryEntry::id).reversed());
                    if (r.problem() != null) tell(r.problem());
                })
                .onFailure(this::tell)
                .executeWith(tasks);
    }

    private record Restored(List<HistoryEntry> back, String problem) {}

    /// The runs listed, newest first (read-only).
    public ObservableList<HistoryEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /// The folder the runs are kept in.
    public String folder() {
        return store.folder().toString();
    }

    /// One line per history file that could not be read, or empty.
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }

    /// The last thing that went wrong doing what the user asked, or empty.
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /// What the last delete did, for its undo bar.
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    private void tell(String text) {
        message.set(text);
        problemsTold.accept(text);
    }

    private void showLoaded(RunHistory.Loaded loaded) {
        entries.setAll(loaded.entries());
        problems.set(String.join("\n", loaded.problems()));
    }

    private void replace(HistoryEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(entry.id())) {
                entries.set(i, entry);
                return;
            }
        }
    }
}
