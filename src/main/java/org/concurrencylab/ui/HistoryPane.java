package org.concurrencylab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.Exports;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.history.RunHistory;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/// The history of runs: every run kept, newest first. Open one in the diagram, rename it,
/// delete it (with undo), run it again with the same spec, or pick two or more to compare.
/// Files that could not be read are listed, one line each; the others load.
///
/// Thread-safety: FX thread only. The files are read and written on the `io` executor; results
/// come back through the `fx` executor (`Platform::runLater` in the app).
public final class HistoryPane extends BorderPane {
    public static final String STYLE_CLASS = "history-pane";

    /// What the pane asks the window to do. Called on the FX thread.
    public interface Actions {
        /// Show `run` in the diagram.
        void open(RunResult run);

        /// Run `spec` again.
        void runAgain(RunSpec spec);

        /// Compare `runs`, named `names` (one per run).
        void compare(List<RunResult> runs, List<String> names);
    }

    private final RunHistory store;
    private final Executor io;
    private final Executor fx;
    private final Actions actions;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ListView<HistoryEntry> list = new ListView<>(entries);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Deque<List<HistoryEntry>> deleted = new ArrayDeque<>();
    private final Label undoText = new Label();
    private final HBox undoBar;

    /// Empties the trash left by the last session, then loads the history.
    public HistoryPane(RunHistory store, Executor io, Executor fx, Actions actions) {
        this.store = store;
        this.io = io;
        this.fx = fx;
        this.actions = actions;
        getStyleClass().add(STYLE_CLASS);

        list.setId("history-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setEditable(true);
        list.setCellFactory(v -> new EntryCell());
        list.setPlaceholder(new Label("Runs appear here as they end."));
        list.setOnEditCommit(e -> renameFx(e.getNewValue(), e.getNewValue().name()));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) openSelectedFx();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && list.getEditingIndex() < 0) deleteSelectedFx();
            else if (e.getCode() == KeyCode.ENTER && list.getEditingIndex() < 0) openSelectedFx();
            else if (e.getCode() == KeyCode.F2) renameSelectedFx();
        });

        Button open = button("history-open", "Open", "mdi2c-chart-timeline", "Show the run in the diagram (Enter)");
        open.setOnAction(e -> openSelectedFx());
        Button again = button("history-run-again", "Run again", "mdi2r-replay", "Run it again with the same settings");
        again.setOnAction(e -> runAgainSelectedFx());
        Button compare = button("history-compare", "Compare", "mdi2c-compare-horizontal", "Compare the runs picked (two or more)");
        compare.setOnAction(e -> compareSelectedFx());
        Button rename = button("history-rename", "Rename", "mdi2r-rename-box", "Give the run a name (F2)");
        rename.setOnAction(e -> renameSelectedFx());
        Button delete = button("history-delete", "Delete", "mdi2d-delete-outline", "Delete the runs picked (Delete); undo brings them back");
        delete.setOnAction(e -> deleteSelectedFx());
        var selected = Bindings.size(list.getSelectionModel().getSelectedItems());
        open.disableProperty().bind(selected.isNotEqualTo(1));
        again.disableProperty().bind(selected.isNotEqualTo(1));
        rename.disableProperty().bind(selected.isNotEqualTo(1));
        compare.disableProperty().bind(selected.lessThan(2));
        delete.disableProperty().bind(selected.isEqualTo(0));
        FlowPane buttons = new FlowPane(6, 6, open, again, compare, rename, delete);

        Button undo = new Button("Undo");
        undo.setId("history-undo");
        undo.setOnAction(e -> undoDeleteFx());
        undoText.setId("history-undo-text");
        undoText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(undoText, Priority.ALWAYS);
        undoBar = new HBox(8, undoText, undo);
        undoBar.setId("history-undo-bar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.managedProperty().bind(undoBar.visibleProperty());
        undoBar.setVisible(false);

        Label problemsLabel = new Label();
        problemsLabel.setId("history-problems");
        problemsLabel.setWrapText(true);
        problemsLabel.getStyleClass().add("warning");
        problemsLabel.textProperty().bind(problems);
        problemsLabel.visibleProperty().bind(problems.isNotEmpty());
        problemsLabel.managedProperty().bind(problemsLabel.visibleProperty());
        Label messageLabel = new Label();
        messageLabel.setId("history-message");
        messageLabel.setWrapText(true);
        messageLabel.textProperty().bind(message);
        messageLabel.visibleProperty().bind(message.isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        Label title = new Label("History");
        title.getStyleClass().addAll("title-4", "section-header");
        Label where = new Label(store.folder().toString());
        where.getStyleClass().add("text-muted");
        where.setTooltip(new Tooltip("Every run is kept here as a run file (JSON)"));
        VBox top = new VBox(4, title, where, buttons, undoBar, messageLabel, problemsLabel);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(list);
        BorderPane.setMargin(list, new Insets(0, 8, 8, 8));

        io.execute(() -> {
            String trashProblem = null;
            try {
                store.emptyTrash();
            } catch (Exception e) {
                trashProblem = "Could not empty the history's trash: " + Exports.oneLine(e.getMessage());
            }
            RunHistory.Loaded loaded = store.load();
            String note = trashProblem;
            fx.execute(() -> {
                showLoadedFx(loaded);
                if (note != null) message.set(note);
            });
        });
    }

    /// Reads the history folder again.
    public void reloadFx() {
        io.execute(() -> {
            RunHistory.Loaded loaded = store.load();
            fx.execute(() -> showLoadedFx(loaded));
        });
    }

    /// Keeps `result` in the history and lists it on top.
    public void keepFx(RunResult result) {
        io.execute(() -> {
            try {
                HistoryEntry entry = store.save(result);
                fx.execute(() -> entries.addFirst(entry));
            } catch (Exception e) {
                fx.execute(() -> message.set("Could not keep the run in " + store.folder() + ": " + Exports.oneLine(e.getMessage())));
            }
        });
    }

    public void openSelectedFx() {
        HistoryEntry e = single();
        if (e == null) return;
        io.execute(() -> {
            try {
                RunResult run = store.open(e);
                fx.execute(() -> actions.open(run));
            } catch (Exception ex) {
                fx.execute(() -> message.set("Could not open " + e.displayName() + ": " + Exports.oneLine(ex.getMessage())));
            }
        });
    }

    public void runAgainSelectedFx() {
        HistoryEntry e = single();
        if (e != null) actions.runAgain(e.spec());
    }

    /// Compares the runs picked, in the order listed (oldest first).
    public void compareSelectedFx() {
        List<HistoryEntry> picked = new ArrayList<>(list.getSelectionModel().getSelectedItems());
        if (picked.size() < 2) return;
        picked.sort(java.util.Comparator.comparing(HistoryEntry::savedAt));
        io.execute(() -> {
            List<RunResult> runs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try {
                for (HistoryEntry e : picked) {
                    runs.add(store.open(e));
                    names.add(e.name() != null ? e.name() : org.concurrencylab.compare.Variants.label(e.spec()));
                }
                fx.execute(() -> actions.compare(runs, names));
            } catch (Exception ex) {
                fx.execute(() -> message.set("Could not open a run to compare: " + Exports.oneLine(ex.getMessage())));
            }
        });
    }

    /// Starts editing the name of the run picked.
    public void renameSelectedFx() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index >= 0 && list.getSelectionModel().getSelectedIndices().size() == 1) list.edit(index);
    }

    /// Names `entry` `name` (blank: back to the experiment's name).
    public void renameFx(HistoryEntry entry, String name) {
        io.execute(() -> {
            try {
                HistoryEntry renamed = store.rename(entry, name);
                fx.execute(() -> replace(renamed));
            } catch (Exception e) {
                fx.execute(() -> {
                    message.set("Could not rename the run: " + Exports.oneLine(e.getMessage()));
                    replace(entry);
                });
            }
        });
    }

    /// Moves the runs picked to the trash; [#undoDeleteFx] brings them back.
    public void deleteSelectedFx() {
        List<HistoryEntry> picked = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (picked.isEmpty()) return;
        entries.removeAll(picked);
        io.execute(() -> {
            List<HistoryEntry> moved = new ArrayList<>();
            String problem = null;
            for (HistoryEntry e : picked) {
                try {
                    store.delete(e);
                    moved.add(e);
                } catch (Exception ex) {
                    problem = "Could not delete " + e.displayName() + ": " + Exports.oneLine(ex.getMessage());
                }
            }
            String note = problem;
            fx.execute(() -> {
                if (!moved.isEmpty()) {
                    deleted.push(moved);
                    undoText.setText(moved.size() == 1 ? "Deleted “" + moved.getFirst().displayName() + "”."
                            : "Deleted " + moved.size() + " runs.");
                    undoBar.setVisible(true);
                }
                if (note != null) {
                    message.set(note);
                    reloadFx();
                }
            });
        });
    }

    /// Brings back the runs deleted last.
    public void undoDeleteFx() {
        if (deleted.isEmpty()) return;
        List<HistoryEntry> batch = deleted.pop();
        undoBar.setVisible(!deleted.isEmpty());
        if (!deleted.isEmpty()) undoText.setText("Deleted " + deleted.peek().size() + " more run(s).");
        io.execute(() -> {
            List<HistoryEntry> back = new ArrayList<>();
            String problem = null;
            for (HistoryEntry e : batch) {
                try {
                    back.add(store.restore(e));
                } catch (Exception ex) {
                    problem = "Could not bring back " + e.displayName() + ": " + Exports.oneLine(ex.getMessage());
                }
            }
            String note = problem;
            fx.execute(() -> {
                entries.addAll(back);
                entries.sort(java.util.Comparator.comparing(HistoryEntry::savedAt).thenComparing(HistoryEntry::id).reversed());
                if (note != null) message.set(note);
            });
        });
    }

    /// The runs listed, newest first (read-only).
    public ObservableList<HistoryEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ListView<HistoryEntry> list() {
        return list;
    }

    /// One line per history file that could not be read, or empty.
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /// The last thing that went wrong doing what the user asked, or empty.
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void showLoadedFx(RunHistory.Loaded loaded) {
        entries.setAll(loaded.entries());
        problems.set(String.join("\n", loaded.problems()));
    }

    private HistoryEntry single() {
        List<HistoryEntry> picked = list.getSelectionModel().getSelectedItems();
        return picked.size() == 1 ? picked.getFirst() : null;
    }

    private void replace(HistoryEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(entry.id())) {
                entries.set(i, entry);
                return;
            }
        }
    }

    private static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /// A run: its name over its summary; in edit mode, a field for the name (Enter keeps it,
    /// Escape cancels).
    private static final class EntryCell extends ListCell<HistoryEntry> {
        private final Label name = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, name, summary);
        private TextField field;

        EntryCell() {
            // as wide as the list, never wider: long names end in an ellipsis, the tooltip has all
            setPrefWidth(0);
            name.getStyleClass().add("history-name");
            name.setStyle("-fx-font-weight: bold;");
            summary.getStyleClass().addAll("history-summary", "text-muted");
        }

        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else if (isEditing()) {
                setGraphic(field);
            } else {
                name.setText(item.displayName());
                summary.setText(item.summary());
                setTooltip(new Tooltip(item.displayName() + "\n" + item.summary()));
                setGraphic(box);
            }
        }

        @Override
        public void startEdit() {
            if (getItem() == null) return;
            super.startEdit();
            if (!isEditing()) return;
            field = new TextField(getItem().name() == null ? getItem().displayName() : getItem().name());
            field.setId("history-name-field");
            field.setOnAction(e -> commitEdit(getItem().withName(field.getText())));
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) cancelEdit();
            });
            setGraphic(field);
            field.selectAll();
            field.requestFocus();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            updateItem(getItem(), getItem() == null);
        }
    }
}
