package org.concurrencylab.net;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
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
/// Failures carry the same readable messages as [Http]: "HTTP 500 Internal Server Error",
/// "connection refused: 127.0.0.1:1", "unknown host: example.invalid", "timed out: host:port",
/// "cancelled".
///
/// Thread-safety: thread-safe; [#fetch] may be called from any thread.
public final class AsyncHttp implements AutoCloseable {
    private final HttpClient client;
    private final Duration requestTimeout;
    /// The client this one was derived from ([#withRequestTimeout]), which owns the HTTP client;
    /// null if this one owns it.
    private final AsyncHttp origin;
    private volatile boolean closed;

    private AsyncHttp(HttpClient client, Duration requestTimeout, AsyncHttp origin) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.origin = origin;
    }

    /// A client whose connections must open within `connectTimeout` and whose responses must be
    /// complete within `requestTimeout` of sending.
    public static AsyncHttp create(Duration connectTimeout, Duration requestTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Runnable::run)
                .build();
        return new AsyncHttp(client, requestTimeout, null);
    }

    /// Connect timeout 10 s, request timeout 30 s, as the blocking models' client.
    public static AsyncHttp createDefault() {
        return create(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /// This client with another request timeout: the two share the JDK client, its thread, its
    /// connections and its connect timeout. The one returned owns none of them; closing it does
    /// nothing (they live until this client is closed).
    public AsyncHttp withRequestTimeout(Duration timeout) {
        return new AsyncHttp(client, timeout, origin == null ? this : origin);
    }

    /// How long a connection may take to open.
    public Duration connectTimeout() {
        return client.connectTimeout().orElseThrow();
    }

    /// How long a request may take, from sending it to the end of the body.
    public Duration requestTimeout() {
        return requestTimeout;
    }

    private boolean closed() {
        return origin == null ? closed : origin.closed;
    }

    /// Starts downloading `uri` and returns at once. The future completes on the selector thread
    /// as soon as the body is read, with the page, or fails with a [FetchException] ("cancelled"
    /// once the client is closed); any status other than 2xx is a failure. Cancelling the future
    /// aborts the request and closes its connection.
    public CompletableFuture<Page> fetch(URI uri) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new FetchException("not an http(s) URL: " + uri));
        }
        // code:async-get
        Call call = new Call(uri);
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(request, call::bodySubscriber);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.failedFuture(new FetchException(closed() ? "cancelled" : describe(e), e));
        }
        call.exchange = exchange;
        // The client's own timeout ends once the response headers are in: a body that stalls
        // would keep the request, its connection and the task waiting for ever. The deadline
        // covers the whole exchange; the timer is dropped as soon as the call completes.
        call.orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        // The page is usually delivered by the body subscriber already; this catches what fails
        // before there is a body (refused, unknown host, timed out) and any status line.
        exchange.whenComplete((response, error) -> {
            if (error != null) call.completeExceptionally(failure(uri, error));
            else if (response.statusCode() / 100 != 2) call.completeExceptionally(new FetchException(statusLine(response.statusCode())));
            else call.complete(new Page(uri, response.statusCode(), response.body()));
        });
        return call;
        // end:async-get
    }

    /// Aborts the requests in flight and releases the client's thread and connections; does
    /// nothing on a client made by [#withRequestTimeout], whose client is its origin's.
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

    /// A request's future. It completes from the body subscriber, on the selector thread, the
    /// moment the body is read: the future `sendAsync` returns completes only after one more hop
    /// through the common `ForkJoinPool`. Cancelling it aborts the exchange too.
    private static final class Call extends CompletableFuture<Page> {
        private final URI uri;
        private volatile CompletableFuture<?> exchange;

        Call(URI uri) {
            this.uri = uri;
        }

        HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
            int status = info.statusCode();
            if (status / 100 != 2) {
                HttpResponse.BodySubscriber<byte[]> discard = HttpResponse.BodySubscribers.replacing(new byte[0]);
                discard.getBody().whenComplete((body, error) -> completeExceptionally(new FetchException(statusLine(status))));
                return discard;
            }
            return new LimitedBody(this, status, info.headers().firstValueAsLong("Content-Length").orElse(-1));
        }

        /// The deadline of [#orTimeout] passed: the exchange is aborted and its connection closed.
        @Override
        public boolean completeExceptionally(Throwable error) {
            if (!(error instanceof TimeoutException)) return super.completeExceptionally(error);
            boolean timedOut = super.completeExceptionally(new FetchException("timed out: " + hostPort(uri), error));
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
            return new FetchException("timed out: " + hostPort(uri), e);
        }
        if (has(e, ConnectException.class)) return new FetchException("connection refused: " + hostPort(uri), e);
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

    private static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
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

    /// Collects a 2xx body up to [Http#MAX_BODY_BYTES] (into one array when its length is
    /// declared, so the client's buffers are let go at once) and fails beyond.
    ///
    /// Thread-safety: called by the client, one signal at a time (the Flow contract).
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final Call call;
        private final int status;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private byte[] bytes;
        private Flow.Subscription subscription;
        private long size;

        LimitedBody(Call call, int status, long declaredLength) {
            this.call = call;
            this.status = status;
            if (declaredLength > Http.MAX_BODY_BYTES) tooLarge();
            else if (declaredLength >= 0) bytes = new byte[(int) declaredLength];
        }

        private void tooLarge() {
            FetchException error = new FetchException("body larger than " + (Http.MAX_BODY_BYTES >> 20) + " MiB");
            body.completeExceptionally(error);
            call.completeExceptionally(error);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (body.isDone()) s.cancel();
            else s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) return;
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (size + n > Http.MAX_BODY_BYTES) {
                    buffers.clear();
                    tooLarge();
                    subscription.cancel();
                    return;
                }
                if (bytes != null && size + n > bytes.length) { // longer than declared: collect as it comes
                    buffers.add(ByteBuffer.wrap(bytes, 0, (int) size));
                    bytes = null;
                }
                if (bytes != null) b.get(bytes, (int) size, n);
                else buffers.add(b);
                size += n;
            }
        }

        @Override
        public void onError(Throwable error) {
            buffers.clear();
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) return;
            byte[] all = bytes != null && size == bytes.length ? bytes : collect();
            buffers.clear();
            body.complete(all);
            call.complete(new Page(call.uri, status, all));
        }

        private byte[] collect() {
            if (bytes != null) return Arrays.copyOf(bytes, (int) size);
            byte[] all = new byte[(int) size];
            int at = 0;
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                b.get(all, at, n);
                at += n;
            }
            return all;
        }
    }
}
