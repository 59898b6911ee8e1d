package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.SumOfSquares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSpecTest {
    private final RunSpec downloads = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
    private final RunSpec sums = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS);

    @Test
    void the_defaults_are_the_article_settings() {
        assertThat(downloads.tasks()).isEqualTo(160);
        assertThat(downloads.latencyMs()).isEqualTo(90);
        assertThat(downloads.workers()).isEqualTo(5);
        assertThat(downloads.urls()).isEmpty();
        assertThat(downloads.warmup()).isTrue();
        assertThat(downloads.usesDemoSites()).isTrue();
        assertThat(downloads.toWorkload()).isEqualTo(DownloadSites.demo(160));

        assertThat(sums.tasks()).isEqualTo(20);
        assertThat(sums.base()).isEqualTo(5_000_000L);
        assertThat(sums.usesDemoSites()).isFalse();
        assertThat(sums.toWorkload()).isEqualTo(SumOfSquares.articleDefault());

        assertThat(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).workers()).isEqualTo(1);
    }

    @Test
    void the_synchronous_model_always_has_one_worker() {
        RunSpec sync = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withWorkers(8);

        assertThat(sync.workers()).isEqualTo(1);
        assertThat(sums.withWorkers(8).withModel(ModelKind.SYNC).workers()).isEqualTo(1);
    }

    @Test
    void switching_from_sync_to_a_pool_gives_the_default_pool_size() {
        RunSpec sync = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC);

        assertThat(sync.withModel(ModelKind.THREADS).workers()).isEqualTo(5);
        assertThat(sums.withWorkers(12).withModel(ModelKind.THREADS).workers()).isEqualTo(12);
    }

    @Test
    void withers_change_one_value_and_keep_the_others() {
        List<URI> urls = List.of(URI.create("https://example.com/"));
        RunSpec changed = downloads.withTasks(7).with(RunParams.LATENCY_MS, 0).withUrls(urls).withWarmup(false);

        assertThat(changed).isEqualTo(new RunSpec(WorkloadKind.DOWNLOAD, ModelKind.THREADS, Map.of(
                RunParams.TASKS, 7, RunParams.URLS, urls, RunParams.WARMUP, false)));
        assertThat(changed.workers()).isEqualTo(5);
        assertThat(changed.usesDemoSites()).isFalse();
    }

    @Test
    void a_spec_holds_only_what_applies_to_it_and_carries_the_rest_through_a_change_of_model() {
        RunSpec sync = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).with(RunParams.MAX_CONNECTIONS, 1_000);

        assertThat(sync.applied()).doesNotContainKeys(RunParams.MAX_CONNECTIONS, RunParams.GIL, RunParams.BASE);
        assertThat(sync).isEqualTo(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC));
        assertThat(sync.withModel(ModelKind.EVENTLOOP).maxConnections()).isEqualTo(1_000);
        assertThat(sums.applied()).containsKey(RunParams.BASE).doesNotContainKeys(RunParams.LATENCY_MS, RunParams.URLS);
    }

    @Test
    void the_switch_interval_applies_only_with_the_gil_on() {
        RunSpec gil = sums.withGil(true).with(RunParams.SWITCH_MS, 7);

        assertThat(gil.applied()).containsEntry(RunParams.SWITCH_MS, 7);
        assertThat(gil.withGil(false).applied()).doesNotContainKey(RunParams.SWITCH_MS);
        assertThat(gil.withModel(ModelKind.PROCESSES).gil()).isFalse();
    }

    @Test
    void zero_workers_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> downloads.withWorkers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workers").hasMessageContaining("was 0");
        assertThatThrownBy(() -> downloads.withWorkers(1025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workers");
    }

    @Test
    void zero_tasks_are_rejected_for_either_workload() {
        assertThatThrownBy(() -> downloads.withTasks(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and").hasMessageContaining("was 0");
        assertThatThrownBy(() -> sums.withTasks(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and").hasMessageContaining("was 0");
    }

    @Test
    void a_negative_base_is_rejected_naming_the_field() {
        assertThatThrownBy(() -> sums.with(RunParams.BASE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
    }

    @Test
    void a_negative_or_huge_latency_is_rejected_naming_the_field() {
        assertThatThrownBy(() -> downloads.with(RunParams.LATENCY_MS, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency").hasMessageContaining("was -1");
        assertThatThrownBy(() -> downloads.with(RunParams.LATENCY_MS, 60_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notaurl", "ftp://x", "file:///etc/passwd", "mailto:a@example.com"})
    void urls_that_are_not_http_are_rejected_quoting_them(String text) {
        assertThatThrownBy(() -> downloads.withUrls(List.of(URI.create(text))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> RunSpec.parseUrl(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void a_url_without_a_host_is_rejected() {
        assertThatThrownBy(() -> RunSpec.parseUrl("http:///path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
    }

    @Test
    void a_malformed_url_is_rejected_with_the_reason() {
        assertThatThrownBy(() -> RunSpec.parseUrl("http://exa mple.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a valid URL");
    }

    @Test
    void http_and_https_urls_parse_after_trimming_blanks() {
        assertThat(RunSpec.parseUrl("http://example.com/a?b=1")).isEqualTo(URI.create("http://example.com/a?b=1"));
        assertThat(RunSpec.parseUrl("  HTTPS://example.org:8443/x  ")).isEqualTo(URI.create("HTTPS://example.org:8443/x"));
        assertThat(RunSpec.parseUrl("http://127.0.0.1:1/").getPort()).isEqualTo(1);
    }

    @Test
    void kinds_are_found_by_their_command_line_ids() {
        assertThat(WorkloadKind.byId("CPU")).contains(WorkloadKind.CPU);
        assertThat(WorkloadKind.byId("download")).contains(WorkloadKind.DOWNLOAD);
        assertThat(WorkloadKind.byId("nosuch")).isEmpty();
        assertThat(ModelKind.byId("threads")).contains(ModelKind.THREADS);
        assertThat(ModelKind.byId("sync")).contains(ModelKind.SYNC);
        assertThat(ModelKind.byId("gil")).isEmpty();
    }

    @Test
    void the_timeouts_default_to_10_and_30_seconds_and_change_alone() {
        assertThat(downloads.connectTimeoutMs()).isEqualTo(10_000);
        assertThat(downloads.readTimeoutMs()).isEqualTo(30_000);
        assertThat(downloads.defaultTimeouts()).isTrue();

        RunSpec changed = downloads.with(RunParams.CONNECT_TIMEOUT_MS, 250).with(RunParams.READ_TIMEOUT_MS, 600_000);
        assertThat(changed.connectTimeoutMs()).isEqualTo(250);
        assertThat(changed.readTimeoutMs()).isEqualTo(600_000);
        assertThat(changed.defaultTimeouts()).isFalse();
        assertThat(changed.with(RunParams.CONNECT_TIMEOUT_MS, 10_000).with(RunParams.READ_TIMEOUT_MS, 30_000)).isEqualTo(downloads);
        assertThat(changed.withModel(ModelKind.EVENTLOOP).withTasks(3).readTimeoutMs()).isEqualTo(600_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 600_001})
    void timeouts_out_of_range_are_rejected_naming_the_field(int ms) {
        assertThatThrownBy(() -> downloads.with(RunParams.CONNECT_TIMEOUT_MS, ms))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the connect timeout must be between 1 and 600000 ms, was " + ms);
        assertThatThrownBy(() -> downloads.with(RunParams.READ_TIMEOUT_MS, ms))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the read timeout must be between 1 and 600000 ms, was " + ms);
    }
}
