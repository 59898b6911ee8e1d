package org.concurrencylab.ui.run;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.Param.Section;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.teach.FormTexts;
import org.concurrencylab.ui.common.Forms;

import java.util.List;

/// The lab's side panel: the workload and what it is, a field for every parameter of the table
/// that applies to the run chosen (made from the table, in its order, each marked where what was
/// typed cannot run), the model and what it does, and the result of the run shown.
///
/// Thread-safety: FX thread only.
public final class RunForm extends ScrollPane {
    private final RunFormViewModel form;
    private final VBox modelNotes = new VBox(6);

    /// The form of `form`, disabled while `running`, over the `result` pane; its texts name the
    /// colours of `palette`.
    public RunForm(RunFormViewModel form, ObservableBooleanValue running, Node result, ObservableValue<Palette> palette) {
        this.form = form;
        Label workloadTitle = Forms.header("");
        workloadTitle.textProperty().bind(Bindings.createStringBinding(() -> form.workloadProperty().get().title(),
                form.workloadProperty()));
        Label workloadText = Forms.paragraph("");
        workloadText.textProperty().bind(Bindings.createStringBinding(() -> palette.getValue().inWords(
                FormTexts.workload(form.workloadProperty().get())), form.workloadProperty(), palette));

        GridPane work = fields(List.of(Section.WORKLOAD, Section.NETWORK));
        GridPane modelForm = fields(List.of(Section.MODEL));
        VBox runChoices = new VBox(6);
        for (ParamField f : form.fields()) {
            if (f.param().section() != Section.RUN) continue;
            Control c = ParamControls.of(f);
            Forms.showWhen(f.appliesProperty(), c);
            runChoices.getChildren().add(c);
        }
        for (Node n : List.of(work, modelForm, runChoices)) n.disableProperty().bind(running);

        Button article = new Button("The article's values");
        article.setId("article-values");
        article.setTooltip(new Tooltip("Every setting back to the article's: 160 pages, 20 numbers from 5,000,000, "
                + "5 threads (a process per core), the demo sites at 90 ms, no GIL. The workload and the model stay."));
        article.setOnAction(e -> form.articleValues());
        Hyperlink undo = new Hyperlink("Undo");
        undo.setId("article-values-undo");
        undo.setTooltip(new Tooltip("Give back the values the fields held"));
        undo.setOnAction(e -> form.undoArticleValues());
        Forms.showWhen(form.canUndoArticleValuesProperty(), undo);
        HBox articleRow = new HBox(8, article, undo);
        articleRow.setAlignment(Pos.CENTER_LEFT);
        articleRow.disableProperty().bind(running);

        Label invalid = Forms.paragraph("");
        invalid.setId("validation-error");
        invalid.getStyleClass().add("danger");
        invalid.textProperty().bind(form.errorProperty());
        Forms.showWhen(form.errorProperty().isNotEmpty(), invalid);

        Label modelTitle = Forms.header("");
        modelTitle.textProperty().bind(Bindings.createStringBinding(() -> form.modelProperty().get().title(), form.modelProperty()));
        Label modelText = Forms.paragraph("");
        ParamField gil = form.field(RunParams.GIL);
        ParamField runtime = form.field(RunParams.RUNTIME);
        modelText.textProperty().bind(Bindings.createStringBinding(() -> palette.getValue().inWords(
                runtime.applies() && runtime.choice().get() == RuntimeKind.PYTHON
                        ? FormTexts.cpythonModel(form.modelProperty().get(), form.workloadProperty().get())
                        : FormTexts.model(form.modelProperty().get(), form.workloadProperty().get(), gil.applies() && gil.flag().get())),
                form.modelProperty(), form.workloadProperty(), gil.flag(), gil.appliesProperty(), runtime.choice(),
                runtime.appliesProperty(), palette));

        VBox box = new VBox(10, workloadTitle, workloadText, work, runChoices, articleRow, invalid, new Separator(),
                modelTitle, modelText, modelForm, modelNotes, new Separator(), result);
        box.setPadding(new Insets(12));
        box.setPrefWidth(310);
        box.getStyleClass().add("side-panel");
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(320);
        getStyleClass().add("side-scroll");
    }

    /// A grid of the fields of `sections`: a label and its control per row (URLs under their
    /// label across both columns), each row shown only while its parameter applies.
    private GridPane fields(List<Section> sections) {
        GridPane grid = Forms.grid();
        int row = 0;
        for (ParamField f : form.fields()) {
            if (!sections.contains(f.param().section())) continue;
            Control control = ParamControls.of(f);
            Label label = new Label();
            label.textProperty().bind(f.labelProperty());
            label.setLabelFor(control);
            label.setMinWidth(Region.USE_PREF_SIZE); // the field gives way
            Label error = new Label();
            error.getStyleClass().addAll("field-error", "danger");
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            Forms.showWhen(f.appliesProperty(), label, control);
            Forms.showWhen(f.appliesProperty().and(f.errorProperty().isNotEmpty()), error);
            if (control instanceof CheckBox) {
                grid.add(control, 0, row++, 2, 1);
            } else if (control instanceof TextArea) {
                grid.add(label, 0, row++, 2, 1);
                grid.add(control, 0, row++, 2, 1);
            } else {
                grid.addRow(row++, label, control);
            }
            grid.add(error, 0, row++, 2, 1);
        }
        return grid;
    }

    /// Shows `note` under the model's fields while `param` applies (which Python runs the
    /// runtime's other choice, say).
    public void addModelNote(Param<?> param, Node note) {
        Forms.showWhen(form.field(param).appliesProperty(), note);
        modelNotes.getChildren().add(note);
    }

    /// The control of `param` in this form, or null.
    public Node control(Param<?> param) {
        return lookup("#" + ParamControls.id(param));
    }
}
