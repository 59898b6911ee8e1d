package org.concurrencylab.ui.racelab;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.concurrencylab.ui.shell.LabShell;
import org.concurrencylab.ui.shell.LabWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// The race lab in the real window, by keyboard: the number keys step the threads, Ctrl+Z undoes.
@ExtendWith(ApplicationExtension.class)
class RaceLabPaneTest {
    @TempDir
    static Path labHome;
    private LabWindow window;
    private LabShell shell;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, LabWindow::quickDownloads);
        shell = window.shell();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void the_number_keys_lose_an_update_and_ctrl_z_takes_the_last_step_back(FxRobot robot) {
        robot.clickOn("#tab-race-lab");
        WaitForAsyncUtils.waitForFxEvents();

        for (KeyCode key : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT2}) {
            robot.type(key);
        }

        Label said = robot.lookup("#race-said").queryAs(Label.class);
        assertThat(said.getText()).contains("one update lost");
        assertThat(said.getStyleClass()).contains("danger");
        assertThat(robot.lookup("#race-goal-status").queryAs(Label.class).getText()).startsWith("✓");
        assertThat(robot.lookup("#race-shared-counter").queryAs(Label.class).getText()).startsWith("counter = 1");
        assertThat(robot.lookup("#race-step-1").queryAs(Button.class).isDisabled()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);

        assertThat(shell.raceLab().session().events()).hasSize(5);
        assertThat(robot.lookup("#race-goal-status").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#race-step-2").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void clicking_a_thread_s_step_button_steps_it_and_a_waiting_thread_s_button_is_off(FxRobot robot) {
        robot.clickOn("#tab-race-lab");
        robot.interact(() -> shell.raceLab().select(shell.raceLab().levels().stream()
                .filter(l -> l.id().equals("synchronized")).findFirst().orElseThrow()));

        robot.clickOn("#race-step-1");
        robot.clickOn("#race-step-2");

        assertThat(shell.raceLab().session().events()).hasSize(2);
        assertThat(robot.lookup("#race-step-2").queryAs(Button.class).isDisabled()).as("thread 2 waits for the lock").isTrue();
    }

    @Test
    void the_race_lesson_s_last_step_opens_the_race_lab_at_its_level(FxRobot robot) {
        robot.clickOn("#tab-race-lab");
        robot.interact(() -> shell.raceLab().select(shell.raceLab().levels().getLast()));
        robot.clickOn("#tab-lessons");
        robot.interact(() -> shell.lessons().goTo(5, 4));

        robot.clickOn("#lesson-race-lab");

        assertThat(shell.raceLab().level().id()).isEqualTo("lost-update");
        assertThat(robot.lookup("#race-lab").query().isVisible()).isTrue();
    }
}
