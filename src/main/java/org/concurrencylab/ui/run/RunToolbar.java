package org.concurrencylab.ui.run;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.ui.common.Forms;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/// The lab's toolbar: Run (or Stop), the workload, the model, its workers and the GIL switch.
/// It wraps onto a second row when the window is too narrow for one (a projector's 1280 px in
/// presentation mode), so that no control is cut or hidden in an overflow menu.
///
/// Thread-safety: FX thread only.
public final class RunToolbar extends FlowPane {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final Button runButton = new Button();

    public RunToolbar(RunFormViewModel form, RunViewModel run) {
        ComboBox<WorkloadKind> workloads = new ComboBox<>();
        workloads.setId("workload");
        workloads.getItems().setAll(WorkloadKind.values());
        workloads.setConverter(new StringConverter<>() {
            @Override public String toString(WorkloadKind w) { return w == null ? "" : w.title(); }
            @Override public WorkloadKind fromString(String text) { return null; }
        });
        workloads.valueProperty().bindBidirectional(form.workloadProperty());

        SegmentedButton models = new SegmentedButton();
        for (ModelKind m : ModelKind.values()) {
            ToggleButton b = new ToggleButton(m.shortTitle());
            b.setId("model-" + m.id());
            b.setUserData(m);
            b.setSelected(form.modelProperty().get() == m);
            b.setTooltip(new Tooltip(m.summary()));
            b.setMinWidth(Region.USE_PREF_SIZE);
            models.getButtons().add(b);
        }
        models.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true); // a segmented choice always has one selected
            else form.modelProperty().set((ModelKind) now.getUserData());
        });
        form.modelProperty().addListener((obs, a, m) -> models.getButtons().stream()
                .filter(b -> b.getUserData() == m).findFirst().ifPresent(b -> b.setSelected(true)));

        ParamField workersField = form.field(RunParams.WORKERS);
        Spinner<String> workers = ParamControls.spinner(workersField);
        workers.setPrefWidth(90);
        workers.disableProperty().bind(Bindings.createBooleanBinding(() -> !form.modelProperty().get().hasWorkers(),
                form.modelProperty()).or(run.runningProperty()));
        Label workersLabel = new Label();
        workersLabel.textProperty().bind(workersField.labelProperty());
        workersLabel.setLabelFor(workers);
        workersLabel.setMinWidth(Region.USE_PREF_SIZE);
        workersLabel.disableProperty().bind(workers.disableProperty());

        ParamField gilField = form.field(RunParams.GIL);
        CheckBox gil = new CheckBox();
        gil.setId(ParamControls.id(RunParams.GIL));
        gil.textProperty().bind(gilField.labelProperty());
        gil.setTooltip(new Tooltip(RunParams.GIL.help()));
        gil.selectedProperty().bindBidirectional(gilField.flag());
        gil.setMinWidth(Region.USE_PREF_SIZE);
        gil.disableProperty().bind(gilField.appliesProperty().not().or(run.runningProperty()));

        runButton.setId("run");
        runButton.getStyleClass().add("run-button");
        run.runningProperty().addListener((obs, was, is) -> runButton.pseudoClassStateChanged(RUNNING, is));
        runButton.textProperty().bind(Bindings.when(run.runningProperty()).then("Stop").otherwise("Run"));
        runButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(run.runningProperty().get() ? "mdi2s-stop" : "mdi2p-play"), run.runningProperty()));
        runButton.setTooltip(new Tooltip("Run or stop (Space); Esc stops"));
        runButton.disableProperty().bind(form.specProperty().isNull().and(run.runningProperty().not()));
        runButton.setOnAction(e -> run.toggleFx());
        runButton.setMinWidth(90);

        workloads.disableProperty().bind(run.runningProperty());
        models.disableProperty().bind(run.runningProperty());

        setHgap(8);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(runButton, group(Forms.toolbarLabel("Workload"), workloads), group(Forms.toolbarLabel("Model"), models),
                group(workersLabel, workers, gil));
        getStyleClass().addAll("tool-bar", "lab-toolbar");
    }

    /// Controls that stay together on one row.
    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    public Button runButton() {
        return runButton;
    }
}
