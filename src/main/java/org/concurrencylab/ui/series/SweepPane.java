package org.concurrencylab.ui.series;

import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.geometry.Pos;
import org.concurrencylab.compare.SweepParam;
import org.concurrencylab.render.SweepChart;
import org.concurrencylab.ui.common.Forms;

import java.util.List;

/// Sweep a parameter: the values to try, a chart of wall time, ideal and efficiency against the
/// parameter as the points come in, and each point's line.
///
/// Thread-safety: FX thread only.
public final class SweepPane extends BorderPane {
    public static final String STYLE_CLASS = "sweep-view";

    private final SweepChart chart = new SweepChart();

    public SweepPane(SweepViewModel vm) {
        getStyleClass().add(STYLE_CLASS);
        ChoiceBox<SweepParam> param = new ChoiceBox<>();
        param.setId("sweep-param");
        param.getItems().setAll(SweepParam.values());
        param.setConverter(new StringConverter<>() {
            @Override public String toString(SweepParam p) { return p == null ? "" : p.axisLabel(); }
            @Override public SweepParam fromString(String s) { return SweepParam.byId(s).orElse(null); }
        });
        param.valueProperty().bindBidirectional(vm.paramProperty());
        TextField values = new TextField();
        values.setId("sweep-values");
        values.setPrefColumnCount(18);
        values.setTooltip(new Tooltip("Values to try, separated by commas, e.g. 1,2,5,10,20,50"));
        values.textProperty().bindBidirectional(vm.valuesProperty());
        HBox vary = new HBox(6, new Label("Vary"), param, new Label("over"), values);
        vary.setAlignment(Pos.CENTER_LEFT);

        SeriesBar bar = new SeriesBar(vm.series(), "sweep", "Sweep", "Stop the sweep (Esc)", vm.errorProperty().isNotEmpty(),
                List.of(vary), vm::startFx);
        Label error = new Label();
        error.setId("sweep-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Forms.showWhen(vm.errorProperty().isNotEmpty(), error);
        VBox.setMargin(error, new Insets(0, 10, 6, 10));
        setTop(new VBox(bar, error));

        chart.setPadding(new Insets(0, 10, 0, 0));
        setCenter(chart);
        ListView<String> points = new ListView<>(vm.points());
        points.setId("sweep-points");
        points.setPrefWidth(260);
        // a point's line is shown on three short lines (value and wall time, ideal and efficiency,
        // errors and threads), so it never runs past the list's edge
        points.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.replace(" ideal=", "\nideal=").replace(" errors=", "\nerrors="));
            }
        });
        Label none = new Label("Each point appears here as its run ends.");
        none.setWrapText(true);
        none.setPadding(new Insets(8));
        points.setPlaceholder(none);
        setRight(points);
        vm.sweepProperty().addListener((obs, a, s) -> {
            if (s != null) chart.showFx(s);
        });
        // a pane made after a sweep (its tab opened late) starts from it
        if (vm.sweepProperty().get() != null) chart.showFx(vm.sweepProperty().get());
    }

    public SweepChart chart() {
        return chart;
    }
}
