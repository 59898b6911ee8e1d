package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsStoreTest {
    @TempDir
    Path dir;

    static Settings changed() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("workers", 12);
        values.put("processes", 3);
        values.put("downloadTasks", 400);
        values.put("cpuTasks", 30);
        values.put("fibTasks", 8);
        values.put("raceTasks", 1_000);
        values.put("base", 1_000_000L);
        values.put("fibN", 30);
        values.put("latencyMs", 25);
        values.put("jitterMs", 10);
        values.put("urls", List.of(URI.create("https://example.org/"), URI.create("https://example.com/")));
        values.put("maxConnections", 250);
        values.put("gil", true);
        values.put("switchMs", 2);
        values.put("increments", 50);
        values.put("counterMode", Step.CounterMode.ATOMIC);
        values.put("cpuMs", 35);
        values.put("connectTimeoutMs", 1_500);
        values.put("readTimeoutMs", 4_000);
        values.put("deadlineMs", 9_000);
        values.put("warmup", false);
        values.put("runtime", RuntimeKind.PYTHON);
        return new Settings(WorkloadKind.CPU, ModelKind.PROCESSES, new SettingValues(values), true, true,
                "/opt/python3.13/bin/python3");
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
    void every_setting_of_the_table_is_saved_by_its_key() throws Exception {
        Path file = dir.resolve("settings.json");
        new SettingsStore(file).save(changed());

        String json = Files.readString(file);
        for (String key : changed().values().values().keySet()) assertThat(json).contains("\"" + key + "\"");
        assertThat(RunParams.settingKeys()).containsAll(changed().values().values().keySet());
        assertThat(changed().spec().workers()).isEqualTo(3);
        assertThat(changed().values().spec(WorkloadKind.DOWNLOAD, ModelKind.THREADS).workers()).isEqualTo(12);
        RunSpec fib = changed().values().spec(WorkloadKind.FIB, ModelKind.SYNC);
        assertThat(fib.tasks()).as("fib's numbers are remembered apart from the sums'").isEqualTo(8);
        assertThat(fib.fibN()).isEqualTo(30);
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
    void a_value_that_cannot_run_or_is_unknown_takes_its_default_and_the_others_are_kept() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"workload": "cpu", "model": "nosuch", "workers": 0, "processes": 500, "latencyMs": 30, "gil": "yes",
                 "dark": true, "counterMode": "synchronized", "urls": "https://example.org/", "future": [1, 2]}
                """);

        SettingsStore.Loaded loaded = new SettingsStore(file).load();

        Settings s = loaded.settings();
        RunSpec download = s.values().spec(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
        assertThat(s.workload()).isEqualTo(WorkloadKind.CPU);
        assertThat(s.dark()).isTrue();
        assertThat(s.values().spec(WorkloadKind.RACE, ModelKind.THREADS).counterMode()).isEqualTo(Step.CounterMode.SYNCHRONIZED);
        assertThat(download.urls()).as("earlier versions kept the URLs as typed").containsExactly(URI.create("https://example.org/"));
        assertThat(s.model()).isEqualTo(Settings.defaults().model());
        assertThat(download.workers()).isEqualTo(5);
        assertThat(s.values().spec(WorkloadKind.CPU, ModelKind.PROCESSES).workers())
                .as("500 processes cannot run: the default").isEqualTo(ModelKind.PROCESSES.traits().workers().defaultCount());
        assertThat(download.gil()).isFalse();
        assertThat(loaded.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("model"))
                .anySatisfy(p -> assertThat(p).contains("workers")).anySatisfy(p -> assertThat(p).contains("processes"))
                .anySatisfy(p -> assertThat(p).contains("gil"));
    }

    @Test
    void a_value_that_cannot_run_cannot_be_held() {
        assertThatThrownBy(() -> new SettingValues(Map.of("workers", 0))).hasMessageContaining("workers");
        assertThatThrownBy(() -> new SettingValues(Map.of("processes", 65))).hasMessageContaining("64");
        assertThatThrownBy(() -> new SettingValues(Map.of("connectTimeoutMs", 0))).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> new SettingValues(Map.of("nosuch", 1))).hasMessageContaining("nosuch");
    }
}
