package org.concurrencylab.teach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Progress survives a restart, a damaged file never stops the lessons, and a save never
/// leaves half a file behind.
class LessonProgressTest {
    @TempDir
    Path dir;

    @Test
    void predictions_runs_and_position_come_back_after_a_restart() {
        LessonProgress progress = LessonProgress.open(dir);
        progress.predict("2.1", 2);
        progress.record("2.1", List.of(Records.wall("sync", 1, 2.8)));
        progress.record("3.1", List.of(Records.wall("threads", 1, 2.1), Records.wall("threads", 2, 1.05)));
        progress.predict("3.1", 1);
        progress.moveTo(new LessonProgress.Position(3, 1));

        LessonProgress again = LessonProgress.open(dir);

        assertThat(again.loadProblem()).isEmpty();
        assertThat(again.prediction("2.1")).hasValue(2);
        assertThat(again.prediction("3.1")).hasValue(1);
        assertThat(again.prediction("4.1")).isEmpty();
        assertThat(again.runs("2.1")).containsExactly(Records.wall("sync", 1, 2.8));
        assertThat(again.runs("3.1")).containsExactly(Records.wall("threads", 1, 2.1), Records.wall("threads", 2, 1.05));
        assertThat(again.runs("5.1")).isEmpty();
        assertThat(again.position()).isEqualTo(new LessonProgress.Position(3, 1));
    }

    @Test
    void a_new_prediction_keeps_the_runs_and_new_runs_keep_the_prediction() {
        LessonProgress progress = LessonProgress.open(dir);
        progress.record("4.1", List.of(Records.wall("sync", 1, 1.0)));
        progress.predict("4.1", 1);
        progress.record("4.1", List.of(Records.wall("sync", 1, 0.9)));

        LessonProgress again = LessonProgress.open(dir);
        assertThat(again.prediction("4.1")).hasValue(1);
        assertThat(again.runs("4.1")).containsExactly(Records.wall("sync", 1, 0.9));
    }

    @Test
    void no_file_yet_means_the_first_lesson_and_no_problem() {
        LessonProgress progress = LessonProgress.open(dir.resolve("not-made-yet"));

        assertThat(progress.position()).isEqualTo(LessonProgress.Position.START);
        assertThat(progress.loadProblem()).isEmpty();

        progress.predict("1.1", 0);
        assertThat(progress.saveProblem()).isEmpty();
        assertThat(dir.resolve("not-made-yet").resolve(LessonProgress.FILE_NAME)).exists();
    }

    @Test
    void a_damaged_file_starts_afresh_with_a_message_and_is_kept_aside() throws IOException {
        Files.writeString(dir.resolve(LessonProgress.FILE_NAME), "{\"format\": 1, \"steps\": {\"2.1\": {\"runs\": [tru");

        LessonProgress progress = LessonProgress.open(dir);

        assertThat(progress.loadProblem()).hasValueSatisfying(m -> assertThat(m)
                .contains(LessonProgress.FILE_NAME, "could not be read", "start afresh", LessonProgress.DAMAGED_NAME)
                .doesNotContain("\n"));
        assertThat(progress.runs("2.1")).isEmpty();
        assertThat(progress.position()).isEqualTo(LessonProgress.Position.START);
        assertThat(dir.resolve(LessonProgress.DAMAGED_NAME)).content().startsWith("{\"format\": 1");

        progress.predict("1.1", 1);
        assertThat(LessonProgress.open(dir).prediction("1.1")).hasValue(1);
    }

    @Test
    void a_file_of_another_format_or_with_impossible_values_is_damaged_too() throws IOException {
        Files.writeString(dir.resolve(LessonProgress.FILE_NAME), "{\"format\": 99, \"lesson\": 2, \"step\": 0, \"steps\": {}}");
        assertThat(LessonProgress.open(dir).loadProblem()).hasValueSatisfying(m -> assertThat(m).contains("format 99"));

        Files.writeString(dir.resolve(LessonProgress.FILE_NAME), """
                {"format": 1, "lesson": 2, "step": 0, "steps": {"2.1": {"prediction": 0, "runs": [
                  {"workload": "download", "model": "sync", "workers": 1, "tasks": 30, "gil": false,
                   "wallNanos": -5, "workNanos": 0, "ioNanos": 0, "errors": 0, "lost": null, "at": "2026-01-01T10:00:00Z"}]}}}
                """);
        LessonProgress progress = LessonProgress.open(dir);
        assertThat(progress.loadProblem()).hasValueSatisfying(m -> assertThat(m).contains("wall time must be >= 0"));
        assertThat(progress.runs("2.1")).isEmpty();

        Files.writeString(dir.resolve(LessonProgress.FILE_NAME), "");
        assertThat(LessonProgress.open(dir).loadProblem()).isPresent();
    }

    @Test
    void a_save_that_fails_says_why_and_keeps_the_progress_in_memory() throws IOException {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        LessonProgress progress = LessonProgress.open(notAFolder);

        progress.predict("1.1", 1);

        assertThat(progress.saveProblem()).hasValueSatisfying(m -> assertThat(m).contains("could not be saved"));
        assertThat(progress.prediction("1.1")).hasValue(1);
    }

    @Test
    void saving_leaves_only_the_progress_file() throws IOException {
        LessonProgress progress = LessonProgress.open(dir);
        for (int i = 0; i < 5; i++) progress.predict("1.1", i);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(LessonProgress.FILE_NAME);
        }
    }

    @Test
    void reset_forgets_everything() {
        LessonProgress progress = LessonProgress.open(dir);
        progress.predict("2.1", 2);
        progress.record("2.1", List.of(Records.wall("sync", 1, 2.8)));
        progress.moveTo(new LessonProgress.Position(2, 0));

        progress.reset();

        LessonProgress again = LessonProgress.open(dir);
        assertThat(again.runs("2.1")).isEmpty();
        assertThat(again.prediction("2.1")).isEmpty();
        assertThat(again.position()).isEqualTo(LessonProgress.Position.START);
    }
}
