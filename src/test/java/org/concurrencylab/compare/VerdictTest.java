package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.CounterResult;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concurrencylab.compare.Results.MS;
import static org.concurrencylab.compare.Results.run;

/// The table's numbers and the verdict, from runs with fixed numbers.
class VerdictTest {
    private static final RunSpec DOWNLOAD = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC);
    private static final RunSpec CPU = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC);

    /// The article's download experiment, as this machine measures it.
    static List<RunResult> downloads() {
        return List.of(
                run(DOWNLOAD, 14_400, 300),
                run(DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(5), 2_970, 100),
                run(DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(5).withGil(true), 3_000, 100),
                run(DOWNLOAD.withModel(ModelKind.EVENTLOOP), 225, 50),
                run(DOWNLOAD.withModel(ModelKind.PROCESSES).withWorkers(2), 8_700, 100, 600, 0, null),
                run(DOWNLOAD.withModel(ModelKind.VIRTUAL), 230, 60),
                run(DOWNLOAD.withModel(ModelKind.VIRTUAL).withGil(true), 260, 60));
    }

    @Test
    void io_bound_verdict_names_the_fastest_its_speed_up_the_slowest_and_the_start_up_paid() {
        Comparison c = Comparison.of(downloads(), 2);

        assertThat(c.verdict()).isEqualTo(
                "I/O-bound: the event loop and virtual threads were about as fast (within 10%, what two runs of the same "
                        + "work differ by), 64× sync; sync was slowest; processes paid 600 ms of start-up.");
    }

    @Test
    void the_table_has_speed_up_over_sync_cpu_time_threads_ideal_and_efficiency_per_run() {
        Comparison c = Comparison.of(downloads(), 2);

        assertThat(c.rows()).extracting(Comparison.Row::label).containsExactly("sync", "threads (5)", "threads (5) + GIL",
                "event loop", "processes (2)", "virtual threads", "virtual threads + GIL");
        Comparison.Row threads = c.rows().get(1);
        assertThat(threads.speedUp()).isCloseTo(14_400.0 / 2_970, within(1e-9));
        assertThat(threads.cpuNanos()).isEqualTo(100 * MS);
        assertThat(threads.peakThreads()).isEqualTo(15);
        assertThat(threads.idealNanos()).isEqualTo(32 * 90 * MS);
        assertThat(threads.efficiency()).isCloseTo(2_880.0 / 2_970, within(1e-9));
        Comparison.Row loop = c.rows().get(3);
        assertThat(loop.idealNanos()).isEqualTo(2 * 90 * MS);
        assertThat(loop.efficiency()).isCloseTo(180.0 / 225, within(1e-9));
        assertThat(c.rows().get(4).startupNanos()).isEqualTo(600 * MS);
        assertThat(c.reference()).containsSame(c.rows().getFirst());
        assertThat(c.fastest()).containsSame(loop);
        assertThat(c.longestNanos()).isEqualTo(14_400 * MS);
    }

    @Test
    void cpu_bound_verdict_says_what_the_gil_did_to_threads() {
        List<RunResult> runs = List.of(
                run(CPU, 2_000, 2_000),
                run(CPU.withModel(ModelKind.THREADS).withWorkers(5), 1_030, 2_000),
                run(CPU.withModel(ModelKind.THREADS).withWorkers(5).withGil(true), 2_090, 2_000),
                run(CPU.withModel(ModelKind.EVENTLOOP), 2_010, 2_000),
                run(CPU.withModel(ModelKind.PROCESSES).withWorkers(2), 1_420, 2_000, 250, 0, null),
                run(CPU.withModel(ModelKind.VIRTUAL), 1_010, 2_000),
                run(CPU.withModel(ModelKind.VIRTUAL).withGil(true), 2_100, 2_000));

        Comparison c = Comparison.of(runs, 2);

        // sync, the event loop and both GIL runs took 2.00–2.10 s: none of the four was the slowest
        assertThat(c.verdict()).isEqualTo("CPU-bound: virtual threads and the thread pool were about as fast (within 10%, "
                + "what two runs of the same work differ by), 2.0× sync; threads with the GIL were no faster than sync "
                + "(1.0×); processes paid 250 ms of start-up.");
        assertThat(c.rows().get(1).idealNanos()).as("sync time over two cores").isEqualTo(1_000 * MS);
        assertThat(c.rows().get(2).idealNanos()).as("the GIL lets one thread run").isEqualTo(2_000 * MS);
        assertThat(c.rows().get(4).efficiency()).isCloseTo(1_000.0 / 1_420, within(1e-9));
    }

    @Test
    void runs_within_the_noise_of_the_slowest_are_named_slowest_together() {
        RunSpec python = CPU.withRuntime(RuntimeKind.PYTHON);
        List<RunResult> runs = List.of(
                run(CPU, 2_990, 2_990),
                run(python, 5_070, 5_070),
                run(CPU.withModel(ModelKind.THREADS).withWorkers(5), 1_630, 2_990),
                run(python.withModel(ModelKind.THREADS).withWorkers(5), 4_950, 5_070),
                run(python.withModel(ModelKind.EVENTLOOP), 4_620, 5_070));

        String verdict = Comparison.of(runs, 2).verdict();

        // the window's comparison once drew CPython's sync 5.07 s, its threads 4.95 s: "CPython's sync was slowest"
        assertThat(verdict).isEqualTo("CPU-bound: the thread pool was fastest, 1.8× sync; CPython's sync, CPython's "
                + "thread pool and CPython's event loop were slowest, within 10% of each other.");
    }

    @Test
    void fibonacci_is_cpu_bound_and_its_verdict_says_what_the_gil_did_as_for_the_sums() {
        RunSpec fib = RunSpec.defaults(WorkloadKind.FIB, ModelKind.SYNC);
        List<RunResult> runs = List.of(
                run(fib, 800, 800),
                run(fib.withModel(ModelKind.THREADS).withWorkers(5), 430, 800),
                run(fib.withModel(ModelKind.THREADS).withWorkers(5).withGil(true), 820, 800),
                run(fib.withModel(ModelKind.EVENTLOOP), 810, 800),
                run(fib.withModel(ModelKind.PROCESSES).withWorkers(2), 950, 800, 500, 0, null),
                run(fib.withModel(ModelKind.VIRTUAL), 420, 800),
                run(fib.withModel(ModelKind.VIRTUAL).withGil(true), 830, 800));

        Comparison c = Comparison.of(runs, 2);

        assertThat(Verdict.nature(WorkloadKind.FIB)).isEqualTo("CPU-bound");
        assertThat(c.verdict()).isEqualTo("CPU-bound: virtual threads and the thread pool were about as fast (within 10%, "
                + "what two runs of the same work differ by), 1.9× sync; processes were slowest (0.8× sync); "
                + "threads with the GIL were no faster than sync (1.0×); processes paid 500 ms of start-up.");
        assertThat(c.rows().get(1).idealNanos()).as("sync time over two cores").isEqualTo(400 * MS);
        assertThat(c.rows().get(2).idealNanos()).as("the GIL lets one thread run").isEqualTo(800 * MS);
    }

    @Test
    void a_race_verdict_counts_the_updates_lost() {
        RunSpec race = RunSpec.defaults(WorkloadKind.RACE, ModelKind.SYNC);
        List<RunResult> runs = List.of(
                run(race, 40, 40, 0, 0, new CounterResult(500_000, 500_000, List.of())),
                run(race.withModel(ModelKind.THREADS), 30, 30, 0, 0, new CounterResult(500_000, 498_766, List.of())),
                run(race.withModel(ModelKind.EVENTLOOP), 45, 45, 0, 0, new CounterResult(500_000, 500_000, List.of())));

        assertThat(Comparison.of(runs, 2).verdict()).isEqualTo(
                "Shared counter: the thread pool was fastest, 1.3× sync; the event loop was slowest (0.9× sync); "
                        + "the thread pool lost 1,234 updates.");
    }

    @Test
    void when_sync_wins_the_verdict_has_no_speed_up_and_failed_or_stopped_runs_are_counted() {
        RunResult stopped = new RunResult(CPU.withModel(ModelKind.THREADS), 500 * MS, 20, 0, true, List.of(), List.of(),
                List.of(), RunStats.of(500 * MS, 0, List.of()));
        List<RunResult> runs = List.of(
                run(CPU, 100, 100),
                run(CPU.withModel(ModelKind.EVENTLOOP), 120, 100, 0, 3, null),
                stopped);

        Comparison c = Comparison.of(runs, 2);

        assertThat(c.verdict()).isEqualTo("CPU-bound: sync was fastest; the event loop was slowest (0.8× sync); "
                + "1 run had failed tasks; 1 run was stopped.");
        assertThat(c.rows().get(2).speedUp()).as("a stopped run has no speed-up").isNaN();
        assertThat(c.rows().get(2).efficiency()).isNaN();
    }

    @Test
    void with_nothing_finished_there_is_nothing_to_compare() {
        assertThat(Comparison.of(List.of(), 2).verdict()).isEqualTo("No run finished, so there is nothing to compare yet.");
    }

    @Test
    void without_a_sync_run_there_are_no_speed_ups_and_no_cpu_ideals() {
        List<RunResult> runs = List.of(run(CPU.withModel(ModelKind.THREADS).withWorkers(2), 1_000, 2_000),
                run(CPU.withModel(ModelKind.THREADS).withWorkers(4), 900, 2_000));

        Comparison c = Comparison.of(runs, List.of("two", "four"), 2);

        assertThat(c.rows()).extracting(Comparison.Row::label).containsExactly("two", "four");
        assertThat(c.rows()).allSatisfy(r -> {
            assertThat(r.speedUp()).isNaN();
            assertThat(r.hasIdeal()).isFalse();
        });
        assertThat(c.verdict()).isEqualTo("CPU-bound: the thread pool (four) was fastest; the thread pool (two) was slowest.");
    }

    @Test
    void speed_ups_read_as_whole_numbers_from_ten_up() {
        assertThat(Verdict.times(64.04)).isEqualTo("64×");
        assertThat(Verdict.times(9.96)).isEqualTo("10×");
        assertThat(Verdict.times(4.84)).isEqualTo("4.8×");
        assertThat(Verdict.times(0.952)).isEqualTo("1.0×");
        assertThat(Verdict.times(0.031)).isEqualTo("0.03×");
    }

    @Test
    void variants_cover_every_model_and_the_gil_where_it_applies_sync_first() {
        assertThat(Variants.of(DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(8))).extracting(Variants::label)
                .containsExactly("sync", "threads (8)", "threads (8) + GIL", "event loop", "processes ("
                        + ModelKind.PROCESSES.traits().workers().defaultCount() + ")", "virtual threads", "virtual threads + GIL");
    }

    @Test
    void a_winner_is_not_picked_from_noise_and_a_clear_winner_is_named() {
        List<RunResult> close = List.of(run(DOWNLOAD, 14_400, 300),
                run(DOWNLOAD.withModel(ModelKind.VIRTUAL).withGil(true), 281, 60),
                run(DOWNLOAD.withModel(ModelKind.VIRTUAL), 295, 60));
        List<RunResult> clear = List.of(run(DOWNLOAD, 14_400, 300),
                run(DOWNLOAD.withModel(ModelKind.EVENTLOOP), 200, 50),
                run(DOWNLOAD.withModel(ModelKind.VIRTUAL), 295, 60));

        assertThat(Comparison.of(close, 2).verdict()).startsWith("I/O-bound: virtual threads with the GIL and virtual threads "
                + "were about as fast (within 10%");
        assertThat(Comparison.of(clear, 2).verdict()).startsWith("I/O-bound: the event loop was fastest, 72× sync");
        assertThat(Comparison.of(close.subList(1, 3), 2).verdict()).as("two runs alone, within the band").isEqualTo(
                "I/O-bound: virtual threads with the GIL and virtual threads were about as fast (within 10%, what two runs "
                        + "of the same work differ by).");
    }
}
