package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunHistoryTest {
    @TempDir
    Path dir;

    @Test
    void a_saved_run_reloads_with_the_identical_trace() throws Exception {
        RunHistory history = new RunHistory(dir.resolve("history"), HistoryRuns.ticking());
        RunResult original = HistoryRuns.run(ModelKind.THREADS, 6);

        HistoryEntry saved = history.save(original);
        RunHistory.Loaded loaded = new RunHistory(dir.resolve("history")).load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(saved.id()).isEqualTo("20260301-140509-000-download-threads");
            assertThat(e.spec()).isEqualTo(original.spec());
            assertThat(e.wallNanos()).isEqualTo(original.wallNanos());
            assertThat(e.errors()).isEqualTo(1);
            assertThat(e.savedAt()).isEqualTo(Instant.parse("2026-03-01T14:05:09Z"));
            assertThat(e.name()).isNull();
            assertThat(e.displayName()).isEqualTo("Download sites · Thread pool (5 threads)");
        });
        RunResult back = history.open(loaded.entries().getFirst());
        assertThat(back).isEqualTo(original);
        assertThat(back.segments()).containsExactlyElementsOf(original.segments());
        assertThat(back.lanes()).containsExactlyElementsOf(original.lanes());
    }

    /// The list is read from each run's summary while its file is unchanged: the trace is not
    /// parsed at start-up. A file changed since is read and checked in full again.
    @Test
    void the_list_comes_from_the_summaries_while_the_run_files_are_unchanged() throws Exception {
        Path folder = dir.resolve("summaries");
        RunHistory history = new RunHistory(folder, HistoryRuns.ticking());
        RunResult original = HistoryRuns.run(ModelKind.THREADS, 6);
        HistoryEntry saved = history.save(original);
        Path file = RunHistory.runFile(folder, saved.id());
        HistoryEntry fromFile = new RunHistory(folder).load().entries().getFirst();

        // the same size and time, but no longer a run: only a summary can list it
        FileTime modified = Files.getLastModifiedTime(file);
        Files.write(file, " ".repeat((int) Files.size(file)).getBytes(StandardCharsets.US_ASCII));
        Files.setLastModifiedTime(file, modified);
        RunHistory.Loaded fromSummary = new RunHistory(folder).load();
        assertThat(fromSummary.problems()).isEmpty();
        assertThat(fromSummary.entries()).singleElement().isEqualTo(fromFile)
                .satisfies(e -> assertThat(e.spec()).isEqualTo(original.spec()));

        // changed since its summary: read in full, and skipped with the reason
        Files.writeString(file, "{");
        RunHistory.Loaded checked = new RunHistory(folder).load();
        assertThat(checked.entries()).isEmpty();
        assertThat(checked.problems()).singleElement().asString().startsWith("Skipped " + saved.id() + ".json: ");
    }

    @Test
    void the_runs_of_a_comparison_come_back_with_their_series_which_a_rename_keeps() throws Exception {
        RunHistory history = new RunHistory(dir.resolve("series"), HistoryRuns.ticking());
        HistoryEntry alone = history.save(HistoryRuns.run(ModelKind.SYNC, 2));
        HistoryEntry first = history.save(HistoryRuns.run(ModelKind.SYNC, 2), "Compare models · Download sites · 14:05:09");
        HistoryEntry second = history.save(HistoryRuns.run(ModelKind.THREADS, 2), "Compare models · Download sites · 14:05:09");
        history.rename(second, "the pool");

        List<HistoryEntry> loaded = new RunHistory(dir.resolve("series")).load().entries();

        assertThat(loaded).extracting(HistoryEntry::id).containsExactly(second.id(), first.id(), alone.id());
        assertThat(loaded).extracting(HistoryEntry::series).containsExactly("Compare models · Download sites · 14:05:09",
                "Compare models · Download sites · 14:05:09", null);
        assertThat(loaded.getFirst().name()).isEqualTo("the pool");
    }

    @Test
    void the_newest_run_comes_first_and_two_saves_in_one_millisecond_get_their_own_files() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        RunHistory sameTime = new RunHistory(dir, frozen);
        HistoryEntry a = sameTime.save(HistoryRuns.run(ModelKind.THREADS, 3));
        HistoryEntry b = sameTime.save(HistoryRuns.run(ModelKind.THREADS, 3));
        assertThat(b.id()).isEqualTo(a.id() + "-2");

        RunHistory history = new RunHistory(dir.resolve("ordered"), HistoryRuns.ticking());
        HistoryEntry first = history.save(HistoryRuns.run(ModelKind.SYNC, 2));
        HistoryEntry second = history.save(HistoryRuns.run(ModelKind.THREADS, 2));
        assertThat(history.load().entries()).extracting(HistoryEntry::id).containsExactly(second.id(), first.id());
    }

    @Test
    void a_file_cut_short_mid_write_is_skipped_with_a_message_and_the_others_load() throws Exception {
        RunHistory history = new RunHistory(dir, HistoryRuns.ticking());
        HistoryEntry good = history.save(HistoryRuns.run(ModelKind.THREADS, 4));
        HistoryEntry cut = history.save(HistoryRuns.run(ModelKind.SYNC, 8));
        HistoryEntry alsoGood = history.save(HistoryRuns.run(ModelKind.EVENTLOOP, 4));
        Path cutFile = dir.resolve(cut.id() + ".json");
        byte[] whole = Files.readAllBytes(cutFile);
        Files.write(cutFile, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(dir.resolve("notes.txt"), "my notes");
        Files.writeString(dir.resolve("settings-backup.json"), "{\"workload\": \"cpu\"}");
        Files.writeString(dir.resolve(".run-123.json.tmp"), "{\"format\": 1, \"spec\"");

        RunHistory.Loaded loaded = history.load();

        assertThat(loaded.entries()).extracting(HistoryEntry::id).containsExactly(alsoGood.id(), good.id());
        assertThat(loaded.problems()).hasSize(3);
        assertThat(loaded.problems()).anySatisfy(p -> assertThat(p).startsWith("Skipped " + cut.id() + ".json: ")
                .contains("end-of-input").doesNotContain(dir.toString()).doesNotContain("[Source"));
        assertThat(loaded.problems()).anySatisfy(p -> assertThat(p).isEqualTo("Skipped notes.txt: not a run file"));
        assertThat(loaded.problems()).anySatisfy(p -> assertThat(p).startsWith("Skipped settings-backup.json: ")
                .contains("not a Concurrency Lab run file"));
        assertThat(loaded.problems()).as("a temporary file of a save is not a problem").noneMatch(p -> p.contains(".tmp"));
    }

    @Test
    void a_damaged_name_file_costs_only_the_name() throws Exception {
        RunHistory history = new RunHistory(dir, HistoryRuns.ticking());
        HistoryEntry e = history.rename(history.save(HistoryRuns.run(ModelKind.THREADS, 2)), "before");
        Files.writeString(dir.resolve(e.id() + ".meta.json"), "{\"name\": ");

        RunHistory.Loaded loaded = history.load();

        assertThat(loaded.entries()).singleElement().satisfies(x -> assertThat(x.name()).isNull());
        assertThat(loaded.problems()).singleElement().asString().contains(e.id()).contains("listed without it");
    }

    @Test
    void a_name_is_kept_beside_the_run_and_survives_a_reload() throws Exception {
        RunHistory history = new RunHistory(dir, HistoryRuns.ticking());
        HistoryEntry e = history.save(HistoryRuns.run(ModelKind.THREADS, 2));
        byte[] runBefore = Files.readAllBytes(dir.resolve(e.id() + ".json"));

        HistoryEntry renamed = history.rename(e, "  five   threads, warm  ");

        assertThat(renamed.name()).isEqualTo("five threads, warm");
        assertThat(history.load().entries()).singleElement().satisfies(x -> {
            assertThat(x.displayName()).isEqualTo("five threads, warm");
            assertThat(x.savedAt()).isEqualTo(e.savedAt());
        });
        assertThat(Files.readAllBytes(dir.resolve(e.id() + ".json"))).as("the run file is not rewritten").isEqualTo(runBefore);
        assertThat(history.rename(renamed, " ").name()).as("blank: back to the experiment's name").isNull();
        assertThatThrownBy(() -> history.rename(e, "x".repeat(201))).hasMessageContaining("at most 200");
    }

    @Test
    void delete_moves_a_run_to_the_trash_and_undo_brings_it_back_until_the_trash_is_emptied() throws Exception {
        RunHistory history = new RunHistory(dir, HistoryRuns.ticking());
        HistoryEntry keep = history.save(HistoryRuns.run(ModelKind.SYNC, 2));
        HistoryEntry gone = history.rename(history.save(HistoryRuns.run(ModelKind.THREADS, 2)), "to delete");

        history.delete(gone);
        assertThat(history.load().entries()).extracting(HistoryEntry::id).containsExactly(keep.id());
        assertThat(dir.resolve("trash").resolve(gone.id() + ".json")).exists();

        history.restore(gone);
        assertThat(history.load().entries()).extracting(HistoryEntry::displayName).containsExactly("to delete",
                keep.displayName());
        assertThat(history.open(gone)).isEqualTo(HistoryRuns.run(ModelKind.THREADS, 2));

        history.delete(gone);
        assertThat(history.emptyTrash()).isEqualTo(1);
        assertThatThrownBy(() -> history.restore(gone)).isInstanceOf(IOException.class).hasMessageContaining("no longer in the trash");
        assertThatThrownBy(() -> history.open(gone)).isInstanceOf(IOException.class);
        try (Stream<Path> trash = Files.list(dir.resolve("trash"))) {
            assertThat(trash).isEmpty();
        }
    }

    @Test
    void no_folder_yet_means_an_empty_history_and_no_problem() {
        RunHistory.Loaded loaded = new RunHistory(dir.resolve("not-yet")).load();

        assertThat(loaded.entries()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void the_lab_folder_is_the_property_else_the_environment_else_under_the_home_folder() {
        assertThat(AppHome.resolve("/data/lab", "/env/lab", "/home/ada").folder()).isEqualTo(Path.of("/data/lab"));
        assertThat(AppHome.resolve(null, "/env/lab", "/home/ada").folder()).isEqualTo(Path.of("/env/lab"));
        assertThat(AppHome.resolve(" ", "", "/home/ada").folder()).isEqualTo(Path.of("/home/ada/.concurrency-lab"));
        AppHome home = AppHome.resolve(null, null, "/home/ada");
        assertThat(home.history()).isEqualTo(Path.of("/home/ada/.concurrency-lab/history"));
        assertThat(home.settings()).isEqualTo(Path.of("/home/ada/.concurrency-lab/settings.json"));
        assertThat(RunHistory.in(home).folder()).isEqualTo(home.history());
    }
}
