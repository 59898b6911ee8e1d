package org.concurrencylab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Every production source stays readable in one sitting: no file of code under `src/main` (Java,
/// the harness's Python, the example programs, the style sheets) is over 400 lines. A file that
/// grows past it is split by what its parts do (see docs/ARCHITECTURE.md).
class SourceSizeTest {
    private static final int MAX_LINES = 400;
    private static final List<String> CODE = List.of(".java", ".py", ".css", ".fxml");

    @Test
    void no_production_source_is_over_400_lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            tooLong = files.filter(Files::isRegularFile)
                    .filter(f -> CODE.stream().anyMatch(f.toString()::endsWith))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + " (" + lines(f) + " lines)")
                    .toList();
        }
        assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
