package org.concurrencylab.ui.shell;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/// Tells the bench (`bench --first-frame`) when the window is ready: with the system property
/// [#PROPERTY] set, the window prints `first-frame MS` on stdout (MS: this JVM's uptime) at the
/// first pulse that lays it out with the Run button enabled, and closes if the property says
/// `exit`. The bench measures from the moment it started the process to that line.
///
/// Thread-safety: FX thread.
final class FirstFrame {
    static final String PROPERTY = "concurrencylab.firstFrame";

    private FirstFrame() {}

    static void reportIfAsked(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) return;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            Node run = scene.lookup("#run");
            if (run == null || run.isDisabled()) return;
            scene.removePostLayoutPulseListener(check[0]);
            System.out.println("first-frame " + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
            if (mode.equals("exit")) Platform.runLater(Platform::exit);
        };
        scene.addPostLayoutPulseListener(check[0]);
    }
}
