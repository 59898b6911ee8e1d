package org.concurrencylab.ui;

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
    private LabViewModel vm;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.show(stage, labHome, vm -> { });
        engine = window.engine();
        vm = window.vm();
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
        TextField connect = field(robot, "connect-timeout");
        TextField read = field(robot, "read-timeout");
        assertThat(connect.getText()).isEqualTo("10000");
        assertThat(read.getText()).isEqualTo("30000");

        robot.interact(() -> {
            connect.setText("1500");
            read.setText("250");
        });

        RunSpec spec = vm.specProperty().get();
        assertThat(spec.connectTimeoutMs()).isEqualTo(1_500);
        assertThat(spec.readTimeoutMs()).isEqualTo(250);
        assertThat(vm.settings().connectTimeoutMs()).isEqualTo(1_500);
        assertThat(vm.settings().readTimeoutMs()).isEqualTo(250);
    }

    @Test
    void an_out_of_range_timeout_disables_run_and_says_which(FxRobot robot) {
        robot.interact(() -> field(robot, "read-timeout").setText("0"));

        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(vm.validationErrorProperty().get()).contains("read timeout").contains("600000");

        robot.interact(() -> field(robot, "read-timeout").setText("600001"));
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> field(robot, "read-timeout").setText("600000"));
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(vm.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void a_loaded_spec_and_remembered_settings_set_the_fields(FxRobot robot) {
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.EVENTLOOP).withConnectTimeoutMs(700).withReadTimeoutMs(900);
        robot.interact(() -> vm.applyFx(spec));

        assertThat(field(robot, "connect-timeout").getText()).isEqualTo("700");
        assertThat(field(robot, "read-timeout").getText()).isEqualTo("900");
        assertThat(vm.specProperty().get()).isEqualTo(spec);

        org.concurrencylab.history.Settings remembered = org.concurrencylab.history.Settings.defaults();
        robot.interact(() -> vm.applySettingsFx(remembered));
        assertThat(field(robot, "connect-timeout").getText()).isEqualTo("10000");
        assertThat(field(robot, "read-timeout").getText()).isEqualTo("30000");
    }
}
