package org.concurrencylab.core.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentLogTest {

    private static Segment segment(int task) {
        return Segment.closed(0, task, State.WORK, task, task + 1L, "");
    }

    @Test
    void reading_crosses_chunk_boundaries_in_append_order() {
        SegmentLog log = new SegmentLog();
        int count = 3 * 4096 + 17;
        for (int i = 0; i < count; i++) log.append(segment(i));

        List<Segment> all = new ArrayList<>();
        int end = log.read(0, all::add);

        assertThat(end).isEqualTo(count);
        assertThat(log.reservedCount()).isEqualTo(count);
        for (int i = 0; i < count; i++) assertThat(all.get(i).task()).isEqualTo(i);
    }

    @Test
    void reading_from_a_position_hands_only_what_follows_it() {
        SegmentLog log = new SegmentLog();
        for (int i = 0; i < 5000; i++) log.append(segment(i));

        List<Segment> tail = new ArrayList<>();
        int end = log.read(4090, tail::add);

        assertThat(end).isEqualTo(5000);
        assertThat(tail).extracting(Segment::task).startsWith(4090, 4091).endsWith(4999).hasSize(910);
    }

    @Test
    void an_empty_log_hands_nothing() {
        SegmentLog log = new SegmentLog();
        List<Segment> none = new ArrayList<>();

        assertThat(log.read(0, none::add)).isZero();
        assertThat(none).isEmpty();
    }

    @Test
    void concurrent_appends_lose_nothing_and_duplicate_nothing() throws Exception {
        SegmentLog log = new SegmentLog();
        int threads = 8;
        int each = 4_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) log.append(segment(first + i));
            }));
        }
        go.countDown();
        for (Thread writer : writers) writer.join();

        boolean[] seen = new boolean[threads * each];
        int end = log.read(0, s -> {
            assertThat(seen[s.task()]).as("task %d twice", s.task()).isFalse();
            seen[s.task()] = true;
        });

        assertThat(end).isEqualTo(threads * each);
        assertThat(seen).containsOnly(true);
    }
}
