package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concurrencylab.compare.Results.MS;

class IdealTest {
    private static final RunSpec DOWNLOAD = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC); // 160 pages at 90 ms
    private static final RunSpec CPU = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC); // 20 numbers

    @Test
    void io_ideal_is_rounds_of_requests_in_flight_times_the_latency() {
        assertThat(Ideal.ioNanos(DOWNLOAD, 2)).hasValue(160 * 90 * MS);
        assertThat(Ideal.ioNanos(DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(5), 2)).hasValue(32 * 90 * MS);
        // 160 / 7 = 22.9: the last round is not full but still takes a whole latency
        assertThat(Ideal.ioNanos(DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(7), 2)).hasValue(23 * 90 * MS);
        assertThat(Ideal.ioNanos(DOWNLOAD.withModel(ModelKind.EVENTLOOP), 2)).hasValue(2 * 90 * MS);
        assertThat(Ideal.ioNanos(DOWNLOAD.withModel(ModelKind.VIRTUAL).with(RunParams.MAX_CONNECTIONS, 200), 2)).hasValue(90 * MS);
        assertThat(Ideal.ioNanos(DOWNLOAD.withModel(ModelKind.PROCESSES).withWorkers(2), 2)).hasValue(80 * 90 * MS);
    }

    @Test
    void the_gil_is_let_go_around_io_so_it_does_not_change_the_io_ideal() {
        RunSpec threads = DOWNLOAD.withModel(ModelKind.THREADS).withWorkers(5);
        assertThat(Ideal.ioNanos(threads.withGil(true), 2)).isEqualTo(Ideal.ioNanos(threads, 2));
    }

    @Test
    void downloads_of_ones_own_urls_have_no_ideal_as_their_latency_is_unknown() {
        RunSpec own = DOWNLOAD.withUrls(List.of(URI.create("https://example.org/")));
        assertThat(Ideal.ioNanos(own, 2)).isEmpty();
        assertThat(Ideal.nanos(own, null, 2)).isEmpty();
    }

    @Test
    void mixed_ideal_is_bounded_by_waiting_then_parsing_and_by_the_cores_parsing() {
        RunSpec mixed = RunSpec.defaults(WorkloadKind.MIXED, ModelKind.SYNC); // 160 pages, 90 ms, 20 ms parse
        assertThat(Ideal.ioNanos(mixed, 2)).hasValue(160 * 110 * MS);
        // 5 threads: 32 rounds of 110 ms beat 80 parses per core of 20 ms
        assertThat(Ideal.ioNanos(mixed.withModel(ModelKind.THREADS).withWorkers(5), 2)).hasValue(32 * 110 * MS);
        // the event loop parses on one thread: 160 × 20 ms outweighs two rounds of waiting
        assertThat(Ideal.ioNanos(mixed.withModel(ModelKind.EVENTLOOP), 2)).hasValue(160 * 20 * MS);
    }

    @Test
    void parallelism_is_workers_up_to_the_cores_and_one_for_the_loop_sync_and_the_gil() {
        RunSpec threads = CPU.withModel(ModelKind.THREADS).withWorkers(5);
        assertThat(Ideal.parallelism(CPU, 8)).isEqualTo(1);
        assertThat(Ideal.parallelism(threads, 2)).isEqualTo(2);
        assertThat(Ideal.parallelism(threads, 8)).isEqualTo(5);
        assertThat(Ideal.parallelism(threads.withGil(true), 8)).isEqualTo(1);
        assertThat(Ideal.parallelism(CPU.withModel(ModelKind.EVENTLOOP), 8)).isEqualTo(1);
        assertThat(Ideal.parallelism(CPU.withModel(ModelKind.PROCESSES).withWorkers(4), 2)).isEqualTo(2);
        assertThat(Ideal.parallelism(CPU.withModel(ModelKind.VIRTUAL), 4)).isEqualTo(4);
        assertThat(Ideal.parallelism(CPU.withModel(ModelKind.VIRTUAL).withGil(true), 4)).isEqualTo(1);
        assertThat(Ideal.parallelism(threads.withTasks(3), 8)).as("never more than the tasks").isEqualTo(3);
    }

    @Test
    void cpu_ideal_is_sync_time_over_parallelism_scaled_to_the_tasks() {
        RunResult sync = Results.run(CPU, 2_000, 2_000);
        assertThat(Ideal.nanos(CPU.withModel(ModelKind.THREADS).withWorkers(5), sync, 2)).hasValue(1_000 * MS);
        assertThat(Ideal.nanos(CPU.withModel(ModelKind.THREADS).withWorkers(5).withGil(true), sync, 2)).hasValue(2_000 * MS);
        assertThat(Ideal.nanos(CPU.withModel(ModelKind.PROCESSES).withWorkers(2), sync, 2)).hasValue(1_000 * MS);
        assertThat(Ideal.nanos(CPU.withModel(ModelKind.EVENTLOOP), sync, 2)).hasValue(2_000 * MS);
        assertThat(Ideal.nanos(CPU, sync, 2)).as("sync against itself").hasValue(2_000 * MS);
        assertThat(Ideal.cpuNanos(CPU.withModel(ModelKind.THREADS).withWorkers(2).withTasks(40), 2_000 * MS, 20, 2))
                .as("twice the tasks on two cores: the sync time").isEqualTo(2_000 * MS);
    }

    @Test
    void cpu_ideal_needs_a_synchronous_reference_of_the_same_work() {
        RunSpec threads = CPU.withModel(ModelKind.THREADS);
        assertThat(Ideal.nanos(threads, null, 2)).isEmpty();
        assertThat(Ideal.nanos(threads, Results.run(CPU.with(RunParams.BASE, 1_000), 2_000, 2_000), 2)).as("other numbers").isEmpty();
        assertThat(Ideal.nanos(threads, Results.run(threads, 1_000, 1_000), 2)).as("not synchronous").isEmpty();
    }

    @Test
    void a_fibonacci_ideal_is_cpu_bound_and_needs_a_reference_of_the_same_n() {
        RunSpec fib = RunSpec.defaults(WorkloadKind.FIB, ModelKind.SYNC);
        RunSpec threads = fib.withModel(ModelKind.THREADS).withWorkers(5);
        RunResult sync = Results.run(fib, 800, 800);

        assertThat(Ideal.needsReference(fib)).isTrue();
        assertThat(Ideal.ioNanos(fib, 2)).isEmpty();
        assertThat(Ideal.nanos(threads, sync, 2)).hasValue(400 * MS);
        assertThat(Ideal.nanos(threads.withGil(true), sync, 2)).hasValue(800 * MS);
        assertThat(Ideal.nanos(threads, Results.run(fib.with(RunParams.FIB_N, 30), 80, 80), 2)).as("another n").isEmpty();
        assertThat(Ideal.nanos(threads, Results.run(CPU, 800, 800), 2)).as("the sums").isEmpty();
    }

    @Test
    void efficiency_is_ideal_over_actual_and_unknown_without_either() {
        assertThat(Ideal.efficiency(90 * MS, 180 * MS)).isEqualTo(0.5);
        assertThat(Ideal.efficiency(1_000 * MS, 1_000 * MS)).isEqualTo(1.0);
        assertThat(Ideal.efficiency(2_880 * MS, 2_970 * MS)).isCloseTo(0.9697, within(1e-4));
        assertThat(Ideal.efficiency(-1, 100)).isNaN();
        assertThat(Ideal.efficiency(100, 0)).isNaN();
    }
}
