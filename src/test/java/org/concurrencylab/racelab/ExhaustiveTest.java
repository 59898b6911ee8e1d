package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurrencylab.racelab.Programs.INCREMENT;
import static org.concurrencylab.racelab.Programs.machine;
import static org.concurrencylab.racelab.Programs.program;

/// Every interleaving of small machines: counted, their endings found, claims proved or refuted.
class ExhaustiveTest {

    @Test
    void three_threads_of_three_steps_interleave_in_the_multinomial_number_of_ways() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT), program(INCREMENT));

        Exhaustive.Exploration all = Exhaustive.explore(machine);

        assertThat(all.interleavings()).as("9! / (3! 3! 3!)").isEqualTo(1680);
        assertThat(all.endings()).extracting(t -> t.state().value("counter")).containsOnly(1, 2, 3);
        assertThat(all.endings()).allSatisfy(t -> assertThat(t.state().counts().lostUpdates()).isEqualTo(3 - t.state().value("counter")));
        assertThat(all.endings()).allSatisfy(t -> assertThat(machine.replay(t.schedule())).isEqualTo(t.state()));
    }

    @Test
    void a_claim_that_does_not_hold_comes_with_a_schedule_that_refutes_it() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT));
        List<Condition> noLoss = List.of(Condition.parse("lostUpdates == 0"));

        Exhaustive.Exploration all = Exhaustive.explore(machine);

        Exhaustive.Terminal counter = all.counterexample(noLoss).orElseThrow();
        assertThat(counter.state().counts().lostUpdates()).isEqualTo(1);
        assertThat(all.always(noLoss)).isFalse();
        assertThat(all.describe(noLoss)).startsWith("The lab checked all 20 interleavings: not every one ends with lostUpdates == 0; "
                + "the schedule ").endsWith(" ends otherwise. All threads are done: counter = 1. The lab counted one lost update.");
    }

    @Test
    void a_loop_that_can_spin_forever_has_no_count_of_interleavings_but_its_endings_are_found() {
        Machine machine = machine(Rules.THREADS, program("spin: load r <- counter", "if r == 0 goto spin"), program("store counter <- 1"));

        Exhaustive.Exploration all = Exhaustive.explore(machine);

        assertThat(all.countedInterleavings()).isEmpty();
        assertThat(all.interleavings()).isEqualTo(-1);
        assertThat(all.endings()).hasSize(1).allSatisfy(t -> assertThat(t.ending()).isInstanceOf(Ending.Finished.class));
        assertThat(all.describe(List.of(new Condition.Finished())))
                .isEqualTo("The lab checked all interleavings (some loop forever): every one ends with finished.");
    }

    @Test
    void a_state_space_beyond_the_limit_is_refused() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT), program(INCREMENT));

        assertThatThrownBy(() -> Exhaustive.explore(machine, 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("more than 100 states: too many to check every interleaving");
    }
}
