package org.concurrencylab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// Atomic writes: all or nothing, no temporary file left, ordinary permissions.
class ExportsTest {
    @TempDir
    Path dir;

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void a_write_replaces_the_file_and_leaves_nothing_else() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old and longer");

        Exports.writeAtomically(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void a_write_that_fails_midway_keeps_the_old_file_and_removes_the_temporary_one() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> Exports.writeAtomically(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void a_written_file_has_the_permissions_of_a_file_created_directly_not_private_ones() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");

        Exports.writeAtomically(written, out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void an_unwritable_target_is_refused_before_anything_is_written() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));

        assertThatThrownBy(() -> Exports.writeAtomically(folder, out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> Exports.writeAtomically(dir.resolve("missing").resolve("x"), out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        assertThat(files()).containsExactly(folder);
    }
}
