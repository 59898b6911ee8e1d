package org.concurrencylab.net;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/// The HTTP client the blocking models share: one `OkHttpClient`, built once.
///
/// OkHttp's client is thread-safe and meant to be shared (unlike Python's `requests.Session`,
/// which the article had to keep one per thread), so N pool threads really run N requests at
/// once over pooled connections.
///
/// Thread-safety: thread-safe; [#fetch] may be called from any number of threads.
public final class Http {
    /// Bodies larger than this fail the download instead of filling memory.
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final OkHttpClient client;
    /// Whether this client owns its threads and connections ([#close] releases them) or borrows
    /// them from the client it was derived from ([#withTimeouts]).
    private final boolean owner;

    private Http(OkHttpClient client, boolean owner) {
        this.client = client;
        this.owner = owner;
    }

    /// A client sized for up to `maxConcurrent` requests at once.
    public static Http create(int maxConcurrent, Duration connectTimeout, Duration readTimeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, maxConcurrent));
        dispatcher.setMaxRequestsPerHost(Math.max(64, maxConcurrent));
        OkHttpClient client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(64, maxConcurrent), 5, TimeUnit.MINUTES))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(true)
                .build();
        return new Http(client, true);
    }

    public static Http createDefault() {
        return create(1024, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /// This client with other timeouts. The two share their connection pool and threads (so
    /// making one is cheap); the one returned owns neither, and closing it does nothing: they
    /// live until this client is closed. The body cap and the failure messages are the same.
    public Http withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new Http(client.newBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout).build(), false);
    }

    /// How long a connection may take to open.
    public Duration connectTimeout() {
        return Duration.ofMillis(client.connectTimeoutMillis());
    }

    /// How long a download may wait for the next bytes of the response.
    public Duration readTimeout() {
        return Duration.ofMillis(client.readTimeoutMillis());
    }

    /// Downloads `uri`, blocking. `onCall` receives a handle that cancels the request from
    /// another thread (a stop). Any status other than 2xx is a failure.
    public Page fetch(URI uri, Consumer<AutoCloseable> onCall) throws FetchException {
        Request request;
        try {
            request = new Request.Builder().url(uri.toString()).get().build();
        } catch (IllegalArgumentException e) {
            throw new FetchException("not an http(s) URL: " + uri);
        }
        // code:blocking-get
        Call call = client.newCall(request);
        onCall.accept(call::cancel);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                String message = response.message().isBlank() ? "" : " " + response.message();
                throw new FetchException("HTTP " + response.code() + message);
            }
            ResponseBody body = response.body();
            BufferedSource source = body.source();
            if (source.request(MAX_BODY_BYTES + 1)) {
                throw new FetchException("body larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
            }
            return new Page(uri, response.code(), source.readByteArray());
            // end:blocking-get
        } catch (FetchException e) {
            throw e;
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host: " + uri.getHost(), e);
        } catch (ConnectException e) {
            throw new FetchException("connection refused: " + hostPort(uri), e);
        } catch (SocketTimeoutException e) {
            throw new FetchException("timed out: " + hostPort(uri), e);
        } catch (SSLException e) {
            throw FetchException.tls(uri, e);
        } catch (InterruptedIOException e) {
            throw new FetchException(call.isCanceled() ? "cancelled" : "interrupted", e);
        } catch (IOException e) {
            throw new FetchException(call.isCanceled() ? "cancelled" : describe(e), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception undeclared) {
            // OkHttp is written in Kotlin, which declares no checked exceptions: an interrupt
            // (a stop) can come out of it as a bare InterruptedException
            if (undeclared instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new FetchException(call.isCanceled() || undeclared instanceof InterruptedException ? "cancelled"
                    : undeclared.getClass().getSimpleName() + ": " + undeclared.getMessage(), undeclared);
        }
    }

    private static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
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
