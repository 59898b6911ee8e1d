package org.concurrencylab.net;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The pool of page buffers and a body read into one: sizes, reuse, the pool's bound, the cap
/// on a body, and what a page does once released.
class BodyBufferTest {
    private static final URI AT = URI.create("http://127.0.0.1/page");

    @Test
    void buffers_come_in_powers_of_two_from_4_KiB_to_1_MiB_and_larger_ones_are_made_to_size() {
        assertThat(BodyBuffer.take(0)).hasSize(4096);
        assertThat(BodyBuffer.take(4096)).hasSize(4096);
        assertThat(BodyBuffer.take(4097)).hasSize(8192);
        assertThat(BodyBuffer.take(48 * 1024)).hasSize(64 * 1024);
        assertThat(BodyBuffer.take(1 << 20)).hasSize(1 << 20);
        assertThat(BodyBuffer.take((1 << 20) + 1)).hasSize((1 << 20) + 1);
    }

    @Test
    void a_buffer_given_back_serves_the_next_body_of_its_size_and_others_are_left_to_the_collector() {
        byte[] given = new byte[512 * 1024];
        BodyBuffer.give(given);
        assertThat(BodyBuffer.take(300_000)).isSameAs(given);

        long before = BodyBuffer.pooledBytes();
        BodyBuffer.give(new byte[5_000]); // not one of the pool's sizes
        BodyBuffer.give(new byte[2 << 20]); // beyond them
        BodyBuffer.give(new byte[1024]); // below them
        assertThat(BodyBuffer.pooledBytes()).isEqualTo(before);
    }

    @Test
    void the_pool_keeps_no_more_than_its_bound() {
        long before = BodyBuffer.pooledBytes();
        int count = (int) (BodyBuffer.MAX_POOLED_BYTES / (1 << 20)) + 8;
        for (int i = 0; i < count; i++) BodyBuffer.give(new byte[1 << 20]);
        assertThat(BodyBuffer.pooledBytes()).isLessThanOrEqualTo(BodyBuffer.MAX_POOLED_BYTES).isGreaterThan(before);
        // empties the pool's 1 MiB buffers again for the tests after this one
        List<byte[]> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) taken.add(BodyBuffer.take(1 << 20));
        assertThat(taken).hasSize(count);
    }

    @Test
    void a_body_of_unannounced_length_grows_and_keeps_every_byte() throws FetchException {
        BodyBuffer body = new BodyBuffer(-1);
        assertThat(body.array()).hasSize(BodyBuffer.FIRST);
        for (int i = 0; i < 50_000; i++) {
            body.reserve(1);
            body.array()[body.size()] = (byte) i;
            body.wrote(1);
        }
        Page page = body.page(AT, 200);

        assertThat(page.size()).isEqualTo(50_000);
        assertThat(page.buffer().length).isGreaterThanOrEqualTo(50_000);
        byte[] bytes = page.body();
        assertThat(bytes).hasSize(50_000);
        for (int i = 0; i < bytes.length; i++) assertThat(bytes[i]).isEqualTo((byte) i);
    }

    @Test
    void a_body_may_be_as_large_as_the_cap_and_not_one_byte_more() throws FetchException {
        assertThatThrownBy(() -> new BodyBuffer(Http.MAX_BODY_BYTES + 1)).hasMessage("body larger than 32 MiB");

        BodyBuffer body = new BodyBuffer(-1);
        body.reserve((int) Http.MAX_BODY_BYTES);
        body.wrote((int) Http.MAX_BODY_BYTES);
        assertThatThrownBy(() -> body.reserve(1)).isInstanceOf(FetchException.class).hasMessage("body larger than 32 MiB");
        assertThat(body.page(AT, 200).size()).isEqualTo((int) Http.MAX_BODY_BYTES);
    }

    @Test
    void a_released_page_gives_its_buffer_back_once_and_is_no_longer_readable() throws FetchException {
        BodyBuffer body = new BodyBuffer(300_000); // a 512 KiB buffer, a size other tests rarely use
        body.reserve(3);
        body.wrote(3);
        Page page = body.page(AT, 200);
        byte[] buffer = page.buffer();

        long before = BodyBuffer.pooledBytes();
        page.release();
        page.release();

        assertThat(BodyBuffer.pooledBytes() - before).isEqualTo(buffer.length);
        assertThatThrownBy(page::buffer).isInstanceOf(IllegalStateException.class).hasMessage("the page " + AT + " was released");
        assertThatThrownBy(page::body).isInstanceOf(IllegalStateException.class);
        assertThat(page.size()).isEqualTo(3);
        assertThat(page).hasToString("Page[" + AT + ", 200, 3 bytes, released]");
        assertThat(BodyBuffer.take(300_000)).isSameAs(buffer);
    }
}
