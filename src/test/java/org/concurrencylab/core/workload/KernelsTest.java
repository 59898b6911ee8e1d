package org.concurrencylab.core.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelsTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 10, 16_385, 1_000_003, 5_000_000})
    void the_sum_of_squares_equals_the_closed_form_exactly(long n) {
        assertThat(Kernels.sumOfSquares(n, Kernels.Checkpoint.NONE)).isEqualTo(SumOfSquares.expected(n));
    }

    @Test
    void the_sum_of_squares_reaches_a_checkpoint_once_every_check_interval() {
        AtomicInteger checks = new AtomicInteger();

        Kernels.sumOfSquares(3L * Kernels.CHECK_EVERY, checks::incrementAndGet);

        assertThat(checks.get()).isEqualTo(3);
    }

    @Test
    void a_checkpoint_that_throws_stops_the_sum_at_once() {
        AtomicInteger checks = new AtomicInteger();
        Kernels.Checkpoint stopAtSecond = () -> {
            if (checks.incrementAndGet() == 2) throw new IllegalStateException("stop");
        };

        assertThatThrownBy(() -> Kernels.sumOfSquares(1_000_000_000L, stopAtSecond))
                .isInstanceOf(IllegalStateException.class).hasMessage("stop");
        assertThat(checks.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10, 25, 26, 27, 30})
    void fib_by_the_recursion_equals_the_iterative_value_exactly(int n) {
        assertThat(Kernels.fibonacci(n, Kernels.Checkpoint.NONE)).isEqualTo(Fibonacci.expected(n));
    }

    @Test
    void fib_has_the_values_worked_out_by_hand_and_the_article_s_fib_35() {
        assertThat(Kernels.fibonacci(1, Kernels.Checkpoint.NONE)).isEqualTo(1);
        assertThat(Kernels.fibonacci(2, Kernels.Checkpoint.NONE)).isEqualTo(1);
        assertThat(Kernels.fibonacci(10, Kernels.Checkpoint.NONE)).isEqualTo(55);
        assertThat(Kernels.fibonacci(20, Kernels.Checkpoint.NONE)).isEqualTo(6_765);
        assertThat(Kernels.fibonacci(35, Kernels.Checkpoint.NONE)).as("about 30 million calls").isEqualTo(9_227_465L);
    }

    @Test
    void fib_reaches_a_checkpoint_in_every_call_above_the_unchecked_size_and_none_below() {
        AtomicInteger checks = new AtomicInteger();

        Kernels.fibonacci(Kernels.FIB_UNCHECKED, checks::incrementAndGet);
        assertThat(checks.get()).as("fib(%d) runs whole", Kernels.FIB_UNCHECKED).isZero();

        // calls with n above the size: c(n) = 1 + c(n - 1) + c(n - 2), which is fib(n - size + 2) - 1
        Kernels.fibonacci(30, checks::incrementAndGet);
        assertThat(checks.get()).isEqualTo(Fibonacci.expected(30 - Kernels.FIB_UNCHECKED + 2) - 1).isEqualTo(12);
    }

    @Test
    void a_checkpoint_that_throws_stops_fib_at_once() {
        AtomicInteger checks = new AtomicInteger();
        Kernels.Checkpoint stopAtThird = () -> {
            if (checks.incrementAndGet() == 3) throw new IllegalStateException("stop");
        };

        assertThatThrownBy(() -> Kernels.fibonacci(45, stopAtThird)).isInstanceOf(IllegalStateException.class).hasMessage("stop");
        assertThat(checks.get()).isEqualTo(3);
    }

    @Test
    void parsing_counts_the_links_of_a_page_in_any_case() {
        String html = "<p>See <a href=\"/one\">one</a>, <A HREF=\"/two\">two</A> and "
                + "<a class=\"x\" href=\"https://example.com/\">three</a>. <a name=\"anchor\">no link</a></p>";

        Kernels.PageSummary summary = Kernels.parsePage(html, Kernels.Checkpoint.NONE);

        assertThat(summary.links()).isEqualTo(3);
        assertThat(summary.chars()).isEqualTo(html.length());
    }

    @Test
    void parsing_counts_runs_of_letters_and_digits_as_words() {
        Kernels.PageSummary summary = Kernels.parsePage("one two, three 4 five-six élan", Kernels.Checkpoint.NONE);

        assertThat(summary.words()).isEqualTo(7);
        assertThat(summary.links()).isZero();
    }

    @Test
    void parsing_an_empty_page_finds_nothing() {
        assertThat(Kernels.parsePage("", Kernels.Checkpoint.NONE)).isEqualTo(new Kernels.PageSummary(0, 0, 0));
    }

    @Test
    void parsing_a_long_page_reaches_a_checkpoint_for_every_check_interval_of_characters() {
        AtomicInteger checks = new AtomicInteger();
        String page = "word ".repeat(2 * Kernels.CHECK_EVERY);

        Kernels.PageSummary summary = Kernels.parsePage(page, checks::incrementAndGet);

        assertThat(summary.words()).isEqualTo(2 * Kernels.CHECK_EVERY);
        // one at the start, then one per CHECK_EVERY characters: 5 characters a word
        assertThat(checks.get()).isEqualTo((page.length() + Kernels.CHECK_EVERY - 1) / Kernels.CHECK_EVERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>See <a href=\"/one\">one</a>, <A HREF=\"/two\">two</A> and <a\thRef=x>three</a> <a name=y>no</a></p>",
        "one two, three 4 five-six élan",
        "<a title=\"café\" href=\"/x\">ünïcödé words</a> 中文 text",
        "<a\u2003href=\"/em-space\">a link only as text</a>",
        "<a href\u001D\"/x\">no link: a control character is not =</a>",
        "<a href=\"/unclosed\"",
        "<a",
        "",
    })
    void parsing_the_bytes_counts_what_parsing_the_text_counts(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);

        assertThat(Kernels.parsePage(bytes, Kernels.Checkpoint.NONE)).isEqualTo(Kernels.parsePage(html, Kernels.Checkpoint.NONE));
        // the same bytes at the start of a longer buffer (a page in a pooled buffer): what lies
        // beyond them, an anchor's end, links, words, a character beyond ASCII, is not counted
        byte[] tail = " href=x> more <a href=\"/y\">words</a> é".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = Arrays.copyOf(bytes, bytes.length + tail.length);
        System.arraycopy(tail, 0, buffer, bytes.length, tail.length);
        assertThat(Kernels.parsePage(buffer, bytes.length, Kernels.Checkpoint.NONE)).isEqualTo(Kernels.parsePage(html, Kernels.Checkpoint.NONE));
    }

    @Test
    void parsing_the_bytes_of_a_long_page_reaches_a_checkpoint_for_every_check_interval_of_bytes() {
        AtomicInteger checks = new AtomicInteger();
        byte[] page = "word <a href=x>link</a> ".repeat(Kernels.CHECK_EVERY / 4).getBytes(StandardCharsets.US_ASCII);

        Kernels.PageSummary summary = Kernels.parsePage(page, checks::incrementAndGet);

        assertThat(summary.links()).isEqualTo(Kernels.CHECK_EVERY / 4);
        assertThat(summary.words()).isEqualTo(6 * (Kernels.CHECK_EVERY / 4)); // word, a, href, x, link, a: the tags' letters count too
        assertThat(checks.get()).isEqualTo((page.length + Kernels.CHECK_EVERY - 1) / Kernels.CHECK_EVERY);
    }

    /// The byte parser reads eight bytes at a time: random ASCII pages made of the characters
    /// beside the letter and digit ranges (`` / : @ [ ` { ``), tags and words at every offset, of
    /// every length up to 200 and of every length within 17 bytes of the first two checkpoint
    /// boundaries (so a last chunk of one to seven bytes too), and of random lengths beyond,
    /// must count what the text parser, one character at a time, counts; bytes past `n` never
    /// count.
    @Test
    void parsing_random_bytes_counts_what_parsing_the_text_counts_at_every_boundary() {
        String[] pieces = {"a", "Z", "0", "9", "/", ":", "@", "[", "`", "{", " ", "\n", "<", ">", "<a href=x>",
            "<A\tHREF=y>", "<a name=z>", "<ab href=q>", "<a ", "href=", "word", "<p>", "x9", "-"};
        byte[] beyond = " href=x> <a href=y>w é".getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(7);
        List<Integer> lengths = new ArrayList<>();
        for (int length = 0; length <= 200; length++) lengths.add(length);
        for (int k = 1; k <= 2; k++) {
            for (int d = -17; d <= 17; d++) lengths.add(k * Kernels.CHECK_EVERY + d);
        }
        for (int i = 0; i < 60; i++) lengths.add(random.nextInt(200, 3 * Kernels.CHECK_EVERY));
        for (int length : lengths) {
            StringBuilder html = new StringBuilder();
            while (html.length() < length) html.append(pieces[random.nextInt(pieces.length)]);
            String text = html.substring(0, length);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            Kernels.PageSummary expected = Kernels.parsePage(text, Kernels.Checkpoint.NONE);

            assertThat(Kernels.parsePage(bytes, Kernels.Checkpoint.NONE)).as("length %d", length).isEqualTo(expected);
            // the same bytes at the start of a larger buffer, followed by a tag's end, a link and
            // a byte beyond ASCII
            byte[] buffer = Arrays.copyOf(bytes, bytes.length + beyond.length);
            System.arraycopy(beyond, 0, buffer, bytes.length, beyond.length);
            assertThat(Kernels.parsePage(buffer, bytes.length, Kernels.Checkpoint.NONE))
                    .as("length %d in a larger buffer", length).isEqualTo(expected);
        }
    }

    /// A letter beyond ASCII inside a word: one word as text, two if its bytes were split.
    @Test
    void a_byte_beyond_ascii_anywhere_makes_the_byte_parser_count_as_the_text_parser_does() {
        String ascii = "one <a href=x>two</a> three ".repeat(Kernels.CHECK_EVERY / 10);
        for (int at : new int[] {0, 7, 8, 9, Kernels.CHECK_EVERY - 1, Kernels.CHECK_EVERY, ascii.length() - 1,
            ascii.length()}) {
            String html = ascii.substring(0, at) + "xéy" + ascii.substring(at);
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);

            assertThat(Kernels.parsePage(bytes, Kernels.Checkpoint.NONE)).as("at %d", at)
                    .isEqualTo(Kernels.parsePage(html, Kernels.Checkpoint.NONE));
        }
    }
}
