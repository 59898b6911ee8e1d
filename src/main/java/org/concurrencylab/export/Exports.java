package org.concurrencylab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/// Checks shared by every file the lab writes, so each error names the file the user chose.
///
/// A file is written to a temporary file beside it, which then replaces it in one rename. So
/// that a path the user gave is never replaced by something else, it is refused when it names a
/// folder, a symbolic link (writing would replace the link by a plain file; the file it points
/// at is the one to give) or anything else that is not a regular file (a device, a pipe, a
/// socket). And the temporary file is tried before any work starts: a name too long for the
/// file system or a folder that refuses new files is found then, not after a long run.
public final class Exports {
    /// The longest file name most file systems take (ext4, APFS, NTFS): 255 bytes of UTF-8.
    static final int MAX_NAME_BYTES = 255;
    private static final String TEMPORARY_END = ".tmp";
    /// The reason the JDK gives for ENAMETOOLONG.
    private static final String NAME_TOO_LONG = "File name too long";

    private Exports() {}

    /// Returns the folder `file` goes in, or throws an [IOException] that says, in words, why
    /// `file` cannot be written (a folder, a link, a device, a missing folder, no permission, a
    /// name too long). Creates the temporary file a write would, and deletes it.
    public static Path checkWritable(Path file) throws IOException {
        Path dir = checkPath(file);
        Files.delete(createTemporary(dir, file));
        return dir;
    }

    /// The checks of [#checkWritable] that need no file made.
    private static Path checkPath(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            throw new IOException(file + " is a symbolic link: give the file it points to, or another name");
        }
        if (Files.isDirectory(abs)) throw new IOException(file + " is a folder, not a file");
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file (a device, a pipe or a socket): give a file name");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IOException("the folder " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new IOException("cannot write in " + dir);
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new IOException(file + " is not writable");
        if (abs.getFileName().toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IOException("the name " + abs.getFileName() + " is too long: file systems take " + MAX_NAME_BYTES
                    + " bytes at most");
        }
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
    /// permissions, as if it had been created directly. The path is checked again here, as
    /// [#checkWritable] does: a link or a device that appeared meanwhile is not replaced either.
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path tmp = createTemporary(checkPath(file), file);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// A new empty file next to `file` (not `Files.createTempFile`, whose files are private to
    /// their owner and would stay so after the rename), its name as long as `file`'s, so that
    /// making it fails where making `file` would: "." and a random part, then the end of the name.
    private static Path createTemporary(Path dir, Path file) throws IOException {
        String name = file.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(temporaryName(name, ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 10) throw taken;
            } catch (AccessDeniedException e) {
                throw new IOException("cannot write in " + dir, e);
            } catch (FileSystemException e) {
                if (NAME_TOO_LONG.equals(e.getReason())) {
                    // the name itself was checked: it is the whole path, folders included
                    throw new IOException(String.format(Locale.ROOT, "the path of %s is too long: %,d bytes with its folders, "
                            + "more than the file system takes", file, tmp.toString().getBytes(StandardCharsets.UTF_8).length), e);
                }
                String why = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
                throw new IOException("cannot create " + file + " in " + dir + ": " + why, e);
            }
        }
    }

    /// ".3f9a…c1.tmp~" + the end of `name`, exactly as many UTF-8 bytes as `name` when it is
    /// long enough; a short name gets a longer one, which any file system takes.
    static String temporaryName(String name, long random) {
        String head = "." + String.format(Locale.ROOT, "%016x", random) + TEMPORARY_END + "~";
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= head.length()) return head + name;
        int cut = head.length();
        while (cut < bytes.length && (bytes[cut] & 0xC0) == 0x80) cut++; // not in the middle of a character
        String tail = new String(bytes, cut, bytes.length - cut, StandardCharsets.UTF_8);
        return head + "_".repeat(cut - head.length()) + tail;
    }

    /// One line of a possibly multi-line message.
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
