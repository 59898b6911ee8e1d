package org.concurrencylab.net;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/// Collects a 2xx body of the event loop's client up to [Http#MAX_BODY_BYTES] (into one array
/// when its length is declared, so the client's buffers are let go at once) and fails beyond.
/// It completes `page` itself, the moment the body is read, and tells `onData` of every bytes
/// that arrive (the read timeout counts from the last of them).
///
/// Thread-safety: called by the client, one signal at a time (the Flow contract).
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<Page> page;
    private final URI uri;
    private final int status;
    private final Runnable onData;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private byte[] bytes;
    private Flow.Subscription subscription;
    private long size;

    LimitedBody(CompletableFuture<Page> page, URI uri, int status, long declaredLength, Runnable onData) {
        this.page = page;
        this.uri = uri;
        this.status = status;
        this.onData = onData;
        if (declaredLength > Http.MAX_BODY_BYTES) tooLarge();
        else if (declaredLength >= 0) bytes = new byte[(int) declaredLength];
    }

    private void tooLarge() {
        FetchException error = new FetchException("body larger than " + (Http.MAX_BODY_BYTES >> 20) + " MiB");
        body.completeExceptionally(error);
        page.completeExceptionally(error);
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
        onData.run();
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
        page.complete(new Page(uri, status, all));
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
