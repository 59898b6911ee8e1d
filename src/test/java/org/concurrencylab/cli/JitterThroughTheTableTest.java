package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.history.Settings;
import org.concurrencylab.history.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The demo sites' jitter, added to the lab by one entry of the table, reaches every place a
/// parameter goes: the command line's option and its checks, the run itself (the demo sites
/// answer some requests sooner than the latency, which no run without jitter can), the run file,
/// and the settings.
class JitterThroughTheTableTest {
    private static final int LATENCY = 60;
    private static final int JITTER = 40;

    @TempDir
    Path dir;

    @Test
    void the_option_runs_with_jitter_and_the_run_file_keeps_it() throws Exception {
        Path json = dir.resolve("run.json");
        CliRun.Outcome outcome = CliRun.run("run", "--workload", "download", "--model", "threads", "--tasks", "40",
                "--latency-ms", Integer.toString(LATENCY), "--jitter-ms", Integer.toString(JITTER), "--no-warmup",
                "--json", json.toString());

        assertThat(outcome.code()).as(outcome.err()).isZero();
        RunResult run = RunJson.read(json);
        assertThat(run.spec().get(RunParams.JITTER_MS)).isEqualTo(JITTER);
        assertThat(Files.readString(json)).contains("\"jitterMs\" : " + JITTER);
        // a site without jitter never answers before the latency; with ±40 ms one in four requests
        // is answered 20 ms early or more: none of 40 doing so would happen once in 100,000 runs
        List<Long> waits = run.segments().stream().filter(s -> s.state() == State.IO_WAIT).map(Segment::duration).toList();
        assertThat(waits).hasSize(40);
        assertThat(waits.stream().mapToLong(Long::longValue).min().orElseThrow())
                .isLessThan((LATENCY - JITTER / 2) * 1_000_000L);
    }

    @Test
    void without_jitter_no_request_is_answered_before_the_latency() throws Exception {
        Path json = dir.resolve("plain.json");
        CliRun.Outcome outcome = CliRun.run("run", "--workload", "download", "--model", "threads", "--tasks", "20",
                "--latency-ms", Integer.toString(LATENCY), "--no-warmup", "--json", json.toString());

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(RunJson.read(json).segments()).filteredOn(s -> s.state() == State.IO_WAIT)
                .allSatisfy(s -> assertThat(s.duration()).isGreaterThanOrEqualTo(LATENCY * 1_000_000L));
    }

    @Test
    void the_option_is_checked_against_the_table() {
        CliRun.assertRefused(List.of("run", "--workload", "download", "--jitter-ms", "100"),
                "--jitter-ms must not be more than the latency (90 ms), was 100");
        CliRun.assertRefused(List.of("run", "--jitter-ms", "-1"), "--jitter-ms must be between 0 and 60000 ms, was -1");
        CliRun.assertRefused(List.of("run", "--workload", "cpu", "--jitter-ms", "5"), "--jitter-ms applies only to downloads");
        CliRun.assertRefused(List.of("run", "--url", "http://example.org/", "--jitter-ms", "5"), "--jitter-ms applies only to downloads");
        assertThat(CliRun.run("run", "--help").out()).contains("--jitter-ms=MS");
    }

    @Test
    void the_settings_remember_it() throws Exception {
        Settings settings = new Settings(WorkloadKind.DOWNLOAD, ModelKind.THREADS,
                new SettingValues(Map.of("latencyMs", LATENCY, "jitterMs", JITTER)), false, false);
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(settings);

        RunSpec restored = store.load().settings().spec();
        assertThat(restored.get(RunParams.JITTER_MS)).isEqualTo(JITTER);
        assertThat(restored.configureSites(org.concurrencylab.sites.SiteConfig.defaults()).jitterMs()).isEqualTo(JITTER);
    }
}
