package org.concurrencylab.core.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/// Many writers and a live reader on one recorder, as during a run: workers append, the diagram
/// drains once per frame.
@Timeout(30)
class TraceRecorderConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int SEGMENTS_PER_WRITER = 10_000;
    private static final int BLOCK = 1_000;

    @Test
    void a_reader_draining_while_eight_writers_append_always_sees_a_consistent_prefix() throws Exception {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        List<Lane> lanes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) lanes.add(recorder.addLane("writer-" + w, LaneKind.THREAD));

        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger drains = new AtomicInteger();
        AtomicInteger writersLeft = new AtomicInteger(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (Lane lane : lanes) {
            writers.add(Thread.ofPlatform().name("writer-" + lane.id()).start(() -> {
                LaneTrack track = recorder.track(lane);
                try {
                    go.await();
                    for (int task = 0; task < SEGMENTS_PER_WRITER; task++) {
                        track.enter(task % 2 == 0 ? State.WORK : State.IO_WAIT, task, "");
                        // at the end of each block, wait for a whole drain that began after this
                        // point: the reader then surely saw this writer's span while it was open
                        if (task % BLOCK == BLOCK - 1) {
                            int seen = drains.get();
                            while (drains.get() < seen + 2) LockSupport.parkNanos(50_000);
                        }
                    }
                    track.idle();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    writersLeft.decrementAndGet();
                }
            }));
        }

        List<Segment> drained = new ArrayList<>();
        long[] lastEndOfLane = new long[WRITERS];
        int[] nextTaskOfLane = new int[WRITERS];
        AtomicInteger drainsWhileWriting = new AtomicInteger();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        AtomicBoolean openSegmentsWereSeen = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("reader").start(() -> {
            try {
                go.await();
                int position = 0;
                boolean last = false;
                while (!last) {
                    last = writersLeft.get() == 0;
                    if (!last) drainsWhileWriting.incrementAndGet();
                    int from = position;
                    int before = drained.size();
                    position = recorder.readFinished(from, drained::add);
                    assertThat(position).isGreaterThanOrEqualTo(from);
                    assertThat(drained.size() - before).isEqualTo(position - from);
                    for (Segment s : drained.subList(before, drained.size())) {
                        assertThat(s).isNotNull();
                        assertThat(s.open()).isFalse();
                        int lane = s.lane();
                        assertThat(lane).isBetween(0, WRITERS - 1);
                        // each lane's segments arrive in order, with no holes and no overlap
                        assertThat(s.task()).isEqualTo(nextTaskOfLane[lane]++);
                        assertThat(s.start()).isGreaterThanOrEqualTo(lastEndOfLane[lane]);
                        lastEndOfLane[lane] = s.end();
                    }
                    for (Segment open : recorder.openNow()) {
                        assertThat(open.open()).isTrue();
                        assertThat(open.end()).isGreaterThanOrEqualTo(open.start());
                        openSegmentsWereSeen.set(true);
                    }
                    drains.incrementAndGet();
                }
            } catch (Throwable t) {
                readerFailure.set(t);
            }
        });

        go.countDown();
        for (Thread writer : writers) writer.join();
        reader.join();

        assertThat(readerFailure.get()).as("reader failure").isNull();
        assertThat(drained).hasSize(WRITERS * SEGMENTS_PER_WRITER);
        assertThat(nextTaskOfLane).containsOnly(SEGMENTS_PER_WRITER);
        assertThat(recorder.openNow()).isEmpty();
        List<Segment> all = recorder.finished();
        assertThat(all).hasSize(drained.size());
        for (int i = 0; i < all.size(); i++) assertThat(all.get(i)).isSameAs(drained.get(i));
        SegmentChecks.assertNoOverlapWithinLanes(all);
        assertThat(drainsWhileWriting.get()).as("drains while writers were writing")
                .isGreaterThanOrEqualTo(SEGMENTS_PER_WRITER / BLOCK);
        assertThat(openSegmentsWereSeen).as("spans in progress seen by the reader").isTrue();
    }

    @Test
    void spans_begun_and_ended_on_many_threads_are_each_recorded_exactly_once() throws Exception {
        TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
        int threads = 8;
        int spans = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int lane = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < spans; i++) {
                    Span span = recorder.begin(lane, lane * spans + i, State.WORK, "");
                    if (i % 10 == 0) span.fail("boom " + i);
                    else span.end();
                }
            }));
        }
        go.countDown();
        for (Thread worker : workers) worker.join();

        List<Segment> all = recorder.finished();
        assertThat(all).hasSize(threads * spans);
        assertThat(all).extracting(Segment::task).doesNotHaveDuplicates();
        assertThat(all).filteredOn(Segment::failed).hasSize(threads * spans / 10);
        assertThat(recorder.openNow()).isEmpty();
        SegmentChecks.assertNoOverlapWithinLanes(all);
    }
}
