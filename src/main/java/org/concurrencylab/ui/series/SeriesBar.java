package org.concurrencylab.ui.series;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.concurrencylab.ui.common.Forms;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/// The bar over a series pane: its Start button (Stop while the series runs, also Esc), the
/// pane's own choices, the progress, and the status sentence. The controls wrap onto a second
/// line when the window is narrow, rather than being cut.
///
/// Thread-safety: FX thread only.
public final class SeriesBar extends FlowPane {
    private final Button start = new Button();

    /// A bar for `series`: `startText` names the action ("Compare all models"), `id` prefixes
    /// the controls' ids; `choices` sit between the button and the progress; Start is disabled
    /// while `cannotStart` holds.
    public SeriesBar(SeriesViewModel series, String id, String startText, String stopTip,
                     ObservableBooleanValue cannotStart, List<Node> choices, Runnable onStart) {
        super(10, 6);
        start.setId(id + "-start");
        start.textProperty().bind(Bindings.when(series.runningProperty()).then("Stop").otherwise(startText));
        start.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(series.runningProperty().get() ? "mdi2s-stop" : "mdi2p-play"), series.runningProperty()));
        Tooltip stop = new Tooltip(stopTip);
        start.tooltipProperty().bind(Bindings.when(series.runningProperty()).then(stop).otherwise((Tooltip) null));
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> cannotStart.get() && !series.runningProperty().get(),
                cannotStart, series.runningProperty()));
        start.setOnAction(e -> {
            if (series.runningProperty().get()) series.cancel();
            else onStart.run();
        });
        ProgressBar progress = new ProgressBar(0);
        progress.setId(id + "-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(series.progressProperty());
        Forms.showWhen(series.runningProperty(), progress);
        Label status = new Label();
        status.setId(id + "-status");
        status.setWrapText(true);
        status.setMaxWidth(640);
        status.textProperty().bind(series.statusProperty());
        HBox statusBox = new HBox(status);
        statusBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        for (Node c : choices) c.disableProperty().bind(series.runningProperty());
        getChildren().add(start);
        getChildren().addAll(choices);
        getChildren().addAll(progress, statusBox);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("series-bar");
    }

    /// Adds `actions` after the pane's choices (they keep their own enabling).
    public void addActions(Node... actions) {
        getChildren().addAll(getChildren().size() - 2, List.of(actions));
    }

    public Button startButton() {
        return start;
    }
}
