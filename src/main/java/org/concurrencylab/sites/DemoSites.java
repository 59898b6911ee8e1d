package org.concurrencylab.sites;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/// The embedded demo web sites: a small HTTP server on 127.0.0.1 and an ephemeral port, so the
/// download experiments work offline and with a latency we choose.
///
/// Pages: `/large` and `/small` (generated HTML with links and text), `/status/CODE` (answers
/// that status). Any page takes `?latency=MS` to override the configured latency for that one
/// request. Each request is served on its own virtual thread, so 10,000 open requests are fine.
///
/// Thread-safety: thread-safe; [#configure] may be called while requests are served (the next
/// request sees the new settings).
public final class DemoSites implements AutoCloseable {
    static {
        // Without TCP_NODELAY the server's separate header and body writes meet the client's
        // delayed ACK (Nagle), adding about 40 ms to every response. Read once, when the JDK's
        // server classes load, so it is set before the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server closes idle keep-alive connections beyond 200 by default; clients with a
        // thousand requests in flight then find their pooled connections closed under them.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] largePage;
    private final byte[] smallPage;
    private final AtomicLong served = new AtomicLong();
    private volatile SiteConfig config;

    private DemoSites(HttpServer server, ExecutorService executor, SiteConfig config) {
        this.server = server;
        this.executor = executor;
        this.config = config;
        this.largePage = PageGenerator.page("A larger page", config.largeBytes(), 1);
        this.smallPage = PageGenerator.page("A small page", config.smallBytes(), 2);
    }

    /// Starts the sites on 127.0.0.1 and a free port.
    public static DemoSites start(SiteConfig config) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16_384);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("demo-site-", 0).factory());
        DemoSites sites = new DemoSites(server, executor, config);
        server.createContext("/", sites::handle);
        server.setExecutor(executor);
        server.start();
        return sites;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /// The two demo pages, larger first.
    public List<URI> pages() {
        return List.of(baseUri().resolve("/large"), baseUri().resolve("/small"));
    }

    public SiteConfig config() {
        return config;
    }

    public void configure(SiteConfig newConfig) {
        this.config = newConfig;
    }

    /// How many requests were answered since start.
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SiteConfig c = config;
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long latency = parseLong(query.get("latency"), c.latencyMs());
            if (c.jitterMs() > 0 && !query.containsKey("latency")) {
                latency += ThreadLocalRandom.current().nextInt(-c.jitterMs(), c.jitterMs() + 1);
            }
            if (latency > 0) {
                try {
                    Thread.sleep(latency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            byte[] body;
            if (c.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < c.failureRate()) {
                status = 500;
                body = "<h1>500 Internal Server Error</h1><p>The demo site failed on purpose.</p>".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/large")) {
                body = largePage;
            } else if (path.equals("/small")) {
                body = smallPage;
            } else if (path.startsWith("/status/")) {
                status = (int) parseLong(path.substring("/status/".length()), 400);
                if (status < 200 || status > 599) status = 400;
                body = ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "<h1>404 Not Found</h1>".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                // in slices: the server keeps a connection's write buffer as large as its largest write
                for (int at = 0; at < body.length; at += 8192) out.write(body, at, Math.min(8192, body.length - at));
            }
            served.incrementAndGet();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null || raw.isEmpty()) return map;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    private static long parseLong(String text, long fallback) {
        if (text == null) return fallback;
        try {
            return Math.max(0, Math.min(Long.parseLong(text), SiteConfig.MAX_LATENCY_MS));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
