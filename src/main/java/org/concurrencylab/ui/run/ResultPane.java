package org.concurrencylab.ui.run;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.ui.common.Forms;

/// The result of the run shown: its wall time, how it compares with the synchronous run, what
/// the workers and the process did, and the failed tasks with their reasons. While a run goes
/// on it says so, rather than describing the run before.
///
/// Thread-safety: FX thread only.
public final class ResultPane extends VBox {
    public ResultPane(RunViewModel run) {
        super(6);
        Label title = Forms.header("Result");
        Label none = Forms.paragraph("No run yet.");
        none.setId("result-none");
        Label wall = new Label();
        wall.setId("result-wall");
        wall.getStyleClass().add("result-wall");
        Label comparison = Forms.paragraph("");
        comparison.setId("result-comparison");
        comparison.textProperty().bind(run.comparisonProperty());
        Label details = Forms.paragraph("");
        details.setId("result-details");

        ListView<TaskOutcome> failures = new ListView<>(run.failures());
        failures.setId("failures");
        failures.setPrefHeight(120);
        failures.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TaskOutcome item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + ": " + item.error());
                setTooltip(empty || item == null ? null : new Tooltip(item.name() + "\n" + item.error()));
            }
        });
        Label failuresTitle = new Label();
        VBox failureBox = new VBox(4, failuresTitle, failures);
        Forms.showWhen(Bindings.isNotEmpty(run.failures()), failureBox);
        failuresTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = run.failures().size();
            return n + " failed task" + (n == 1 ? "" : "s");
        }, run.failures()));

        getChildren().addAll(title, none, wall, comparison, details, failureBox);
        Runnable update = () -> {
            RunResult r = run.lastResultProperty().get();
            boolean live = run.runningProperty().get();
            none.setText(live ? "Running…" : "No run yet.");
            none.setVisible(r == null || live);
            none.setManaged(none.isVisible());
            boolean shown = r != null && !live;
            wall.setText(shown ? (r.cancelled() ? "Stopped at " : "Wall time ") + Ticks.duration(r.wallNanos()) : "");
            details.setText(shown ? Captions.describe(r) : "");
            comparison.setVisible(shown);
            comparison.setManaged(shown);
        };
        run.lastResultProperty().addListener((obs, a, b) -> update.run());
        run.runningProperty().addListener((obs, a, b) -> update.run());
        update.run();
    }
}
