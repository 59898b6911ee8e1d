package org.concurrencylab.ui.code;

import org.concurrencylab.ui.FxTestTheme;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.teach.CodeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The code panel shows, highlights and copies the Java that runs and the Python beside it, and
/// cannot be edited.
@ExtendWith(ApplicationExtension.class)
class CodePaneTest {
    private CodePane pane;

    @Start
    void start(Stage stage) {
        pane = new CodePane();
        stage.setScene(FxTestTheme.themed(new Scene(pane, 1000, 600)));
        stage.show();
    }

    @Test
    void every_model_and_workload_shows_its_java_and_its_python(FxRobot robot) {
        // a pane off screen shows the same texts, without twenty software-rendered frames
        Map<String, String[]> shown = new HashMap<>();
        robot.interact(() -> {
            CodePane offScreen = new CodePane();
            for (ModelKind model : ModelKind.values()) {
                for (WorkloadKind workload : WorkloadKind.values()) {
                    offScreen.showFx(RunSpec.defaults(workload, model));
                    shown.put(model + " " + workload, new String[]{offScreen.javaText(), offScreen.pythonText()});
                }
            }
        });

        assertThat(shown).hasSize(ModelKind.values().length * WorkloadKind.values().length);
        for (ModelKind model : ModelKind.values()) {
            for (WorkloadKind workload : WorkloadKind.values()) {
                String[] texts = shown.get(model + " " + workload);
                for (CodeLibrary.Snippet s : CodeLibrary.java(model, workload, false, Step.CounterMode.UNSAFE)) {
                    assertThat(texts[0]).as(model + " " + workload).contains(s.code(), s.marker().fileName());
                }
                assertThat(texts[1]).isEqualTo(CodeLibrary.python(model, workload, false).code());
            }
        }
    }

    @Test
    void keywords_strings_and_comments_are_highlighted(FxRobot robot) {
        robot.interact(() -> pane.showFx(ModelKind.THREADS, WorkloadKind.RACE, false, Step.CounterMode.SYNCHRONIZED));

        String java = pane.javaText();
        assertThat(pane.javaStyleAt(java.indexOf("synchronized (this)") + 1)).containsExactly("keyword");
        assertThat(pane.javaStyleAt(java.indexOf("// ──") + 1)).containsExactly("comment");
        assertThat(pane.javaStyleAt(java.indexOf("incrementSynchronized") + 1)).isEmpty();
    }

    @Test
    void copy_puts_the_whole_code_on_the_clipboard(FxRobot robot) {
        robot.interact(() -> pane.showFx(ModelKind.EVENTLOOP, WorkloadKind.DOWNLOAD, false, Step.CounterMode.UNSAFE));

        robot.clickOn("#code-copy-java");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(pane.javaText());

        robot.clickOn("#code-copy-python");
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(pane.pythonText()).contains("asyncio");
    }

    @Test
    void the_code_cannot_be_edited(FxRobot robot) {
        String before = pane.javaText();

        robot.clickOn("#code-java").write("oops");

        assertThat(pane.javaText()).isEqualTo(before);
    }

    @Test
    void the_gil_switch_adds_the_gil_s_code_for_the_models_it_applies_to(FxRobot robot) {
        robot.interact(() -> pane.showFx(RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withGil(true)));
        assertThat(pane.javaText()).contains("gil.mustHandOver", "TaskContext.java");
        assertThat(robot.lookup("#code-heading").queryLabeled().getText()).isEqualTo("Sum of squares · Thread pool, GIL on");

        robot.interact(() -> pane.showFx(ModelKind.EVENTLOOP, WorkloadKind.CPU, true, Step.CounterMode.UNSAFE));
        assertThat(pane.javaText()).doesNotContain("gil.mustHandOver");
    }
}
