package org.concurrencylab.ui.explain;

import org.concurrencylab.ui.FxTestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.teach.Explanations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/// The explanation pane follows the chosen model and workload, and explains a clicked segment.
@ExtendWith(ApplicationExtension.class)
class ExplanationPaneTest {
    private ExplanationPane pane;

    @Start
    void start(Stage stage) {
        pane = new ExplanationPane();
        stage.setScene(FxTestTheme.themed(new Scene(pane, 800, 700)));
        stage.show();
    }

    @Test
    void it_explains_the_chosen_model_under_the_gil_and_the_workload(FxRobot robot) {
        robot.interact(() -> pane.showFx(ModelKind.THREADS, WorkloadKind.CPU, true));

        assertThat(label(robot, "#explain-model-title")).isEqualTo("Thread pool, GIL on");
        assertThat(label(robot, "#explain-switches")).isEqualTo(Explanations.forModel(ModelKind.THREADS, true).switching());
        assertThat(label(robot, "#explain-nature")).isEqualTo("CPU-bound");

        robot.interact(() -> pane.showFx(ModelKind.EVENTLOOP, WorkloadKind.DOWNLOAD, true));
        assertThat(label(robot, "#explain-model-title")).isEqualTo("Event loop");
        assertThat(label(robot, "#explain-nature")).isEqualTo("I/O-bound");
    }

    /// A run of the article's own program under CPython is explained as such: the real GIL,
    /// measured; the same model run in Java is explained as Java's again.
    @Test
    void a_cpython_run_is_explained_with_the_interpreter_s_own_gil(FxRobot robot) {
        RunSpec python = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).with(RunParams.RUNTIME, RuntimeKind.PYTHON);
        robot.interact(() -> pane.showFx(python));

        assertThat(label(robot, "#explain-model-title")).isEqualTo("Thread pool, in CPython: the real GIL");
        assertThat(label(robot, "#explain-costs")).contains("measured, not simulated");

        robot.interact(() -> pane.showFx(python.with(RunParams.RUNTIME, RuntimeKind.JAVA)));
        assertThat(label(robot, "#explain-model-title")).isEqualTo("Thread pool");
        robot.interact(() -> pane.showFx(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.VIRTUAL).with(RunParams.RUNTIME, RuntimeKind.PYTHON)));
        assertThat(label(robot, "#explain-model-title")).as("no Python program of it: the Java model").isEqualTo("Virtual threads");
        for (ModelKind m : ModelKind.values()) assertThat(Explanations.forCPython(m).model()).isEqualTo(m);
    }

    @Test
    void the_comparison_table_has_a_row_per_model_and_gil_variant(FxRobot robot) {
        GridPane table = robot.lookup("#model-table").queryAs(GridPane.class);

        long rows = table.getChildren().stream().mapToInt(n -> GridPane.getRowIndex(n) == null ? 0 : GridPane.getRowIndex(n))
                .distinct().count();
        assertThat(rows).isEqualTo(1 + Explanations.comparison().size());
    }

    @Test
    void a_clicked_segment_is_explained_for_its_run_s_model(FxRobot robot) {
        Segment red = Segment.closed(1, 4, State.IO_WAIT, 0, 90_000_000, "http://127.0.0.1:5000/small");
        robot.interact(() -> pane.showFx(ModelKind.THREADS, WorkloadKind.DOWNLOAD, false));

        robot.interact(() -> pane.explainSegmentFx(red));
        assertThat(pane.segmentHelpText()).isEqualTo(Explanations.forSegment(red, ModelKind.THREADS, false));

        robot.interact(() -> pane.explainSegmentFx(red, ModelKind.EVENTLOOP, false));
        assertThat(pane.segmentHelpText()).isEqualTo(Explanations.forSegment(red, ModelKind.EVENTLOOP, false));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
