package org.concurrencylab.net;

import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/// The bytes of a body as they are read, in a buffer from a pool the downloads share, until they
/// become a [Page]; the page gives the buffer back when its task is done with it
/// ([Page#release]).
///
/// Why a pool: a page's bytes were most of what a run of thousands of downloads allocated (70 %
/// on the event loop, 40 % on virtual threads), and each young collection copied the pages in
/// flight, which made a live diagram's frames late (see docs/MEASUREMENTS.md). A buffer from the
/// pool lives on, so a download allocates no page-sized array.
///
/// The buffers come in sizes of powers of two from 4 KiB to 1 MiB; a larger one is made for its
/// page and not kept. The pool keeps at most [#MAX_POOLED_BYTES]; a buffer given back beyond that,
/// or never given back (a download that failed, a page nobody released), is left to the
/// collector as before.
///
/// Thread-safety: a body buffer is its download's; the pool is thread-safe.
final class BodyBuffer {
    /// The first buffer of a body whose length is not announced; it grows as bytes come.
    static final int FIRST = 16 * 1024;
    /// How many bytes of free buffers the pool keeps at most.
    static final long MAX_POOLED_BYTES = 64L * 1024 * 1024;
    private static final int SMALLEST_SHIFT = 12; // 4 KiB
    private static final int LARGEST_SHIFT = 20; // 1 MiB
    @SuppressWarnings("unchecked")
    private static final ConcurrentLinkedQueue<byte[]>[] FREE =
            new ConcurrentLinkedQueue[LARGEST_SHIFT - SMALLEST_SHIFT + 1];
    private static final AtomicLong pooled = new AtomicLong();

    static {
        for (int i = 0; i < FREE.length; i++) FREE[i] = new ConcurrentLinkedQueue<>();
    }

    private byte[] bytes;
    private int size;

    /// A buffer for a body of `announced` bytes (-1: not announced).
    ///
    /// @throws FetchException if `announced` is beyond [Http#MAX_BODY_BYTES]
    BodyBuffer(long announced) throws FetchException {
        if (announced > Http.MAX_BODY_BYTES) throw tooLarge();
        bytes = take(announced >= 0 ? (int) announced : FIRST);
    }

    /// Reads the rest of `source`, a body of `announced` bytes (-1: not announced), as its bytes
    /// come.
    ///
    /// @throws FetchException if the body is larger than [Http#MAX_BODY_BYTES]
    static BodyBuffer read(BufferedSource source, long announced) throws FetchException, IOException {
        BodyBuffer body = new BodyBuffer(announced);
        Buffer received = source.getBuffer();
        while (source.request(1)) { // waits for the next bytes; false at the end of the body
            body.reserve(1);
            body.wrote(received.read(body.bytes, body.size, body.bytes.length - body.size));
        }
        return body;
    }

    /// The array the next bytes go to, at [#size].
    byte[] array() {
        return bytes;
    }

    /// How many bytes the body has so far.
    int size() {
        return size;
    }

    /// Makes room for `n` more bytes.
    ///
    /// @throws FetchException if the body would be larger than [Http#MAX_BODY_BYTES]
    void reserve(int n) throws FetchException {
        if (size + (long) n > Http.MAX_BODY_BYTES) throw tooLarge();
        if (size + n <= bytes.length) return;
        byte[] larger = take((int) Math.min(Http.MAX_BODY_BYTES, Math.max(size + n, 2L * bytes.length)));
        System.arraycopy(bytes, 0, larger, 0, size);
        give(bytes);
        bytes = larger;
    }

    /// `n` bytes were written at [#size].
    void wrote(int n) {
        size += n;
    }

    /// The page of these bytes, which owns the buffer from now on.
    Page page(URI at, int status) {
        Page page = new Page(at, status, bytes, size);
        bytes = null;
        return page;
    }

    private static FetchException tooLarge() {
        return new FetchException("body larger than " + (Http.MAX_BODY_BYTES >> 20) + " MiB");
    }

    /// A buffer of at least `size` bytes: a free one of the pool if there is one.
    static byte[] take(int size) {
        int shift = shiftFor(size);
        if (shift > LARGEST_SHIFT) return new byte[size];
        byte[] free = FREE[shift - SMALLEST_SHIFT].poll();
        if (free == null) return new byte[1 << shift];
        pooled.addAndGet(-free.length);
        return free;
    }

    /// Gives `buffer` back to the pool, which keeps it if it is one of its sizes and there is room.
    static void give(byte[] buffer) {
        int shift = Integer.numberOfTrailingZeros(buffer.length);
        if (buffer.length != 1 << shift || shift < SMALLEST_SHIFT || shift > LARGEST_SHIFT) return;
        if (pooled.addAndGet(buffer.length) > MAX_POOLED_BYTES) {
            pooled.addAndGet(-buffer.length);
            return;
        }
        FREE[shift - SMALLEST_SHIFT].offer(buffer);
    }

    /// How many bytes of free buffers the pool keeps now.
    static long pooledBytes() {
        return pooled.get();
    }

    /// The power of two of the smallest pool size that holds `size` bytes.
    private static int shiftFor(int size) {
        return size <= 1 << SMALLEST_SHIFT ? SMALLEST_SHIFT : 32 - Integer.numberOfLeadingZeros(size - 1);
    }
}
