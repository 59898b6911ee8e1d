package org.concurrencylab.ui.history;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
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
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.ui.common.Forms;

import java.util.List;

/// The history of runs, newest first: open one (double-click or Enter), run it again, compare
/// several, rename (F2), delete (Delete) with undo. Files that could not be read are listed,
/// one line each.
///
/// Thread-safety: FX thread only.
public final class HistoryPane extends BorderPane {
    public static final String STYLE_CLASS = "history-pane";

    private final HistoryViewModel vm;
    private final ListView<HistoryEntry> list;

    public HistoryPane(HistoryViewModel vm) {
        this.vm = vm;
        this.list = new ListView<>(vm.entries());
        getStyleClass().add(STYLE_CLASS);

        list.setId("history-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // editable only while a name is being typed: a double-click opens the run
        list.setCellFactory(v -> new EntryCell());
        list.setPlaceholder(new Label("Runs appear here as they end."));
        list.setOnEditCommit(e -> {
            list.setEditable(false);
            vm.renameFx(e.getNewValue(), e.getNewValue().name());
        });
        list.setOnEditCancel(e -> list.setEditable(false));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && list.getEditingIndex() < 0) openSelectedFx();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && list.getEditingIndex() < 0) deleteSelectedFx();
            else if (e.getCode() == KeyCode.ENTER && list.getEditingIndex() < 0) openSelectedFx();
            else if (e.getCode() == KeyCode.F2) renameSelectedFx();
        });

        Button open = Forms.button("history-open", "Open", "mdi2c-chart-timeline", "Show the run in the diagram (Enter, double-click)");
        open.setOnAction(e -> openSelectedFx());
        Button again = Forms.button("history-run-again", "Run again", "mdi2r-replay", "Run it again with the same settings");
        again.setOnAction(e -> {
            HistoryEntry picked = single();
            if (picked != null) vm.runAgainFx(picked);
        });
        Button compare = Forms.button("history-compare", "Compare", "mdi2c-compare-horizontal", "Compare the runs picked (two or more)");
        compare.setOnAction(e -> vm.compareFx(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Button rename = Forms.button("history-rename", "Rename", "mdi2r-rename-box", "Give the run a name (F2)");
        rename.setOnAction(e -> renameSelectedFx());
        Button delete = Forms.button("history-delete", "Delete", "mdi2d-delete-outline", "Delete the runs picked (Delete); undo brings them back");
        delete.setOnAction(e -> deleteSelectedFx());
        IntegerBinding selected = Bindings.size(list.getSelectionModel().getSelectedItems());
        open.disableProperty().bind(selected.isNotEqualTo(1));
        again.disableProperty().bind(selected.isNotEqualTo(1));
        rename.disableProperty().bind(selected.isNotEqualTo(1));
        compare.disableProperty().bind(selected.lessThan(2));
        delete.disableProperty().bind(selected.isEqualTo(0));
        FlowPane buttons = new FlowPane(6, 6, open, again, compare, rename, delete);

        Button undo = new Button("Undo");
        undo.setId("history-undo");
        undo.setOnAction(e -> vm.undoDeleteFx());
        Label undoText = new Label();
        undoText.setId("history-undo-text");
        undoText.textProperty().bind(vm.undoTextProperty());
        undoText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(undoText, Priority.ALWAYS);
        HBox undoBar = new HBox(8, undoText, undo);
        undoBar.setId("history-undo-bar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        Forms.showWhen(vm.canUndoProperty(), undoBar);

        Label problems = new Label();
        problems.setId("history-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("warning");
        problems.textProperty().bind(vm.problemsProperty());
        Forms.showWhen(vm.problemsProperty().isNotEmpty(), problems);
        Label message = new Label();
        message.setId("history-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Forms.showWhen(vm.messageProperty().isNotEmpty(), message);

        Label where = new Label(vm.folder());
        where.getStyleClass().add("text-muted");
        where.setTooltip(new Tooltip("Every run is kept here as a run file (JSON)"));
        VBox top = new VBox(4, Forms.header("History"), where, buttons, undoBar, message, problems);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(list);
        BorderPane.setMargin(list, new Insets(0, 8, 8, 8));
    }

    public ListView<HistoryEntry> list() {
        return list;
    }

    public void openSelectedFx() {
        HistoryEntry e = single();
        if (e != null) vm.openFx(e);
    }

    /// Starts editing the name of the run picked.
    public void renameSelectedFx() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index < 0 || list.getSelectionModel().getSelectedIndices().size() != 1) return;
        list.setEditable(true);
        list.edit(index);
    }

    public void deleteSelectedFx() {
        vm.deleteFx(List.copyOf(list.getSelectionModel().getSelectedItems()));
    }

    private HistoryEntry single() {
        List<HistoryEntry> picked = list.getSelectionModel().getSelectedItems();
        return picked.size() == 1 ? picked.getFirst() : null;
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
