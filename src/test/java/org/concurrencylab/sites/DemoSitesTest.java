package org.concurrencylab.sites;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.workload.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

@Timeout(60)
class DemoSitesTest {
    private static DemoSites sites;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(0));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        sites.close();
        client.close();
    }

    private static HttpResponse<byte[]> get(DemoSites on, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(on.baseUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(20)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /// The server counts a request after its response is written, so a client may see the answer
    /// a moment before the count moves.
    private static long servedSoon(DemoSites on, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (on.served() < expected && System.nanoTime() < deadline) Thread.sleep(5);
        return on.served();
    }

    @Test
    void the_sites_listen_on_loopback_and_list_the_larger_page_first() {
        assertThat(sites.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(sites.baseUri().getPort()).isPositive();
        assertThat(sites.pages()).extracting(URI::getPath).containsExactly("/large", "/small");
    }

    @Test
    void the_large_and_small_pages_are_html_of_about_the_configured_sizes() throws Exception {
        HttpResponse<byte[]> large = get(sites, "/large");
        HttpResponse<byte[]> small = get(sites, "/small");

        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(large.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(large.body().length).isCloseTo(SiteConfig.defaults().largeBytes(), withinPercentage(10));
        assertThat(small.body().length).isCloseTo(SiteConfig.defaults().smallBytes(), withinPercentage(25));
        String html = new String(large.body(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(Kernels.parsePage(html, Kernels.Checkpoint.NONE).links()).isPositive();
    }

    @Test
    void the_same_page_is_served_identically_every_time() throws Exception {
        assertThat(get(sites, "/small").body()).isEqualTo(get(sites, "/small").body());
    }

    @Test
    void a_latency_in_the_query_delays_that_request_by_at_least_that_much() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get(sites, "/small?latency=150");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(150);
    }

    @Test
    void the_configured_latency_delays_every_request() throws Exception {
        try (DemoSites slow = DemoSites.start(SiteConfig.defaults().withLatencyMs(120))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = get(slow, "/large");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(tookMs).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void a_status_page_answers_that_status() throws Exception {
        assertThat(get(sites, "/status/503").statusCode()).isEqualTo(503);
        assertThat(get(sites, "/status/500").statusCode()).isEqualTo(500);
        assertThat(get(sites, "/status/204x").statusCode()).isEqualTo(400);
        assertThat(get(sites, "/status/999").statusCode()).isEqualTo(400);
    }

    @Test
    void an_unknown_page_is_not_found() throws Exception {
        assertThat(get(sites, "/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void a_failure_rate_of_one_fails_every_request_with_500() throws Exception {
        try (DemoSites failing = DemoSites.start(SiteConfig.defaults().withLatencyMs(0))) {
            failing.configure(failing.config().withFailureRate(1.0));
            for (String page : List.of("/large", "/small", "/status/200")) {
                assertThat(get(failing, page).statusCode()).as(page).isEqualTo(500);
            }
            failing.configure(failing.config().withFailureRate(0));
            assertThat(get(failing, "/large").statusCode()).isEqualTo(200);
            assertThat(servedSoon(failing, 4)).isEqualTo(4);
        }
    }

    @Test
    void two_hundred_concurrent_slow_requests_all_succeed_and_overlap() throws Exception {
        int requests = 200;
        try (DemoSites slow = DemoSites.start(SiteConfig.defaults().withLatencyMs(100));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String page = i % 2 == 0 ? "/large" : "/small";
                statuses.add(clients.submit(() -> get(slow, page).statusCode()));
            }
            for (Future<Integer> status : statuses) assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(servedSoon(slow, requests)).isEqualTo(requests);
            // one after another they would take 200 × 100 ms = 20 s
            assertThat(tookMs).isLessThan(5_000);
        }
    }

    @Test
    void a_closed_site_refuses_connections() throws Exception {
        DemoSites closed = DemoSites.start(SiteConfig.defaults().withLatencyMs(0));
        assertThat(get(closed, "/small").statusCode()).isEqualTo(200);
        closed.close();

        assertThatThrownBy(() -> get(closed, "/small")).isInstanceOf(IOException.class);
    }

    @Test
    void invalid_settings_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> SiteConfig.defaults().withLatencyMs(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> SiteConfig.defaults().withFailureRate(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure rate");
        assertThatThrownBy(() -> SiteConfig.defaults().withFailureRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure rate");
        assertThatThrownBy(() -> new SiteConfig(10, 11, 1024, 1024, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new SiteConfig(10, 0, 10, 1024, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page sizes");
    }

    @Test
    void lowering_the_latency_below_the_jitter_lowers_the_jitter_too() {
        SiteConfig jittery = new SiteConfig(50, 20, 1024, 512, 0);

        assertThat(jittery.withLatencyMs(5).jitterMs()).isEqualTo(5);
    }
}
