package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsStoreTest {
    @TempDir
    Path dir;

    static Settings changed() {
        return new Settings(WorkloadKind.CPU, ModelKind.PROCESSES, 12, 3, 400, 30, 1_000, 1_000_000L, 25,
                "https://example.org/\nhttps://example.com/", 250, true, 2, 50, Step.CounterMode.ATOMIC, 35, 1_500, 4_000, false, true, true);
    }

    @Test
    void settings_survive_a_save_and_a_load_into_a_new_folder() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("lab").resolve("settings.json"));

        store.save(changed());
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("lab").resolve("settings.json")).load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(changed());
        try (Stream<Path> files = Files.list(dir.resolve("lab"))) {
            assertThat(files).as("no temporary file left").containsExactly(dir.resolve("lab").resolve("settings.json"));
        }
    }

    @Test
    void no_file_means_the_defaults_and_no_problem() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("settings.json")).load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void a_damaged_file_falls_back_to_the_defaults_and_says_so() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(changed());
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 3));

        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problems()).singleElement().asString().contains(file.toString()).endsWith("using the defaults");
    }

    @Test
    void a_field_out_of_range_or_unknown_takes_its_default_and_the_others_are_kept() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"workload": "cpu", "model": "nosuch", "workers": 0, "latencyMs": 30, "gil": "yes", "dark": true,
                 "counterMode": "synchronized", "future": [1, 2]}
                """);

        SettingsStore.Loaded loaded = new SettingsStore(file).load();

        Settings s = loaded.settings();
        assertThat(s.workload()).isEqualTo(WorkloadKind.CPU);
        assertThat(s.latencyMs()).isEqualTo(30);
        assertThat(s.dark()).isTrue();
        assertThat(s.counterMode()).isEqualTo(Step.CounterMode.SYNCHRONIZED);
        assertThat(s.model()).isEqualTo(Settings.defaults().model());
        assertThat(s.workers()).isEqualTo(Settings.defaults().workers());
        assertThat(s.gil()).isFalse();
        assertThat(loaded.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("model"))
                .anySatisfy(p -> assertThat(p).contains("workers")).anySatisfy(p -> assertThat(p).contains("gil"));
    }

    @Test
    void settings_out_of_range_cannot_be_made() {
        assertThatThrownBy(() -> new Settings(WorkloadKind.CPU, ModelKind.THREADS, 0, 2, 1, 1, 1, 0, 0, "", 1, false, 1, 1,
                Step.CounterMode.UNSAFE, 1, 1, 1, true, false, false)).hasMessageContaining("workers");
        assertThatThrownBy(() -> new Settings(WorkloadKind.CPU, ModelKind.THREADS, 1, 2, 1, 1, 1, 0, 0, "", 1, false, 1, 1,
                Step.CounterMode.UNSAFE, 1, 0, 1, true, false, false)).hasMessageContaining("connectTimeoutMs");
    }
}
