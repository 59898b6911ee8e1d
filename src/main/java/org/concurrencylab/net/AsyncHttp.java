package org.concurrencylab.net;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/// The non-blocking HTTP client of the event loop: one `java.net.http.HttpClient` (aiohttp's
/// `ClientSession`), built once. Any number of requests can be in flight while the caller's
/// thread runs on.
///
/// The client adds one platform thread: its selector thread, which writes requests, reads
/// responses and completes the futures. Its executor runs each task right where it is handed
/// over (`r -> r.run()`, a configuration the JDK's client allows for), so a response goes from
/// the socket to the future without a hop between threads: measured with a thousand requests in
/// flight, that halves the client's CPU time against a single executor thread. The other side
/// of it: code attached to a [#fetch] future runs on the selector thread and must be short; the
/// event loop only notes the time there and hops onto its own thread with `whenCompleteAsync`.
///
/// The limits are those of [Http], so every model ends a download alike: the connect timeout;
/// the read timeout, for the answer (the JDK's request timeout, which ends with the headers)
/// and then for each wait between bytes of the body (a timer of [#TIMERS], put back as long as
/// bytes come); the deadline for the whole exchange, redirects included. Redirects are followed
/// here, within the URL's [Origin] (the JDK's client follows all or none).
///
/// Failures carry the same readable messages as [Http]: "HTTP 500 Internal Server Error",
/// "connection refused: 127.0.0.1:1", "unknown host: example.invalid", "timed out: host:port",
/// "cancelled".
///
/// Thread-safety: thread-safe; [#fetch] may be called from any thread.
public final class AsyncHttp implements AutoCloseable {
    /// The read timeouts' timers of every client: one daemon thread that only completes futures.
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;
    /// The client this one was derived from ([#withTimeouts]), which owns the HTTP client; null
    /// if this one owns it.
    private final AsyncHttp origin;
    private volatile boolean closed;

    private AsyncHttp(HttpClient client, Duration readTimeout, Duration deadline, AsyncHttp origin) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.deadline = deadline;
        this.origin = origin;
    }

    /// A client whose connections must open within `connectTimeout`, whose answers and bytes
    /// must come within `readTimeout` of each other, and whose downloads must be over within the
    /// [default deadline][Http#DEFAULT_DEADLINE].
    public static AsyncHttp create(Duration connectTimeout, Duration readTimeout) {
        return create(connectTimeout, readTimeout, Http.DEFAULT_DEADLINE);
    }

    /// The same with downloads that must be over within `deadline`.
    public static AsyncHttp create(Duration connectTimeout, Duration readTimeout, Duration deadline) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        return new AsyncHttp(client, readTimeout, deadline, null);
    }

    /// Connect timeout 10 s, read timeout 30 s, deadline 60 s, as the blocking models' client.
    public static AsyncHttp createDefault() {
        return create(Duration.ofSeconds(10), Duration.ofSeconds(30), Http.DEFAULT_DEADLINE);
    }

    /// This client with another read timeout and deadline: the two share the JDK client, its
    /// thread, its connections and its connect timeout. The one returned owns none of them;
    /// closing it does nothing (they live until this client is closed).
    public AsyncHttp withTimeouts(Duration newReadTimeout, Duration newDeadline) {
        return new AsyncHttp(client, newReadTimeout, newDeadline, origin == null ? this : origin);
    }

    /// How long a connection may take to open.
    public Duration connectTimeout() {
        return client.connectTimeout().orElseThrow();
    }

    /// How long a download may wait for the answer, and then for each next bytes of it.
    public Duration readTimeout() {
        return readTimeout;
    }

    /// How long one whole download may take, from sending the request to the end of the body.
    public Duration deadline() {
        return deadline;
    }

    private boolean closed() {
        return origin == null ? closed : origin.closed;
    }

    /// Starts downloading `uri` and returns at once. The future completes on the selector thread
    /// as soon as the body is read, with the page, or fails with a [FetchException] ("cancelled"
    /// once the client is closed); any status other than 2xx is a failure, but a redirect within
    /// the origin of `uri`, which is followed. Cancelling the future aborts the request and closes
    /// its connection.
    public CompletableFuture<Page> fetch(URI uri) {
        Call call = new Call(uri);
        call.send(uri);
        // The client's own timeout ends once the response headers are in: a body that drips
        // would keep the request, its connection and the task waiting for ever. The deadline
        // covers the whole exchange; the timer is dropped as soon as the call completes.
        call.orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS);
        return call;
    }

    /// Aborts the requests in flight and releases the client's thread and connections; does
    /// nothing on a client made by [#withTimeouts], whose client is its origin's.
    @Override
    public void close() {
        if (origin != null) return;
        closed = true;
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().daemon(true).name("http-read-timeouts").unstarted(r));
        timers.setRemoveOnCancelPolicy(true); // a download over drops its timer, and what it holds
        return timers;
    }

    /// One download: its requests (one, and one more per redirect followed) and its future. It
    /// completes from the body subscriber, on the selector thread, the moment the body is read:
    /// the future `sendAsync` returns completes only after one more hop through the common
    /// `ForkJoinPool`. Cancelling it aborts the exchange going on too.
    private final class Call extends CompletableFuture<Page> {
        private final Origin from;
        private final long readNanos = readTimeout.toNanos();
        /// The URL asked for now: the one given, or where a redirect led.
        private volatile URI at;
        private volatile CompletableFuture<?> exchange;
        private volatile long lastData;
        private volatile Future<?> readTimer;
        private int redirects;

        Call(URI uri) {
            this.from = Origin.of(uri);
            this.at = uri;
            whenComplete((page, error) -> {
                Future<?> timer = readTimer;
                if (timer != null) timer.cancel(false);
            });
        }

        /// Sends the request for `target` (the URL given, or a redirect's).
        void send(URI target) {
            at = target;
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(target).timeout(readTimeout).GET().build();
            } catch (IllegalArgumentException e) {
                completeExceptionally(new FetchException("not an http(s) URL: " + target));
                return;
            }
            // code:async-get
            CompletableFuture<HttpResponse<byte[]>> sent;
            try {
                sent = client.sendAsync(request, this::bodySubscriber);
            } catch (IllegalArgumentException | IllegalStateException e) {
                completeExceptionally(new FetchException(closed() ? "cancelled" : describe(e), e));
                return;
            }
            exchange = sent;
            if (isDone()) sent.cancel(true); // stopped or timed out meanwhile
            // The page is usually delivered by the body subscriber already; this catches what
            // fails before there is a body (refused, unknown host, timed out) and any status line.
            sent.whenComplete((response, error) -> {
                if (error != null) completeExceptionally(failure(target, error));
                else if (response.statusCode() / 100 == 2) complete(new Page(target, response.statusCode(), response.body()));
                else if (!Origin.isRedirect(response.statusCode()) || response.headers().firstValue("Location").isEmpty()) {
                    completeExceptionally(new FetchException(statusLine(response.statusCode())));
                }
            });
            // end:async-get
        }

        HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
            int status = info.statusCode();
            URI target = at;
            if (status / 100 != 2) {
                Optional<String> location = Origin.isRedirect(status) ? info.headers().firstValue("Location") : Optional.empty();
                HttpResponse.BodySubscriber<byte[]> discard = HttpResponse.BodySubscribers.replacing(new byte[0]);
                discard.getBody().whenComplete((body, error) -> {
                    if (location.isEmpty()) completeExceptionally(new FetchException(statusLine(status)));
                    else if (error == null) redirect(target, location.get());
                });
                return discard;
            }
            watchReads();
            return new LimitedBody(this, target, status, info.headers().firstValueAsLong("Content-Length").orElse(-1), this::data);
        }

        /// Follows a redirect within the origin, off the selector thread; else fails with why.
        private void redirect(URI target, String location) {
            if (isDone()) return;
            try {
                URI next = from.follow(target, location, ++redirects);
                CompletableFuture.runAsync(() -> send(next));
            } catch (FetchException refused) {
                completeExceptionally(refused);
            }
        }

        private void data() {
            lastData = System.nanoTime();
        }

        /// From the headers on, each wait for bytes is limited by the read timeout.
        private void watchReads() {
            data();
            Future<?> old = readTimer;
            if (old != null) old.cancel(false);
            readTimer = TIMERS.schedule(this::checkReads, readNanos, TimeUnit.NANOSECONDS);
        }

        private void checkReads() {
            if (isDone()) return;
            long waited = System.nanoTime() - lastData;
            if (waited >= readNanos) timeOut(new FetchException("timed out: " + Origin.hostPort(at)));
            else readTimer = TIMERS.schedule(this::checkReads, readNanos - waited, TimeUnit.NANOSECONDS);
        }

        /// The deadline of [#orTimeout] passed: the exchange is aborted and its connection closed.
        @Override
        public boolean completeExceptionally(Throwable error) {
            if (error instanceof TimeoutException) return timeOut(FetchException.deadline(at, deadline.toMillis()));
            return super.completeExceptionally(error);
        }

        private boolean timeOut(FetchException why) {
            boolean timedOut = super.completeExceptionally(why);
            CompletableFuture<?> e = exchange;
            if (timedOut && e != null) e.cancel(true);
            return timedOut;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<?> e = exchange;
            if (e != null) e.cancel(true);
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }

    private FetchException failure(URI uri, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof FetchException fetch) return fetch;
        if (e instanceof CancellationException) return new FetchException("cancelled", e);
        if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
            return new FetchException("unknown host: " + uri.getHost(), e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return new FetchException("timed out: " + Origin.hostPort(uri), e);
        }
        if (has(e, ConnectException.class)) return new FetchException("connection refused: " + Origin.hostPort(uri), e);
        if (has(e, SSLException.class)) return FetchException.tls(uri, e);
        if (closed()) return new FetchException("cancelled", e);
        return new FetchException(describe(e), e);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (type.isInstance(e)) return true;
            if (e.getCause() == e) break;
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /// "HTTP 404 Not Found": the JDK client does not keep the reason phrase, so the standard
    /// one is used, as OkHttp reports it from the status line.
    static String statusLine(int code) {
        String reason = REASONS.get(code);
        return reason == null ? "HTTP " + code : "HTTP " + code + " " + reason;
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
}
