package org.concurrencylab.core.trace;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/// An append-only, lock-free log of segments.
///
/// Thread-safety: any number of threads may [#append] at once; any number of readers may
/// [#read] at the same time. A writer reserves a slot with one atomic increment and publishes
/// the segment with a release store; a reader stops at the first slot not yet published, so
/// it always sees a prefix of the log with no holes (a consistent prefix).
final class SegmentLog {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    /// 65,536 chunks of 4,096: room for 268 million segments.
    private static final int MAX_CHUNKS = 1 << 16;

    private final AtomicReferenceArray<AtomicReferenceArray<Segment>> chunks =
            new AtomicReferenceArray<>(MAX_CHUNKS);
    private final AtomicInteger reserved = new AtomicInteger();

    /// Appends a segment. Never blocks on a lock; never throws unless the log is full.
    void append(Segment segment) {
        int index = reserved.getAndIncrement();
        if (index < 0 || (index >>> CHUNK_BITS) >= MAX_CHUNKS) {
            throw new IllegalStateException("trace is full: more than " + ((long) MAX_CHUNKS * CHUNK_SIZE) + " segments");
        }
        chunk(index >>> CHUNK_BITS).set(index & CHUNK_MASK, segment);
    }

    private AtomicReferenceArray<Segment> chunk(int chunkIndex) {
        AtomicReferenceArray<Segment> chunk = chunks.get(chunkIndex);
        if (chunk == null) {
            AtomicReferenceArray<Segment> fresh = new AtomicReferenceArray<>(CHUNK_SIZE);
            chunk = chunks.compareAndExchange(chunkIndex, null, fresh);
            if (chunk == null) chunk = fresh;
        }
        return chunk;
    }

    /// Hands every published segment from `from` on to `sink`, in log order, and returns the
    /// index after the last one handed (the position to resume from).
    int read(int from, Consumer<? super Segment> sink) {
        int i = from;
        while (true) {
            AtomicReferenceArray<Segment> chunk = chunks.get(i >>> CHUNK_BITS);
            if (chunk == null) return i;
            Segment s = chunk.get(i & CHUNK_MASK);
            if (s == null) return i;
            sink.accept(s);
            i++;
        }
    }

    /// Number of slots reserved so far (published or about to be).
    int reservedCount() {
        return reserved.get();
    }
}
