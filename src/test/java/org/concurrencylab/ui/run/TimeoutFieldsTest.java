package org.concurrencylab.ui.run;

import org.concurrencylab.ui.shell.LabShell;
import org.concurrencylab.ui.shell.LabWindow;
import org.concurrencylab.core.run.RunParams;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/// The download form's "Connect timeout (ms)" and "Read timeout (ms)" fields feed the run's spec,
/// refuse what the spec refuses, follow a spec loaded elsewhere, and are remembered.
@ExtendWith(ApplicationExtension.class)
class TimeoutFieldsTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path labHome;
    private RunEngine engine;
    private LabShell shell;
    private RunFormViewModel form;
    private RunViewModel run;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, lab -> { });
        engine = window.engine();
        shell = window.shell();
        form = shell.form();
        run = shell.run();
    }

    @AfterEach
    void closeEngine() {
        window.close();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class);
    }

    @Test
    void the_fields_show_the_defaults_and_feed_the_spec(FxRobot robot) {
        TextField connect = field(robot, "param-connectTimeoutMs");
        TextField read = field(robot, "param-readTimeoutMs");
        assertThat(connect.getText()).isEqualTo("10000");
        assertThat(read.getText()).isEqualTo("30000");

        robot.interact(() -> {
            connect.setText("1500");
            read.setText("250");
        });

        RunSpec spec = form.specProperty().get();
        assertThat(spec.connectTimeoutMs()).isEqualTo(1_500);
        assertThat(spec.readTimeoutMs()).isEqualTo(250);
        assertThat(shell.settings().spec().connectTimeoutMs()).isEqualTo(1_500);
        assertThat(shell.settings().spec().readTimeoutMs()).isEqualTo(250);
    }

    @Test
    void an_out_of_range_timeout_disables_run_and_says_which(FxRobot robot) {
        robot.interact(() -> field(robot, "param-readTimeoutMs").setText("0"));

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(form.errorProperty().get()).isEqualTo("Read timeout (ms): enter a whole number from 1 to 600,000");

        robot.interact(() -> field(robot, "param-readTimeoutMs").setText("600001"));
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> field(robot, "param-readTimeoutMs").setText("600000"));
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void a_loaded_spec_and_remembered_settings_set_the_fields(FxRobot robot) {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.EVENTLOOP).with(RunParams.CONNECT_TIMEOUT_MS, 700).with(RunParams.READ_TIMEOUT_MS, 900);
        robot.interact(() -> form.apply(spec));

        assertThat(field(robot, "param-connectTimeoutMs").getText()).isEqualTo("700");
        assertThat(field(robot, "param-readTimeoutMs").getText()).isEqualTo("900");
        assertThat(form.specProperty().get()).isEqualTo(spec);

        org.concurrencylab.history.Settings remembered = org.concurrencylab.history.Settings.defaults();
        robot.interact(() -> shell.restore(remembered));
        assertThat(field(robot, "param-connectTimeoutMs").getText()).isEqualTo("10000");
        assertThat(field(robot, "param-readTimeoutMs").getText()).isEqualTo("30000");
    }
}
