package org.concurrencylab.core.jvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// A training is under way while its trainer lives: a partial file left by one that was killed
/// does not keep the next launch from training.
class AotFilesTest {
    private static final long WINDOW = TimeUnit.MINUTES.toMillis(3);

    @TempDir
    Path dir;

    @Test
    void a_partial_of_a_living_trainer_is_a_training_under_way() throws IOException {
        Path cache = dir.resolve("lab-0123.aot");
        Files.writeString(dir.resolve("lab-0123.aot." + ProcessHandle.current().pid() + ".tmp"), "");
        assertThat(AotFiles.trainingUnderWay(cache, WINDOW)).isTrue();
    }

    @Test
    void a_partial_whose_trainer_is_gone_is_no_training_under_way() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path cache = dir.resolve("lab-0123.aot");
        Path partial = dir.resolve("lab-0123.aot." + ended.pid() + ".tmp");
        Files.writeString(partial, "");
        assertThat(AotFiles.trainingUnderWay(cache, WINDOW)).isFalse();
        assertThat(partial).as("left for the JVM that may still record it, until it is old").exists();
    }

    @Test
    void an_old_partial_or_another_caches_is_no_training_of_this_one() throws IOException {
        Path cache = dir.resolve("lab-0123.aot");
        Path old = dir.resolve("lab-0123.aot." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(old, "");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3_600)));
        Files.writeString(dir.resolve("lab-4567.aot." + ProcessHandle.current().pid() + ".tmp"), "");
        assertThat(AotFiles.trainingUnderWay(cache, WINDOW)).isFalse();
    }

    @Test
    void a_partial_named_without_a_process_number_counts_as_under_way() {
        assertThat(AotFiles.trainerAlive("lab-0123.aot.x.tmp", "lab-0123.aot.")).isTrue();
        assertThat(AotFiles.trainerAlive("lab-0123.aot..tmp", "lab-0123.aot.")).isTrue();
    }
}
