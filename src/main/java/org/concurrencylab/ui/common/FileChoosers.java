package org.concurrencylab.ui.common;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/// The file choosers of one part of the window: they open in the user's home the first time
/// (never the folder the lab was started in), then where the last file went.
///
/// Thread-safety: FX thread only.
public final class FileChoosers {
    private File lastFolder;

    /// Asks where to save a file of `kind` (`pattern` like "*.png"), suggesting `name`; null
    /// when the user cancels.
    public Path save(Window owner, String title, String kind, String pattern, String name) {
        FileChooser chooser = chooser(title, kind, pattern);
        chooser.setInitialFileName(name);
        return remember(chooser.showSaveDialog(owner));
    }

    /// Asks which file of `kind` to open; null when the user cancels.
    public Path open(Window owner, String title, String kind, String pattern) {
        return remember(chooser(title, kind, pattern).showOpenDialog(owner));
    }

    private FileChooser chooser(String title, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialDirectory(initialFolder());
        return chooser;
    }

    private Path remember(File file) {
        if (file == null) return null;
        lastFolder = file.getParentFile();
        return file.toPath();
    }

    private File initialFolder() {
        if (lastFolder != null && lastFolder.isDirectory()) return lastFolder;
        File home = new File(System.getProperty("user.home", "."));
        return home.isDirectory() ? home : null;
    }
}
