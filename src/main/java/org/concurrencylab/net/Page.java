package org.concurrencylab.net;

import java.net.URI;
import java.util.Arrays;

/// A downloaded page: its bytes sit in a buffer of the downloads' pool until its task is done
/// with them and [releases][#release] it.
///
/// A page has one owner at a time: the download that read it, then the task it is handed to (by
/// a return, or a future's completion, which publishes it). Only the owner reads [#buffer] or
/// releases it. A page never released only costs the pool a buffer, which the collector takes.
///
/// Thread-safety: not thread-safe; [#uri], [#status] and [#size] may be read from any thread.
public final class Page {
    private final URI uri;
    private final int status;
    private final int size;
    /// Null once released.
    private byte[] buffer;

    Page(URI uri, int status, byte[] buffer, int size) {
        if (size < 0 || size > buffer.length) {
            throw new IllegalArgumentException("size " + size + " in a buffer of " + buffer.length);
        }
        this.uri = uri;
        this.status = status;
        this.buffer = buffer;
        this.size = size;
    }

    /// A page of a copy of `body`, in a buffer of the pool: a page for a step to read that no
    /// download made (a test's).
    public static Page of(URI uri, int status, byte[] body) {
        byte[] buffer = BodyBuffer.take(body.length);
        System.arraycopy(body, 0, buffer, 0, body.length);
        return new Page(uri, status, buffer, body.length);
    }

    /// Where it came from, after the redirects followed.
    public URI uri() {
        return uri;
    }

    /// The HTTP status code (2xx).
    public int status() {
        return status;
    }

    /// How many bytes the body has.
    public int size() {
        return size;
    }

    /// The buffer whose first [#size] bytes are the body (it may be longer), until [#release].
    ///
    /// @throws IllegalStateException once released
    public byte[] buffer() {
        if (buffer == null) throw new IllegalStateException("the page " + uri + " was released");
        return buffer;
    }

    /// A copy of the body's bytes.
    ///
    /// @throws IllegalStateException once released
    public byte[] body() {
        return Arrays.copyOf(buffer(), size);
    }

    /// Gives the buffer back to the pool for another download; the page's bytes are gone. Once
    /// is enough, again does nothing.
    public void release() {
        byte[] done = buffer;
        buffer = null;
        if (done != null) BodyBuffer.give(done);
    }

    @Override
    public String toString() {
        return "Page[" + uri + ", " + status + ", " + size + " bytes" + (buffer == null ? ", released" : "") + "]";
    }
}
