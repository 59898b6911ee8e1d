package org.concurrencylab.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.NotSslRecordException;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;

/// What [AsyncHttp] sends and says: its request, and its failures in the words the blocking
/// client uses for the same faults ("connection refused: host:port", "HTTP 404 Not Found").
///
/// Thread-safety: stateless.
final class AsyncHttpMessages {
    private static final String USER_AGENT = "concurrency-lab";

    private AsyncHttpMessages() {}

    static FullHttpRequest request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        request.headers()
                .set(HttpHeaderNames.HOST, uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort())
                .set(HttpHeaderNames.USER_AGENT, USER_AGENT)
                .set(HttpHeaderNames.ACCEPT, "*/*");
        return request;
    }

    static FetchException failure(URI uri, Throwable error, boolean closed) {
        Throwable e = unwrap(error);
        if (e instanceof FetchException fetch) return fetch;
        if (e instanceof CancellationException || e instanceof RejectedExecutionException) return new FetchException("cancelled", e);
        if (FetchException.has(e, UnknownHostException.class)) return new FetchException("unknown host: " + uri.getHost(), e);
        if (FetchException.has(e, ConnectTimeoutException.class)) return new FetchException("timed out: " + Origin.hostPort(uri), e);
        if (FetchException.has(e, ConnectException.class)) return new FetchException("connection refused: " + Origin.hostPort(uri), e);
        if (FetchException.has(e, NotSslRecordException.class)) {
            return new FetchException("TLS failed: Unrecognized SSL message, plaintext connection?", e);
        }
        if (FetchException.has(e, SSLException.class)) return FetchException.tls(uri, e);
        if (closed) return new FetchException("cancelled", e);
        return new FetchException(describe(e), e);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /// "HTTP 404 Not Found", with the reason the server gave, or the standard one if it gave none.
    static String statusLine(HttpResponseStatus status) {
        String reason = status.reasonPhrase().isBlank() ? HttpResponseStatus.valueOf(status.code()).reasonPhrase() : status.reasonPhrase();
        return reason.isBlank() ? "HTTP " + status.code() : "HTTP " + status.code() + " " + reason;
    }
}
