package org.concurrencylab.net;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/// The HTTP client the blocking models share: one `OkHttpClient`, built once.
///
/// OkHttp's client is thread-safe and meant to be shared (unlike Python's `requests.Session`,
/// which the article had to keep one per thread), so N pool threads really run N requests at
/// once over pooled connections.
///
/// Three limits end a download that does not end by itself: the connect timeout, the read
/// timeout (each wait for the answer or its next bytes) and the deadline (OkHttp's call timeout,
/// the whole exchange, redirects included): without it a server that sends a byte a second would
/// keep a download going for hours. Redirects are followed only within the URL's [Origin].
///
/// Thread-safety: thread-safe; [#fetch] may be called from any number of threads.
public final class Http {
    /// Bodies larger than this fail the download instead of filling memory.
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /// The deadline of a download when none is given: a minute for the whole exchange.
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    /// How many origins' root URLs [#url] keeps; the root of an origin beyond them is parsed again
    /// at each of its downloads.
    static final int MAX_ORIGINS = 1024;

    private final OkHttpClient client;
    /// Whether this client owns its threads and connections ([#close] releases them) or borrows
    /// them from the client it was derived from ([#withTimeouts]).
    private final boolean owner;
    /// The parsed root URL of each origin (`scheme://authority`) downloaded from, shared with the
    /// clients derived from this one.
    private final Map<String, HttpUrl> origins;

    private Http(OkHttpClient client, boolean owner, Map<String, HttpUrl> origins) {
        this.client = client;
        this.owner = owner;
        this.origins = origins;
    }

    /// A client sized for up to `maxConcurrent` requests at once, with the default deadline.
    public static Http create(int maxConcurrent, Duration connectTimeout, Duration readTimeout) {
        return create(maxConcurrent, connectTimeout, readTimeout, DEFAULT_DEADLINE);
    }

    /// A client sized for up to `maxConcurrent` requests at once, each of which must be over
    /// within `deadline`.
    public static Http create(int maxConcurrent, Duration connectTimeout, Duration readTimeout, Duration deadline) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, maxConcurrent));
        dispatcher.setMaxRequestsPerHost(Math.max(64, maxConcurrent));
        OkHttpClient client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(64, maxConcurrent), 5, TimeUnit.MINUTES))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(deadline)
                // followed here, within the origin only
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .build();
        return new Http(client, true, new ConcurrentHashMap<>());
    }

    public static Http createDefault() {
        return create(1024, Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_DEADLINE);
    }

    /// This client with other timeouts and the default deadline; see [#withTimeouts(Duration, Duration, Duration)].
    public Http withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return withTimeouts(connectTimeout, readTimeout, DEFAULT_DEADLINE);
    }

    /// This client with other timeouts and deadline. The two share their connection pool and
    /// threads (so making one is cheap); the one returned owns neither, and closing it does
    /// nothing: they live until this client is closed. The body cap and the failure messages are
    /// the same.
    public Http withTimeouts(Duration connectTimeout, Duration readTimeout, Duration deadline) {
        return new Http(client.newBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout).callTimeout(deadline).build(),
                false, origins);
    }

    /// How long a connection may take to open.
    public Duration connectTimeout() {
        return Duration.ofMillis(client.connectTimeoutMillis());
    }

    /// How long a download may wait for the next bytes of the response.
    public Duration readTimeout() {
        return Duration.ofMillis(client.readTimeoutMillis());
    }

    /// How long one whole download may take (0: no limit).
    public Duration deadline() {
        return Duration.ofMillis(client.callTimeoutMillis());
    }

    /// Downloads `uri`, blocking. `onCall` receives a handle that cancels the download from
    /// another thread (a stop). Any status other than 2xx is a failure; a redirect is followed
    /// within the origin of `uri`, the deadline counting from the first request.
    public Page fetch(URI uri, Consumer<AutoCloseable> onCall) throws FetchException {
        Origin origin = Origin.of(uri);
        Stop stop = new Stop();
        onCall.accept(stop);
        long deadline = client.callTimeoutMillis();
        long start = System.nanoTime();
        URI at = uri;
        for (int redirects = 1; ; redirects++) {
            Call call = client.newCall(request(at));
            if (deadline > 0) {
                long left = deadline - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (left <= 0) throw FetchException.deadline(at, deadline);
                call.timeout().timeout(left, TimeUnit.MILLISECONDS);
            }
            if (!stop.watch(call)) throw new FetchException("cancelled");
            URI next = exchange(call, at, stop, deadline, origin, redirects);
            if (next == null) return stop.page;
            at = next;
        }
    }

    private Request request(URI uri) throws FetchException {
        HttpUrl url = url(uri);
        if (url == null) throw new FetchException("not an http(s) URL: " + uri);
        return new Request.Builder().url(url).get().build();
    }

    /// OkHttp's URL of `uri` (its fragment left out: a request never sends it), or null if it is
    /// not an http(s) URL. The origin's part is parsed once per origin and the path and query
    /// resolved against it: OkHttp's parse of a whole URL maps its host name through the IDNA
    /// table each time: about 3 % of the CPU samples of 5,000 downloads on virtual threads.
    HttpUrl url(URI uri) {
        String scheme = uri.getScheme();
        String authority = uri.getRawAuthority();
        String path = uri.getRawPath();
        // a path of "//x" would resolve as the name of another host
        if (scheme == null || authority == null || path == null || path.startsWith("//")) return HttpUrl.parse(uri.toString());
        String origin = scheme + "://" + authority;
        HttpUrl root = origins.get(origin);
        if (root == null) {
            root = HttpUrl.parse(origin + "/");
            if (root == null) return null;
            if (origins.size() < MAX_ORIGINS) origins.putIfAbsent(origin, root);
        }
        String query = uri.getRawQuery();
        return root.resolve((path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query));
    }

    /// One request of a download: returns where a redirect leads, or null when the page is in
    /// `stop.page`.
    private URI exchange(Call call, URI at, Stop stop, long deadline, Origin origin, int redirects) throws FetchException {
        // code:blocking-get
        try (Response response = call.execute()) {
            String location = response.header("Location");
            if (Origin.isRedirect(response.code()) && location != null) return origin.follow(at, location, redirects);
            if (!response.isSuccessful()) {
                String message = response.message().isBlank() ? "" : " " + response.message();
                throw new FetchException("HTTP " + response.code() + message);
            }
            ResponseBody body = response.body();
            BufferedSource source = body.source();
            stop.page = BodyBuffer.read(source, body.contentLength()).page(at, response.code());
            return null;
            // end:blocking-get
        } catch (FetchException e) {
            throw e;
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host: " + at.getHost(), e);
        } catch (ConnectException e) {
            throw new FetchException("connection refused: " + Origin.hostPort(at), e);
        } catch (SocketTimeoutException e) {
            throw new FetchException("timed out: " + Origin.hostPort(at), e);
        } catch (SSLException e) {
            throw FetchException.tls(at, e);
        } catch (IOException e) {
            // nobody but a stop and the deadline cancels a call: OkHttp reports its call timeout
            // as an InterruptedIOException "timeout", or as the failure the cancel caused
            if (stop.stopped) throw new FetchException("cancelled", e);
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new FetchException("interrupted", e);
            }
            if (call.isCanceled()) throw FetchException.deadline(at, deadline);
            throw new FetchException(describe(e), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception undeclared) {
            // OkHttp is written in Kotlin, which declares no checked exceptions: an interrupt
            // (a stop) can come out of it as a bare InterruptedException
            if (undeclared instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new FetchException(stop.stopped || undeclared instanceof InterruptedException ? "cancelled"
                    : undeclared.getClass().getSimpleName() + ": " + undeclared.getMessage(), undeclared);
        }
    }

    /// What a stop cancels: the call of the download going on now (a redirect makes another).
    ///
    /// Thread-safety: [#close] may come from any thread; the rest is the downloading thread's.
    private static final class Stop implements AutoCloseable {
        private volatile boolean stopped;
        private volatile Call call;
        private Page page;

        /// Makes `next` the call to cancel; false if the download was stopped already.
        boolean watch(Call next) {
            call = next;
            return !stopped;
        }

        @Override
        public void close() {
            stopped = true;
            Call current = call;
            if (current != null) current.cancel();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /// Releases the client's threads and pooled connections; does nothing on a client made by
    /// [#withTimeouts], whose threads and connections are its origin's.
    public void close() {
        if (!owner) return;
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
