package org.concurrencylab.ui.series;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.compare.ComparePanels;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.ui.common.Forms;
import org.concurrencylab.ui.common.TaskExecutor;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/// Compare every model: the runs' diagrams stacked on one shared time axis, the article's
/// results table with efficiency against the ideal, and a one-sentence verdict.
///
/// Thread-safety: FX thread only.
public final class ComparePane extends BorderPane {
    public static final String STYLE_CLASS = "compare-view";

    private final CompareViewModel vm;
    private final StackedDiagramView diagram = new StackedDiagramView();
    private final TableView<Comparison.Row> table = new TableView<>();

    private final CompareExports exports;
    /// The least height the table keeps beside the diagrams: its header and three rows.
    static final double TABLE_ROOM = 110;

    /// The pane over `vm`; its slides are written on `tasks`.
    public ComparePane(CompareViewModel vm, TaskExecutor tasks) {
        this.vm = vm;
        this.exports = new CompareExports(tasks, vm.series()::tell);
        getStyleClass().add(STYLE_CLASS);
        SeriesBar bar = new SeriesBar(vm.series(), "compare", "Compare all models", "Stop the comparison (Esc)",
                Bindings.createBooleanBinding(() -> vm.baseProperty().getValue() == null, vm.baseProperty()), List.of(),
                vm::startFx);
        bar.getStyleClass().add("compare-bar");
        bar.addActions(slideButton("compare-copy", "Copy slide", "mdi2c-content-copy",
                        "Copy the comparison as a slide picture: every diagram on one time axis, the verdict under them",
                        () -> exports.copyFx(vm.comparisonProperty().getValue())),
                slideButton("compare-save", "Save slide…", "mdi2i-image-outline",
                        "Save the comparison as a PNG slide",
                        () -> exports.saveFx(vm.comparisonProperty().getValue(), this)));
        setTop(bar);

        ScrollPane scroll = new ScrollPane(diagram);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("compare-diagrams");

        Label verdict = new Label();
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("compare-verdict");
        Label failures = new Label();
        failures.setId("compare-failures");
        failures.setWrapText(true);
        failures.getStyleClass().add("danger");
        failures.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.series().failures()),
                vm.series().failures()));
        Forms.showWhen(Bindings.isNotEmpty(vm.series().failures()), failures);
        buildTable();
        VBox results = new VBox(6, failures, table);
        results.setPadding(new Insets(4, 10, 8, 10));
        VBox.setVgrow(table, Priority.ALWAYS);
        verdict.setPadding(new Insets(0, 10, 4, 10));

        SplitPane split = new SplitPane(scroll, results);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setCenter(new VBox(verdict, split));
        VBox.setVgrow(split, Priority.ALWAYS);
        split.heightProperty().addListener((obs, a, b) -> fitDiagrams(split, scroll));

        // a pane made after a comparison (its tab opened late) starts from it
        vm.comparisonProperty().addListener((obs, a, c) -> show(c, verdict, split, scroll));
        show(vm.comparisonProperty().get(), verdict, split, scroll);
    }

    private void show(Comparison c, Label verdict, SplitPane split, ScrollPane scroll) {
        table.getItems().setAll(c == null ? List.of() : c.rows());
        verdict.setText(c == null || c.rows().isEmpty() ? "" : c.verdict());
        // the verdict stands over the table, so the diagrams' header names only the work
        if (c != null) diagram.showFx(ComparePanels.of(c), ComparePanels.title(c), "");
        fitDiagrams(split, scroll);
    }

    /// Gives the diagrams the height they need, leaving the table at least [#TABLE_ROOM] (it
    /// scrolls), so the seven runs of a comparison fit a projector's 1280 × 720 without scrolling.
    private void fitDiagrams(SplitPane split, ScrollPane scroll) {
        double h = split.getHeight();
        if (h <= 0) return;
        double width = scroll.getViewportBounds().getWidth() > 0 ? scroll.getViewportBounds().getWidth() : scroll.getWidth();
        double wanted = diagram.prefHeight(width) + scroll.snappedTopInset() + scroll.snappedBottomInset() + 2;
        double top = Math.clamp(wanted, h * 0.3, Math.max(h * 0.5, h - TABLE_ROOM));
        split.setDividerPositions(top / h);
    }

    public void setPaletteFx(Palette palette) {
        diagram.setPaletteFx(palette);
        exports.setPaletteFx(palette);
    }

    public StackedDiagramView diagram() {
        return diagram;
    }

    public TableView<Comparison.Row> table() {
        return table;
    }

    public CompareExports exports() {
        return exports;
    }

    private Button slideButton(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.series().runningProperty().get()
                        || vm.comparisonProperty().getValue() == null || vm.comparisonProperty().getValue().rows().isEmpty(),
                vm.series().runningProperty(), vm.comparisonProperty()));
        return b;
    }

    private void buildTable() {
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs compared yet."));
        table.getColumns().add(column("Model", Comparison.Row::label, 160));
        table.getColumns().add(column("Wall", r -> (r.result().cancelled() ? "stopped " : "") + Ticks.duration(r.result().wallNanos()), 80));
        table.getColumns().add(column("Speed-up", r -> Double.isNaN(r.speedUp()) ? "–" : String.format(Locale.ROOT, "%.2f×", r.speedUp()), 80));
        table.getColumns().add(column("CPU time", r -> Ticks.duration(r.cpuNanos()), 80));
        table.getColumns().add(column("Peak threads", r -> r.peakThreads() > 0 ? Integer.toString(r.peakThreads()) : "–", 115));
        table.getColumns().add(column("Ideal", r -> r.hasIdeal() ? Ticks.duration(r.idealNanos()) : "–", 80));
        table.getColumns().add(column("Efficiency", r -> Double.isNaN(r.efficiency()) ? "–"
                : String.format(Locale.ROOT, "%.0f%%", r.efficiency() * 100), 80));
        table.getColumns().add(column("Errors", r -> Integer.toString(r.result().errors()), 60));
        for (TableColumn<Comparison.Row, ?> c : table.getColumns()) c.setSortable(false);
        table.setMinHeight(60);
        table.setPrefHeight(200);
        table.setFixedCellSize(24);
    }

    private static TableColumn<Comparison.Row, String> column(String title, Function<Comparison.Row, String> text, double width) {
        TableColumn<Comparison.Row, String> c = new TableColumn<>(title);
        c.setId("compare-col-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
