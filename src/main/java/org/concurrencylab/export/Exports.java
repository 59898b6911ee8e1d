package org.concurrencylab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Checks shared by every file the lab writes, so each error names the file the user chose.
public final class Exports {
    private Exports() {}

    /// Returns the folder `file` goes in, or throws an [IOException] that says, in words, why
    /// `file` cannot be written (a folder, a missing folder, no permission).
    public static Path checkWritable(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new IOException(file + " is a folder, not a file");
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IOException("the folder " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new IOException("cannot write in " + dir);
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new IOException(file + " is not writable");
        return dir;
    }

    /// One line of a possibly multi-line message.
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
