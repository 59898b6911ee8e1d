package org.concurrencylab.net;

import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import okhttp3.HttpUrl;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class HttpTest {
    private static DemoSites sites;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(0));
        http = Http.createDefault();
    }

    @AfterAll
    static void stop() {
        http.close();
        sites.close();
    }

    @Test
    void a_page_is_downloaded_whole_with_its_status() throws Exception {
        URI large = sites.pages().getFirst();

        Page page = http.fetch(large, call -> {});

        assertThat(page.uri()).isEqualTo(large);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).hasSize(SiteConfig.defaults().largeBytes());
    }

    @Test
    void every_fetch_hands_over_a_handle_to_cancel_it() throws Exception {
        AtomicReference<AutoCloseable> handle = new AtomicReference<>();

        http.fetch(sites.pages().getLast(), handle::set);

        assertThat(handle.get()).isNotNull();
    }

    @Test
    void a_server_error_fails_with_the_status_and_reason() {
        assertThatThrownBy(() -> http.fetch(sites.baseUri().resolve("/status/500"), call -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("HTTP 500");
        assertThatThrownBy(() -> http.fetch(sites.baseUri().resolve("/status/404"), call -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("HTTP 404");
    }

    @Test
    void an_unused_port_fails_as_connection_refused_naming_host_and_port() {
        assertThatThrownBy(() -> http.fetch(URI.create("http://127.0.0.1:1/"), call -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessage("connection refused: 127.0.0.1:1");
    }

    @Test
    void a_url_that_is_not_http_fails_without_a_request() {
        assertThatThrownBy(() -> http.fetch(URI.create("ftp://127.0.0.1/file"), call -> {}))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void a_url_resolved_against_its_origin_is_the_url_okhttp_parses_whole() {
        Http fresh = Http.createDefault();
        try {
            for (String url : List.of("http://127.0.0.1:8080/large?n=12", "http://127.0.0.1:8080", "http://127.0.0.1:8080?q=1",
                    "http://127.0.0.1:8080/a/./b/../c", "http://EXAMPLE.com/%7Euser/a%20b?x=%C3%A9&y", "https://example.com:443/",
                    "http://user:secret@example.com/private", "http://[::1]:9/x", "http://example.com/page#part",
                    "http://example.com//other.host/x", "http://bücher.example/", "HTTP://Example.COM:80/Path")) {
                URI uri = URI.create(url);
                HttpUrl whole = HttpUrl.get(url).newBuilder().fragment(null).build();
                // twice: the origin's URL parsed, then the one kept
                assertThat(fresh.url(uri)).as(url).isEqualTo(whole);
                assertThat(fresh.url(uri)).as(url).isEqualTo(whole);
            }
            assertThat(fresh.url(URI.create("ftp://127.0.0.1/file"))).isNull();
            assertThat(fresh.url(URI.create("mailto:someone@example.com"))).isNull();
        } finally {
            fresh.close();
        }
    }

    @Test
    void the_urls_of_many_origins_are_kept_up_to_a_bound_and_still_resolved_beyond_it() {
        Http fresh = Http.createDefault();
        try {
            for (int port = 1; port <= Http.MAX_ORIGINS + 10; port++) {
                String url = "http://127.0.0.1:" + port + "/p";
                assertThat(fresh.url(URI.create(url))).isEqualTo(HttpUrl.get(url));
            }
        } finally {
            fresh.close();
        }
    }

    @Test
    void closing_the_handle_aborts_a_blocked_fetch_long_before_the_answer() throws Exception {
        URI slow = sites.baseUri().resolve("/small?latency=5000");
        CompletableFuture<AutoCloseable> handle = new CompletableFuture<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        long start = System.nanoTime();
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                http.fetch(slow, handle::complete);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });

        Thread.sleep(100);
        handle.get(5, TimeUnit.SECONDS).close();
        Throwable error = outcome.get(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(error).isInstanceOf(FetchException.class).hasMessage("cancelled");
        // the server would only have answered after 5 s
        assertThat(tookMs).isLessThan(4_000);
    }
}
