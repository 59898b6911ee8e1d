package org.concurrencylab.ui;

import javafx.scene.Scene;
import org.concurrencylab.ui.shell.App;

import java.util.Objects;

/// The window's look for panes tested on their own: the AtlantaFX theme the app sets and its
/// own style sheet, so their style sheets resolve every colour they look up, as in the app.
public final class FxTestTheme {
    private FxTestTheme() {}

    public static Scene themed(Scene scene) {
        App.applyTheme(false);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("/org/concurrencylab/ui/app.css")).toExternalForm());
        return scene;
    }
}
