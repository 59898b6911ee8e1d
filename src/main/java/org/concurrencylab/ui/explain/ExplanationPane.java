package org.concurrencylab.ui.explain;

import org.concurrencylab.ui.diagram.TimingDiagram;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.teach.Explanations;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// What the selected model and workload are about: how the model switches between tasks, how many
/// processors it uses, what it costs and where it bites; the workload's nature; context help for
/// a segment clicked in the diagram; and the comparison table of every model.
///
/// Thread-safety: FX thread only.
public final class ExplanationPane extends ScrollPane {
    private final Label modelTitle = sectionTitle();
    private final GridPane modelFacts = facts();
    private final Label workloadTitle = sectionTitle();
    private final GridPane workloadFacts = facts();
    private final Label segmentHelp = paragraph("Click a segment of the diagram to see what the worker was doing, "
            + "and what it waited for.");
    private final Rectangle segmentSwatch = new Rectangle(12, 12, Color.TRANSPARENT);
    /// Wider than this, the comparison is a table; narrower, one card per model.
    static final double TABLE_MIN_WIDTH = 720;

    private final GridPane table = new GridPane();
    private final VBox cards = new VBox(8);
    private final VBox comparison = new VBox(table, cards);
    private final VBox legend = new VBox(3);
    private Palette palette = Palette.articleLight();
    private WorkloadKind workload = WorkloadKind.DOWNLOAD;
    private Segment explainedSegment;
    private ModelKind explainedModel;
    private boolean explainedGil;
    private State explained;
    private ModelKind model = ModelKind.THREADS;
    private boolean gil;
    /// Whether the model is explained as the article's own program under CPython.
    private boolean python;
    /// Whether the facts have been filled in once.
    private boolean filled;

    public ExplanationPane() {
        getStyleClass().add("explanation-pane");
        getStylesheets().add(Objects.requireNonNull(ExplanationPane.class.getResource("/org/concurrencylab/ui/teach.css")).toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        segmentHelp.setId("segment-help");
        modelTitle.setId("explain-model-title");
        workloadTitle.setId("explain-workload-title");

        HBox segmentBox = new HBox(8, segmentSwatch, segmentHelp);
        segmentBox.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(segmentHelp, Priority.ALWAYS);
        segmentBox.getStyleClass().add("segment-help");
        HBox.setMargin(segmentSwatch, new Insets(3, 0, 0, 0));
        segmentSwatch.setStroke(Color.gray(0.6));
        segmentSwatch.setVisible(false);

        fillLegend();

        table.setId("model-table");
        cards.setId("model-cards");
        TitledPane compare = new TitledPane("All models compared", comparison);
        compare.setExpanded(true);
        compare.setAnimated(false);

        VBox body = new VBox(8, modelTitle, modelFacts, workloadTitle, workloadFacts,
                sectionTitle("The diagram"), segmentBox, legend, compare);
        body.getStyleClass().add("explanation-body");
        setContent(body);
        widthProperty().addListener((obs, was, now) -> {
            if (wide() != table.isVisible()) fillTable();
        });
        showFx(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS));
    }

    /// Explains `spec`'s model (under the GIL if it is on) and workload.
    public void showFx(RunSpec spec) {
        showFx(spec.model(), spec.workload(), spec.gil(), spec.runtime() == RuntimeKind.PYTHON && spec.model().traits().pythonTwin());
    }

    public void showFx(ModelKind newModel, WorkloadKind workload, boolean newGil) {
        showFx(newModel, workload, newGil, false);
    }

    /// Explains `newModel` running `workload`, as the article's own program under CPython if `inPython`.
    public void showFx(ModelKind newModel, WorkloadKind workload, boolean newGil, boolean inPython) {
        // a run's end explains what the form explained already: nothing to build again
        if (filled && newModel == model && workload == this.workload && (newGil && newModel.supportsGil()) == gil
                && inPython == python) {
            return;
        }
        filled = true;
        this.python = inPython;
        this.model = newModel;
        this.workload = workload;
        this.gil = newGil && newModel.supportsGil();
        Explanations.ModelExplanation m = inPython ? Explanations.forCPython(newModel) : Explanations.forModel(newModel, gil);
        modelTitle.setText(m.title());
        modelFacts.getChildren().clear();
        addFact(modelFacts, 0, "Switches", m.switching());
        addFact(modelFacts, 1, "Processors", m.processors());
        addFact(modelFacts, 2, "Costs", m.costs());
        addFact(modelFacts, 3, "Pitfalls", m.pitfalls());
        addFact(modelFacts, 4, "In Python", m.python());

        Explanations.WorkloadExplanation w = Explanations.forWorkload(workload);
        workloadTitle.setText(w.title());
        workloadFacts.getChildren().clear();
        addFact(workloadFacts, 0, "Nature", w.nature());
        addFact(workloadFacts, 1, "A task", w.text());
        addFact(workloadFacts, 2, "Limited by", w.limitedBy());
        fillTable();
    }

    /// Explains a segment clicked in the diagram, for the run it belongs to.
    public void explainSegmentFx(TimingDiagram.SegmentClick click) {
        if (click.spec() == null) explainSegmentFx(click.segment());
        else explainSegmentFx(click.segment(), click.spec().model(), click.spec().gil());
    }

    /// Explains a segment clicked in the diagram of a run of the model shown now.
    public void explainSegmentFx(Segment segment) {
        explainSegmentFx(segment, model, gil);
    }

    /// Explains a segment clicked in the diagram of a run of `runModel`, with the GIL on or off.
    public void explainSegmentFx(Segment segment, ModelKind runModel, boolean runGil) {
        segmentHelp.setText(palette.inWords(Explanations.forSegment(segment, runModel, runGil)));
        explainedSegment = segment;
        explainedModel = runModel;
        explainedGil = runGil;
        explained = segment.state();
        segmentSwatch.setFill(color(palette.fill(explained)));
        segmentSwatch.setVisible(true);
    }

    /// Colours the legend and the explained segment's swatch as the diagram is coloured.
    public void setPaletteFx(Palette newPalette) {
        palette = Objects.requireNonNull(newPalette, "palette");
        fillLegend();
        // the texts name colours: they follow the palette too
        filled = false;
        showFx(model, workload, gil, python);
        if (explainedSegment != null) explainSegmentFx(explainedSegment, explainedModel, explainedGil);
    }

    private void fillLegend() {
        legend.getChildren().clear();
        for (State s : State.values()) legend.getChildren().add(legendRow(s));
    }

    /// The context help shown now.
    public String segmentHelpText() {
        return segmentHelp.getText();
    }

    private void fillTable() {
        boolean wide = wide();
        table.setVisible(wide);
        table.setManaged(wide);
        cards.setVisible(!wide);
        cards.setManaged(!wide);
        // only the form shown is made: the other would be styled and laid out unseen
        cards.getChildren().clear();
        table.getChildren().clear();
        if (wide) fillGrid();
        else fillCards();
    }

    private void fillCards() {
        for (Explanations.ModelExplanation m : Explanations.comparison()) {
            GridPane card = facts();
            addFact(card, 0, "Switches", m.switching());
            addFact(card, 1, "Processors", m.processors());
            addFact(card, 2, "Costs", m.costs());
            addFact(card, 3, "Pitfalls", m.pitfalls());
            card.getChildren().forEach(n -> n.setId(null));
            Label title = new Label(m.title());
            title.setStyle("-fx-font-weight: bold;");
            VBox box = new VBox(3, title, card);
            box.getStyleClass().add("table-cell");
            if (m.model() == model && m.gil() == gil) box.getStyleClass().add("current");
            cards.getChildren().add(box);
        }
    }

    private void fillGrid() {
        ColumnConstraints names = column(110);
        names.setMinWidth(105); // "Synchronous" on one line
        table.getColumnConstraints().setAll(names, column(150), column(110), column(170), column(200));
        String[] heads = {"Model", "Switches", "Processors", "Costs", "Pitfalls"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c]);
            head.getStyleClass().add("table-head");
            head.setMaxWidth(Double.MAX_VALUE);
            table.add(head, c, 0);
        }
        List<Explanations.ModelExplanation> rows = Explanations.comparison();
        for (int r = 0; r < rows.size(); r++) {
            Explanations.ModelExplanation m = rows.get(r);
            boolean current = m.model() == model && m.gil() == gil;
            // the cells name colours too ("the hand-overs of the lock (amber)"): in the palette's words
            String[] cells = {m.title(), palette.inWords(m.switching()), palette.inWords(m.processors()),
                    palette.inWords(m.costs()), palette.inWords(m.pitfalls())};
            for (int c = 0; c < cells.length; c++) {
                Label cell = new Label(cells[c]);
                cell.setWrapText(true);
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMaxHeight(Double.MAX_VALUE);
                cell.setAlignment(Pos.TOP_LEFT);
                cell.getStyleClass().add("table-cell");
                if (current) cell.getStyleClass().add("current");
                if (c == 0) cell.setStyle("-fx-font-weight: bold;");
                GridPane.setValignment(cell, VPos.TOP);
                GridPane.setFillHeight(cell, true);
                table.add(cell, c, r + 1);
            }
        }
    }

    /// Whether there is room for the table (before the first layout, assume there is).
    private boolean wide() {
        return getWidth() == 0 || getWidth() >= TABLE_MIN_WIDTH;
    }

    private Node legendRow(State state) {
        Rectangle swatch = new Rectangle(12, 12, color(palette.fill(state)));
        swatch.setStroke(Color.gray(0.6));
        Label text = paragraph(palette.inWords(Explanations.forState(state)));
        HBox row = new HBox(8, swatch, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void addFact(GridPane grid, int row, String name, String text) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        n.setMinWidth(Label.USE_PREF_SIZE);
        GridPane.setValignment(n, VPos.TOP);
        Label t = paragraph(palette.inWords(text));
        t.setId("explain-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        grid.add(n, 0, row);
        grid.add(t, 1, row);
    }

    private static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setMinWidth(120);
        grid.getColumnConstraints().setAll(names, texts);
        return grid;
    }

    private static ColumnConstraints column(double width) {
        ColumnConstraints c = new ColumnConstraints(60, width, Double.MAX_VALUE);
        c.setHgrow(Priority.SOMETIMES);
        return c;
    }

    private static Color color(Rgb rgb) {
        return Color.rgb(rgb.r(), rgb.g(), rgb.b(), rgb.alpha());
    }

    private static Label sectionTitle() {
        return sectionTitle("");
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }
}
