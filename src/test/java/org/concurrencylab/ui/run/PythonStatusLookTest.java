package org.concurrencylab.ui.run;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.concurrencylab.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The look for Python starts a process: it waits until the view has been drawn, so a fresh
/// window does not share its two cores with it before its first frame.
@ExtendWith(ApplicationExtension.class)
class PythonStatusLookTest {
    private final List<Runnable> looks = new ArrayList<>();
    private final List<Path> used = new ArrayList<>();
    private PythonStatusView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the looks are only counted: none runs a process
        view = new PythonStatusView(new TaskExecutor(looks::add, Runnable::run), used::add);
    }

    @Test
    void the_first_look_waits_for_the_first_frame_and_later_ones_do_not() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.showFx("/opt/python3")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(used).as("the engine is told at once").containsExactly(Path.of("/opt/python3"));
        assertThat(looks).as("not looked for before the view is drawn").isEmpty();
        assertThat(view.text()).isEqualTo(PythonStatusView.LOOKING);

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(new StackPane(view), 400, 200));
            stage.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !looks.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(looks).as("one look once drawn").hasSize(1);

        WaitForAsyncUtils.asyncFx(() -> view.showFx("/opt/python3.13")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(looks).as("a path typed later is looked for at once").hasSize(2);
        assertThat(used).containsExactly(Path.of("/opt/python3"), Path.of("/opt/python3.13"));
    }
}
