package org.concurrencylab.ui.shell;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/// Every style sheet of the window resolves what it looks up: showing every tab in both themes,
/// with a run drawn and presentation mode on and off, JavaFX's CSS logger says nothing.
@ExtendWith(ApplicationExtension.class)
class StyleSheetsTest {
    @TempDir
    static Path labHome;

    private static final Logger CSS = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record.getMessage());
        }

        @Override public void flush() { }

        @Override public void close() { }
    };
    private LabWindow window;

    @Start
    void start(Stage stage) {
        CSS.addHandler(handler);
        window = LabWindow.show(stage, labHome, LabWindow::quickDownloads);
    }

    @AfterEach
    void close() {
        CSS.removeHandler(handler);
        window.close();
    }

    @Test
    void no_style_sheet_of_the_window_logs_a_warning(FxRobot robot) throws Exception {
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.run().lastResultProperty().get() != null);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                window.shell().looks().darkProperty().set(dark);
                App.applyTheme(dark);
            });
            for (String tabs : List.of("#left-tabs", "#center-tabs", "#below-tabs")) {
                TabPane pane = robot.lookup(tabs).queryAs(TabPane.class);
                for (int i = 0; i < pane.getTabs().size(); i++) {
                    int index = i;
                    robot.interact(() -> pane.getSelectionModel().select(index));
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
            robot.interact(() -> window.shell().looks().presentationProperty().set(true));
            robot.interact(() -> window.shell().looks().presentationProperty().set(false));
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(warnings).isEmpty();
    }
}
