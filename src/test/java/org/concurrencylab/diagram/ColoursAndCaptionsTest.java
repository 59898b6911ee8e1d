package org.concurrencylab.diagram;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColoursAndCaptionsTest {

    @Test
    void a_hex_colour_reads_back_as_the_same_hex() {
        Rgb blue = Rgb.hex("#2f6fdb");

        assertThat(blue).isEqualTo(new Rgb(0x2f, 0x6f, 0xdb, 1));
        assertThat(blue.toHex()).isEqualTo("#2f6fdb");
        assertThat(blue.withAlpha(0.5).toHex()).isEqualTo("#2f6fdb");
    }

    @Test
    void mixing_goes_from_one_colour_to_the_other() {
        Rgb black = Rgb.hex("#000000");
        Rgb white = Rgb.hex("#ffffff");

        assertThat(black.mix(white, 0)).isEqualTo(black);
        assertThat(black.mix(white, 1)).isEqualTo(white);
        assertThat(black.mix(white, 0.5)).isEqualTo(new Rgb(128, 128, 128, 1));
    }

    @Test
    void channels_and_alpha_out_of_range_are_rejected() {
        assertThatThrownBy(() -> new Rgb(256, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rgb(0, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rgb(0, 0, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rgb(0, 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_article_palettes_draw_cpu_blue_and_io_red_and_hatch_lock_waits() {
        for (Palette palette : List.of(Palette.articleLight(), Palette.articleDark())) {
            assertThat(palette.fill(State.WORK).toHex()).isEqualTo("#2f6fdb");
            assertThat(palette.fill(State.IO_WAIT).toHex()).isEqualTo("#e0443e");
            assertThat(palette.isHatched(State.LOCK_WAIT)).isTrue();
            assertThat(palette.isHatched(State.WORK)).isFalse();
            for (State state : State.values()) assertThat(palette.fill(state)).as("%s", state).isNotNull();
        }
        assertThat(Palette.articleDark().dark()).isTrue();
        assertThat(Palette.articleLight().dark()).isFalse();
    }

    @Test
    void the_colour_blind_palettes_use_blue_and_orange_and_hatch_every_wait() {
        for (boolean dark : new boolean[] {false, true}) {
            Palette palette = Palette.of(dark, true);
            assertThat(palette.dark()).isEqualTo(dark);
            assertThat(palette.fill(State.WORK).toHex()).isEqualTo("#0072b2");
            assertThat(palette.fill(State.IO_WAIT).toHex()).isEqualTo("#e69f00");
            assertThat(palette.isHatched(State.WORK)).isFalse();
            assertThat(palette.isHatched(State.IO_WAIT)).isTrue();
            assertThat(palette.isHatched(State.LOCK_WAIT)).isTrue();
            assertThat(palette.fill(State.LOCK_WAIT)).isNotEqualTo(palette.fill(State.IO_WAIT));
        }
        assertThat(Palette.of(true, false)).isEqualTo(Palette.articleDark());
        assertThat(Palette.of(false, false)).isEqualTo(Palette.articleLight());
    }

    @Test
    void texts_name_the_colours_of_the_palette_a_sentence_capital_kept() {
        String text = "Red: waiting for I/O. Pale blue, hatched: waiting for a core; violet: the JVM paused; amber, hatched: a lock.";

        assertThat(Palette.articleLight().inWords(text)).isEqualTo(text);
        assertThat(Palette.of(false, true).inWords(text)).isEqualTo("Orange, hatched: waiting for I/O. Sky blue, hatched: "
                + "waiting for a core; green, hatched: the JVM paused; pink, hatched: a lock.");
        for (State state : State.values()) {
            assertThat(Palette.of(false, true).colourName(state)).as("%s", state)
                    .isNotEqualTo(Palette.of(false, true).colourName(state == State.WORK ? State.READY : State.WORK));
        }
    }

    @Test
    void a_palette_without_a_colour_for_every_state_is_rejected() {
        Map<State, Rgb> fills = new EnumMap<>(State.class);
        fills.put(State.WORK, Rgb.hex("#000000"));
        Rgb any = Rgb.hex("#888888");

        assertThatThrownBy(() -> new Palette("broken", false, any, any, any, any, any, any, fills, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no colour for");
    }

    @Test
    void the_title_names_workload_model_and_workers() {
        assertThat(Captions.title(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS)))
                .isEqualTo("Download sites · Thread pool (5 threads)");
        assertThat(Captions.title(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(1)))
                .isEqualTo("Download sites · Thread pool (1 thread)");
        assertThat(Captions.title(RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC)))
                .isEqualTo("Sum of squares · Synchronous");
    }

    @Test
    void the_caption_gives_the_work_the_wall_time_and_the_errors() {
        RunSpec download = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
        RunSpec cpu = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC);
        RunSpec urls = download.withTasks(3).withUrls(List.of(URI.create("http://example.org/")));

        assertThat(Captions.caption(result(download, 3_040_000_000L, 0, false, 160)))
                .isEqualTo("160 pages, demo sites at 90 ms · wall 3.04 s · 2 cores · 0 errors");
        assertThat(Captions.caption(result(cpu, 3_980_000_000L, 1, false, 20), "about as fast as synchronous (within 10%)"))
                .isEqualTo("20 numbers from 5,000,000 · wall 3.98 s · about as fast as synchronous (within 10%) · 2 cores · 1 error");
        assertThat(Captions.caption(result(urls, 312_000_000L, 2, true, 2)))
                .isEqualTo("3 pages from 1 URL · stopped at 312 ms · 2 cores · 2 errors · stopped after 2 tasks");
        assertThat(WorkloadKind.CPU.taskNoun()).isEqualTo("numbers");
    }

    @Test
    void a_fibonacci_run_is_titled_and_captioned_by_its_n_and_its_count() {
        RunSpec fib = RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS).withGil(true);

        assertThat(Captions.title(fib)).isEqualTo("Fibonacci · Thread pool (5 threads), GIL on");
        assertThat(Captions.what(fib)).isEqualTo("fib(35), 20 times");
        assertThat(Captions.what(fib.withTasks(4).with(RunParams.FIB_N, 22))).isEqualTo("fib(22), 4 times");
        assertThat(Captions.caption(result(fib, 820_000_000L, 0, false, 20))).isEqualTo("fib(35), 20 times · wall 820 ms · 2 cores · 0 errors");
    }

    private static RunResult result(RunSpec spec, long wall, int errors, boolean cancelled, int completed) {
        List<TaskOutcome> outcomes = java.util.stream.IntStream.range(0, completed)
                .mapToObj(i -> TaskOutcome.success(i, "task " + i, "ok")).toList();
        RunStats onTwoCores = new RunStats(wall, 0, Map.of(), 0, 2);
        return new RunResult(spec, wall, spec.tasks(), errors, cancelled, List.of(), List.of(), outcomes, onTwoCores);
    }
}
