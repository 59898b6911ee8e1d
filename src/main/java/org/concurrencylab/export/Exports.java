package org.concurrencylab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

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

    /// Writes the bytes `content` produces to a file.
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /// Writes `file` atomically: `content` goes to a hidden temporary file in the same folder,
    /// which then replaces `file` in one rename, so a crash or an error mid-write never leaves a
    /// half-written file (nor the temporary one). The new file gets the folder's usual
    /// permissions, as if it had been created directly.
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path dir = checkWritable(file);
        Path tmp = createTemporary(dir, file.getFileName().toString());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// A new empty file next to `name` (not `Files.createTempFile`, whose files are private to
    /// their owner and would stay so after the rename).
    private static Path createTemporary(Path dir, String name) throws IOException {
        if (name.length() > 100) name = name.substring(0, 100);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 10) throw taken;
            }
        }
    }

    /// One line of a possibly multi-line message.
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
