package org.concurrencylab.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/// The non-blocking HTTP client of the event loop (aiohttp's `ClientSession`), built once: any
/// number of requests can be in flight while the caller's thread runs on.
///
/// The client adds one platform thread, `http-client`: a Netty event loop ([ClientLoop]) that
/// opens the connections, writes the requests, reads the answers, keeps idle connections for the
/// next request, runs the timers and completes the futures. Code attached to a [#fetch] future
/// runs on that thread and must be short; the lab's event loop only notes the time there and hops
/// onto its own thread. Measured against the JDK's `HttpClient` with a thousand requests in flight
/// on two cores, it costs a fraction of the CPU per request (see docs/MEASUREMENTS.md).
///
/// The limits are those of [Http], so every model ends a download alike: the connect timeout;
/// the read timeout, for the answer and then for each wait between its bytes; the deadline for
/// the whole exchange, redirects included. Redirects are followed within the URL's [Origin].
/// Bodies beyond [Http#MAX_BODY_BYTES] fail. A request on a kept-alive connection that the
/// server closed meanwhile is sent once more on a new one, as OkHttp does.
///
/// Failures carry the same readable messages as [Http]: "HTTP 500 Internal Server Error",
/// "connection refused: 127.0.0.1:1", "unknown host: example.invalid", "timed out: host:port",
/// "cancelled".
///
/// Thread-safety: thread-safe; [#fetch] may be called from any thread.
public final class AsyncHttp implements AutoCloseable {
    private final ClientLoop loop;
    private final Duration readTimeout;
    private final Duration deadline;
    /// The client this one was derived from ([#withTimeouts]), which owns the loop; null if this
    /// one owns it.
    private final AsyncHttp origin;
    /// The downloads not over yet, of this client and those derived from it: [#close] ends them.
    private final Set<Call> live;
    private volatile boolean closed;

    private AsyncHttp(ClientLoop loop, Duration readTimeout, Duration deadline, AsyncHttp origin) {
        this.loop = loop;
        this.readTimeout = readTimeout;
        this.deadline = deadline;
        this.origin = origin;
        this.live = origin == null ? ConcurrentHashMap.newKeySet() : origin.live;
    }

    /// A client whose connections must open within `connectTimeout`, whose answers and bytes
    /// must come within `readTimeout` of each other, and whose downloads must be over within the
    /// [default deadline][Http#DEFAULT_DEADLINE].
    public static AsyncHttp create(Duration connectTimeout, Duration readTimeout) {
        return create(connectTimeout, readTimeout, Http.DEFAULT_DEADLINE);
    }

    /// The same with downloads that must be over within `deadline`.
    public static AsyncHttp create(Duration connectTimeout, Duration readTimeout, Duration deadline) {
        return new AsyncHttp(new ClientLoop(connectTimeout), readTimeout, deadline, null);
    }

    /// Connect timeout 10 s, read timeout 30 s, deadline 60 s, as the blocking models' client.
    public static AsyncHttp createDefault() {
        return create(Duration.ofSeconds(10), Duration.ofSeconds(30), Http.DEFAULT_DEADLINE);
    }

    /// This client with another read timeout and deadline: the two share the loop, its thread,
    /// its connections and its connect timeout. The one returned owns none of them; closing it
    /// does nothing (they live until this client is closed).
    public AsyncHttp withTimeouts(Duration newReadTimeout, Duration newDeadline) {
        return new AsyncHttp(loop, newReadTimeout, newDeadline, origin == null ? this : origin);
    }

    /// How long a connection may take to open.
    public Duration connectTimeout() {
        return loop.connectTimeout();
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

    /// Starts downloading `uri` and returns at once. The future completes on the client's thread
    /// as soon as the body is read, with the page, or fails with a [FetchException] ("cancelled"
    /// once the client is closed); any status other than 2xx is a failure, but a redirect within
    /// the origin of `uri`, which is followed. Cancelling the future aborts the request and closes
    /// its connection.
    public CompletableFuture<Page> fetch(URI uri) {
        Call call = new Call(uri);
        live.add(call);
        call.whenComplete((page, error) -> live.remove(call));
        if (closed() || !loop.execute(call::start)) call.completeExceptionally(new FetchException("cancelled"));
        return call;
    }

    /// Aborts the requests in flight and releases the client's thread and connections; does
    /// nothing on a client made by [#withTimeouts], whose loop is its origin's.
    @Override
    public void close() {
        if (origin != null) return;
        closed = true;
        // each download still going ends "cancelled" and closes its connection on the loop, which
        // runs what is queued before it stops; one that raced the close ends after it
        cancelLive();
        loop.close();
        cancelLive();
    }

    private void cancelLive() {
        for (Call call : List.copyOf(live)) call.completeExceptionally(new FetchException("cancelled"));
    }

    /// One download: its requests (one, and one more per redirect followed) and its future,
    /// completed on the loop the moment the last byte is read. Cancelling it (or a timeout)
    /// closes the connection it uses.
    ///
    /// Thread-safety: its fields are the loop's; completion and cancellation may come from any thread.
    private final class Call extends CompletableFuture<Page> implements ClientLoop.Listener {
        private final Origin from;
        private final long readNanos = readTimeout.toNanos();
        private final long deadlineNanos = deadline.toNanos();
        // loop
        private URI at;
        private Channel channel;
        private ScheduledFuture<?> timer;
        private long startedAt;
        private long lastData;
        private boolean reused;
        private boolean retried;
        private boolean answered;
        /// The head read last was an informational one (1xx): the answer is still to come.
        private boolean informational;
        private boolean keepAlive;
        private int redirects;
        private int status;
        private String location;
        /// The body of a 2xx answer as it is read.
        private BodyBuffer body;

        Call(URI uri) {
            this.from = Origin.of(uri);
            this.at = uri;
        }

        void start() {
            if (closed()) completeExceptionally(new FetchException("cancelled"));
            if (isDone()) return;
            startedAt = System.nanoTime();
            timer = loop.schedule(this::check, Math.min(deadlineNanos, readNanos));
            send(at);
        }

        // code:async-get
        /// Sends the request for `target` (the URL given, or a redirect's) on an idle connection
        /// to its origin if there is one, else on a new one.
        private void send(URI target) {
            at = target;
            Origin to = Origin.of(target);
            if (!(to.scheme().equals("http") || to.scheme().equals("https")) || to.host().isEmpty() || to.port() < 1) {
                completeExceptionally(new FetchException("not an http(s) URL: " + target));
                return;
            }
            Channel idle = loop.takeIdle(to);
            if (idle != null) use(idle, true);
            else connect(to);
        }

        private void connect(Origin to) {
            URI target = at;
            loop.connect(to, this, (opened, error) -> {
                if (error != null) completeExceptionally(AsyncHttpMessages.failure(target, error, closed()));
                else use(opened, false);
            });
        }

        private void use(Channel connection, boolean kept) {
            if (closed()) completeExceptionally(new FetchException("cancelled"));
            if (isDone()) {
                connection.close();
                return;
            }
            channel = connection;
            reused = kept;
            answered = false;
            status = 0;
            location = null;
            body = null;
            ClientLoop.listen(connection, this);
            lastData = System.nanoTime();
            connection.writeAndFlush(AsyncHttpMessages.request(at)).addListener(f -> {
                if (!f.isSuccess() && channel == connection) onClosed(f.cause());
            });
        }
        // end:async-get

        @Override
        public void onObject(HttpObject part) {
            if (channel == null || isDone()) return;
            answered = true;
            lastData = System.nanoTime();
            if (part.decoderResult().isFailure()) {
                completeExceptionally(undecodable(part.decoderResult().cause()));
                return;
            }
            if (part instanceof HttpResponse head && !head(head)) return;
            if (informational) return; // its end; the real answer's head comes next
            if (part instanceof HttpContent content && status / 100 == 2 && !append(content.content())) return;
            if (part instanceof LastHttpContent) end();
        }

        /// The answer's head: a 2xx is read on, a redirect is followed once its body is read; false
        /// if the download failed.
        private boolean head(HttpResponse head) {
            status = head.status().code();
            if (status / 100 == 1 && status != 101) { // 100 Continue, 103 Early Hints: the answer follows
                informational = true;
                return false;
            }
            informational = false;
            keepAlive = HttpUtil.isKeepAlive(head);
            if (status / 100 == 2) {
                try {
                    body = new BodyBuffer(HttpUtil.getContentLength(head, -1L));
                    return true;
                } catch (FetchException tooLarge) {
                    return failed(tooLarge);
                }
            }
            location = Origin.isRedirect(status) ? head.headers().get(HttpHeaderNames.LOCATION) : null;
            if (location != null) return true;
            completeExceptionally(new FetchException(AsyncHttpMessages.statusLine(head.status())));
            return false;
        }

        private boolean append(ByteBuf bytes) {
            int n = bytes.readableBytes();
            try {
                body.reserve(n);
            } catch (FetchException tooLarge) {
                return failed(tooLarge);
            }
            bytes.readBytes(body.array(), body.size(), n);
            body.wrote(n);
            return true;
        }

        /// Fails the download with `why`; always false, the answer is not read on.
        private boolean failed(FetchException why) {
            completeExceptionally(why);
            return false;
        }

        /// The answer is read: its connection goes back to the pool, and the page is there, or
        /// the redirect is followed.
        private void end() {
            Channel connection = channel;
            channel = null;
            if (keepAlive && connection.isActive()) loop.release(Origin.of(at), connection);
            else close(connection);
            if (location == null) {
                timer.cancel(false);
                Page page = body.page(at, status);
                if (!complete(page)) page.release(); // stopped or timed out a moment ago: nobody reads it
                return;
            }
            try {
                send(from.follow(at, location, ++redirects));
            } catch (FetchException refused) {
                completeExceptionally(refused);
            }
        }

        /// The connection broke or was closed before the answer was read in full (`why` null:
        /// closed by the server). A kept-alive connection the server closed before answering is
        /// replaced once.
        @Override
        public void onClosed(Throwable why) {
            Channel connection = channel;
            if (connection == null || isDone()) return;
            channel = null;
            close(connection);
            if (closed()) {
                completeExceptionally(new FetchException("cancelled"));
                return;
            }
            if (reused && !answered && !retried) {
                retried = true;
                connect(Origin.of(at));
                return;
            }
            if (why != null) completeExceptionally(AsyncHttpMessages.failure(at, why, closed()));
            else if (answered) completeExceptionally(new FetchException("unexpected end of stream"));
            else completeExceptionally(new FetchException("the connection was closed before an answer: " + Origin.hostPort(at)));
        }

        /// What the HTTP decoder could not read: a first line that is no status line is quoted.
        private FetchException undecodable(Throwable cause) {
            if (cause instanceof PrematureChannelClosureException) return new FetchException("unexpected end of stream", cause);
            if (status == 0 && !(cause instanceof TooLongFrameException)) {
                return new FetchException("Invalid status line: \"" + ClientLoop.firstLine(channel) + "\"", cause);
            }
            return new FetchException(AsyncHttpMessages.describe(cause), cause);
        }

        /// The deadline, and while an answer is awaited the read timeout, checked by one timer.
        private void check() {
            if (isDone()) return;
            long now = System.nanoTime();
            long left = deadlineNanos - (now - startedAt);
            if (left <= 0) {
                completeExceptionally(FetchException.deadline(at, deadline.toMillis()));
                return;
            }
            boolean reading = channel != null;
            if (reading && now - lastData >= readNanos) {
                completeExceptionally(new FetchException("timed out: " + Origin.hostPort(at)));
                return;
            }
            // not reading yet (looking the host up, connecting): look again within a read timeout,
            // so that one that starts meanwhile is watched from then on
            timer = loop.schedule(this::check, Math.min(left, reading ? readNanos - (now - lastData) : readNanos));
        }

        @Override
        public boolean completeExceptionally(Throwable error) {
            boolean failed = super.completeExceptionally(error);
            if (failed) abort();
            return failed;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) abort();
            return cancelled;
        }

        /// Any thread: drops the timer and closes the connection in use, on the loop.
        private void abort() {
            if (!loop.inLoop()) {
                loop.execute(this::abort);
                return;
            }
            if (timer != null) timer.cancel(false);
            Channel connection = channel;
            channel = null;
            if (connection != null) close(connection);
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }

    private static void close(Channel connection) {
        ClientLoop.listen(connection, null);
        connection.close();
    }
}
