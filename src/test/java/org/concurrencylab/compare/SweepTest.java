package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.concurrencylab.compare.Results.MS;
import static org.concurrencylab.compare.Results.run;

class SweepTest {
    private static final RunSpec THREADS = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
    private static final RunSpec CPU_THREADS = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS);

    @Test
    void workers_from_1_to_64_spread_evenly_on_a_log_scale() {
        assertThat(Sweep.logValues(1, 64, 9)).containsExactly(1, 2, 3, 5, 8, 13, 23, 38, 64);
        assertThat(Sweep.logValues(1, 64, 7)).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(Sweep.logValues(1, 3, 9)).as("no repeats").containsExactly(1, 2, 3);
        assertThat(SweepParam.WORKERS.defaultValues(THREADS)).startsWith(1).endsWith(64);
    }

    @Test
    void values_are_parsed_with_one_clear_message_for_anything_else() {
        assertThat(Sweep.parseValues(" 1, 2,5 ,10")).containsExactly(1, 2, 5, 10);
        assertThatThrownBy(() -> Sweep.parseValues("1,two")).hasMessage("'two' is not a whole number");
        assertThatThrownBy(() -> Sweep.parseValues("1,,2")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Sweep.parseValues(" ")).hasMessageContaining("give the values");
    }

    @Test
    void a_plan_is_one_run_per_distinct_value_in_ascending_order() {
        List<RunSpec> plan = Sweep.plan(THREADS, SweepParam.WORKERS, List.of(10, 1, 5, 1));

        assertThat(plan).extracting(RunSpec::workers).containsExactly(1, 5, 10);
        assertThat(plan).allSatisfy(s -> assertThat(s.withWorkers(THREADS.workers())).isEqualTo(THREADS));
    }

    @Test
    void every_parameter_sets_its_own_field_and_a_switch_interval_turns_the_gil_on() {
        assertThat(SweepParam.LATENCY.apply(THREADS, 25).latencyMs()).isEqualTo(25);
        assertThat(SweepParam.TASKS.apply(THREADS, 40).tasks()).isEqualTo(40);
        RunSpec switched = SweepParam.SWITCH_MS.apply(THREADS, 2);
        assertThat(switched.switchMs()).isEqualTo(2);
        assertThat(switched.gil()).isTrue();
    }

    @Test
    void a_parameter_that_does_not_apply_or_a_value_out_of_range_is_refused_with_its_reason() {
        RunSpec loop = THREADS.withModel(ModelKind.EVENTLOOP);
        assertThatThrownBy(() -> Sweep.plan(loop, SweepParam.WORKERS, List.of(1, 2))).hasMessageContaining("not for eventloop");
        assertThatThrownBy(() -> Sweep.plan(CPU_THREADS, SweepParam.LATENCY, List.of(1))).hasMessageContaining("not cpu");
        assertThatThrownBy(() -> Sweep.plan(THREADS.withModel(ModelKind.PROCESSES), SweepParam.SWITCH_MS, List.of(1)))
                .hasMessageContaining("not processes");
        assertThatThrownBy(() -> Sweep.plan(THREADS, SweepParam.WORKERS, List.of(0, 2))).hasMessageContaining("workers = 0");
        assertThatThrownBy(() -> Sweep.plan(THREADS, SweepParam.WORKERS, java.util.stream.IntStream.rangeClosed(1, 51).boxed().toList()))
                .hasMessageContaining("at most 50");
    }

    @Test
    void a_cpu_bound_sweep_starts_with_a_synchronous_reference_for_its_ideals() {
        List<RunSpec> plan = Sweep.plan(CPU_THREADS, SweepParam.WORKERS, List.of(1, 2, 4));

        assertThat(plan).hasSize(4);
        assertThat(plan.getFirst().model()).isEqualTo(ModelKind.SYNC);
        assertThat(Sweep.plan(THREADS, SweepParam.WORKERS, List.of(1, 2))).as("I/O needs none").hasSize(2);
        assertThat(Sweep.plan(CPU_THREADS.withModel(ModelKind.SYNC), SweepParam.TASKS, List.of(5, 10))).as("sync is its own").hasSize(2);
    }

    @Test
    void points_get_their_ideal_and_efficiency_the_reference_is_kept_apart() {
        List<RunResult> results = List.of(
                run(Sweep.reference(CPU_THREADS), 2_000, 2_000),
                run(CPU_THREADS.withWorkers(1), 2_100, 2_000),
                run(CPU_THREADS.withWorkers(2), 1_100, 2_000),
                run(CPU_THREADS.withWorkers(4), 1_050, 2_000));

        Sweep sweep = Sweep.of(CPU_THREADS, SweepParam.WORKERS, results, 2);

        assertThat(sweep.reference()).isSameAs(results.getFirst());
        assertThat(sweep.points()).extracting(Sweep.Point::value).containsExactly(1, 2, 4);
        assertThat(sweep.points()).extracting(Sweep.Point::idealNanos).containsExactly(2_000 * MS, 1_000 * MS, 1_000 * MS);
        assertThat(sweep.points().get(1).efficiency()).isCloseTo(1_000.0 / 1_100, within(1e-9));
        assertThat(sweep.fastest().orElseThrow().value()).isEqualTo(4);
        assertThat(sweep.points().get(1).line(SweepParam.WORKERS))
                .isEqualTo("workers=2 wall=1.100s ideal=1.000s efficiency=91% errors=0 threads=12");
    }
}
