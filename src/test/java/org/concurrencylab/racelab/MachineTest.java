package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.concurrencylab.racelab.Programs.INCREMENT;
import static org.concurrencylab.racelab.Programs.machine;
import static org.concurrencylab.racelab.Programs.program;

/// The step engine: what each instruction does to the state, what the lab notices, who may step.
class MachineTest {

    private static RaceState run(Machine machine, int... schedule) {
        List<Integer> threads = new ArrayList<>();
        for (int t : schedule) threads.add(t);
        return machine.replay(threads);
    }

    @Test
    void a_store_computed_from_a_stale_read_is_a_lost_update() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT));

        RaceState end = run(machine, 0, 1, 0, 0, 1, 1);

        Event store = end.history().getLast();
        assertThat(store.text()).isEqualTo("Thread 2 stores 1 into counter; thread 2 is done. "
                + "Thread 2 stored 1 over thread 1's 1: one update lost (thread 2 read counter = 0 before thread 1 wrote it).");
        assertThat(store.findings()).singleElement().isEqualTo(new Finding.LostUpdate(1, "counter", 1, 1, 0,
                new Read("counter", 0, 0), 1, "thread 2 stored 1 over thread 1's 1: one update lost (thread 2 read counter = 0 "
                + "before thread 1 wrote it)"));
        assertThat(end.value("counter")).isEqualTo(1);
        assertThat(end.counts().lostUpdates()).isEqualTo(1);
        assertThat(end.history()).filteredOn(Event::lostUpdate).extracting(Event::step).containsExactly(5);
    }

    @Test
    void increments_one_after_the_other_lose_nothing() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT));

        RaceState end = run(machine, 0, 0, 0, 1, 1, 1);

        assertThat(end.history()).allSatisfy(e -> assertThat(e.findings()).isEmpty());
        assertThat(end.history()).extracting(Event::action).containsExactly("thread 1 loads counter = 0 into r",
                "thread 1 computes r = 0 + 1 = 1", "thread 1 stores 1 into counter; thread 1 is done",
                "thread 2 loads counter = 1 into r", "thread 2 computes r = 1 + 1 = 2", "thread 2 stores 2 into counter; thread 2 is done");
        assertThat(end.variable("counter")).isEqualTo(new SharedVariable("counter", 2, List.of(new SharedVariable.Write(0, 1, 0),
                new SharedVariable.Write(1, 2, 1))));
        assertThat(end.variable("counter").chain(2)).containsExactly(2, 1);
        assertThat(end.thread(1).registers()).containsExactly(new Register("r", 2, new Read("counter", 1, 1)));
        assertThat(machine.ending(end)).get().extracting(Ending::text).isEqualTo("All threads are done: counter = 2.");
    }

    @Test
    void a_stale_store_over_several_writes_loses_each_of_them() {
        String[] twice = {"load r <- counter", "set r <- r + 1", "store counter <- r", "load r <- counter", "set r <- r + 1",
                "store counter <- r"};
        Machine machine = new Machine(Rules.THREADS, List.of(new ThreadSpec("thread 1", program(INCREMENT)),
                new ThreadSpec("thread 2", program(twice))), Map.of("counter", 0), Map.of("counter", 3), List.of(),
                new Goal("Finish.", List.of(new Condition.Finished())));

        RaceState end = run(machine, 0, 1, 1, 1, 1, 1, 1, 0, 0);

        assertThat(end.history().getLast().findings()).singleElement().extracting(Finding::text)
                .isEqualTo("thread 1 stored 1 over thread 2's 2: 2 updates lost (thread 1 read counter = 0 before 2 writes by thread 2)");
        assertThat(end.counts().lostUpdates()).isEqualTo(3 - end.value("counter"));
        assertThat(machine.ending(end)).get().extracting(Ending::text)
                .isEqualTo("All threads are done: counter = 1 where 3 was expected. The lab counted 2 lost updates.");
    }

    @Test
    void a_stale_store_over_a_write_that_itself_lost_an_update_loses_nothing_more() {
        Machine machine = machine(Rules.THREADS, program(INCREMENT), program(INCREMENT), program(INCREMENT));

        RaceState end = run(machine, 0, 0, 1, 0, 2, 1, 1, 2, 2);

        assertThat(end.history()).filteredOn(Event::lostUpdate).extracting(Event::step).containsExactly(6);
        assertThat(end.history().get(8).action()).isEqualTo("thread 3 stores 2 into counter; thread 3 is done");
        assertThat(end.value("counter")).isEqualTo(2);
        assertThat(end.counts().lostUpdates()).isEqualTo(1);
        assertThat(end.variable("counter").chain(3)).as("thread 3 built on thread 1's write").containsExactly(3, 1);
    }

    @Test
    void a_thread_that_finds_the_lock_taken_waits_and_cannot_be_scheduled_until_it_is_handed_the_lock() {
        Program locked = program("lock L", "load r <- counter", "set r <- r + 1", "store counter <- r", "unlock L");
        Machine machine = machine(Rules.THREADS, locked, locked);

        RaceState waiting = run(machine, 0, 1);

        assertThat(waiting.thread(1)).extracting(ThreadState::status, ThreadState::pc, ThreadState::waitsFor)
                .containsExactly(ThreadStatus.LOCK_WAIT, 0, "L");
        assertThat(waiting.lock("L")).isEqualTo(new LockState("L", 0, 1, List.of(1)));
        assertThat(waiting.history().getLast().text()).isEqualTo("Thread 2 tries to take lock L, held by thread 1, and waits. "
                + "Thread 2 waits for lock L, which thread 1 holds.");
        assertThat(machine.runnable(waiting)).containsExactly(0);
        assertThat(machine.whyNot(waiting, 1)).contains("thread 2 waits for lock L, which thread 1 holds");
        assertThatThrownBy(() -> machine.step(waiting, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thread 2 waits for lock L, which thread 1 holds: it cannot step now");

        RaceState handed = run(machine, 0, 1, 0, 0, 0, 0);

        assertThat(handed.history().getLast().action()).isEqualTo("thread 1 releases lock L; thread 2, first in line, takes it; thread 1 is done");
        assertThat(handed.lock("L")).isEqualTo(new LockState("L", 1, 1, List.of()));
        assertThat(handed.thread(1)).extracting(ThreadState::status, ThreadState::pc).containsExactly(ThreadStatus.READY, 1);
        assertThat(machine.runnable(handed)).containsExactly(1);
        assertThat(handed.counts().lockWaits()).isEqualTo(1);
    }

    @Test
    void a_thread_may_take_a_lock_it_holds_again() {
        Machine machine = machine(Rules.THREADS, program("lock L", "lock L", "unlock L", "unlock L"), program("lock L", "unlock L"));

        RaceState twice = run(machine, 0, 0, 1, 0);

        assertThat(twice.lock("L")).isEqualTo(new LockState("L", 0, 1, List.of(1)));
        assertThat(twice.history()).extracting(Event::action).containsExactly("thread 1 takes lock L",
                "thread 1 takes lock L again (it holds it 2 times)", "thread 2 tries to take lock L, held by thread 1, and waits",
                "thread 1 releases lock L once (it still holds it 1 time)");
    }

    @Test
    void a_thread_that_finishes_holding_a_lock_leaves_the_waiters_stuck_without_a_cycle() {
        Machine machine = machine(Rules.THREADS, program("lock L"), program("lock L", "unlock L"));

        RaceState end = run(machine, 0, 1);

        assertThat(end.history().getFirst().action()).isEqualTo("thread 1 takes lock L; thread 1 is done, still holding L");
        assertThat(machine.ending(end)).get().isInstanceOfSatisfying(Ending.Stuck.class, stuck -> {
            assertThat(stuck.waits()).containsExactly(new WaitLink(1, "thread 2", List.of(), "L", 0));
            assertThat(stuck.text()).isEqualTo("No thread can move: thread 2 waits for L, which thread 1 still holds though it is done.");
        });
    }

    @Test
    void three_threads_waiting_in_a_circle_are_a_deadlock_named_from_the_lowest_thread() {
        Machine machine = machine(Rules.THREADS, program("lock A", "lock B"), program("lock B", "lock C"), program("lock C", "lock A"));

        RaceState end = run(machine, 1, 2, 0, 2, 1, 0);

        assertThat(machine.ending(end)).get().isInstanceOfSatisfying(Ending.Deadlock.class, d -> {
            assertThat(d.cycle()).extracting(WaitLink::thread, WaitLink::waitsFor, WaitLink::owner)
                    .containsExactly(tuple(0, "B", 1), tuple(1, "C", 2), tuple(2, "A", 0));
            assertThat(d.text()).isEqualTo("Deadlock: thread 1 holds A and waits for B; thread 2 holds B and waits for C; "
                    + "thread 3 holds C and waits for A; none of them can ever move again.");
        });
        assertThat(end.history().getLast().findings()).last().isInstanceOf(Finding.Deadlock.class);
        assertThat(end.history().subList(0, 5)).allSatisfy(e -> assertThat(e.findings())
                .noneMatch(Finding.Deadlock.class::isInstance));
    }

    @Test
    void under_an_event_loop_only_the_running_task_may_step_until_it_awaits() {
        Program task = program("load r <- counter", "await", "set r <- r + 1", "store counter <- r");
        Machine machine = machine(Rules.EVENT_LOOP, task, task);
        RaceState start = machine.start();

        assertThat(machine.runnable(start)).containsExactly(0, 1);
        RaceState loaded = machine.step(start, 0).state();
        assertThat(loaded.currentTask()).hasValue(0);
        assertThat(machine.runnable(loaded)).containsExactly(0);
        assertThat(machine.whyNot(loaded, 1)).contains("thread 2 waits for the event loop: thread 1 runs until its next await");

        RaceState awaited = machine.step(loaded, 0).state();
        assertThat(awaited.history().getLast().action()).isEqualTo("thread 1 awaits: the event loop may run another task now");
        assertThat(awaited.currentTask()).isEmpty();
        assertThat(machine.runnable(awaited)).containsExactly(0, 1);

        RaceState other = machine.step(awaited, 1).state();
        assertThat(machine.runnable(other)).containsExactly(1);
    }

    @Test
    void a_task_without_an_await_runs_to_its_end_before_another_can_start() {
        Machine machine = machine(Rules.EVENT_LOOP, program(INCREMENT), program(INCREMENT));
        RaceState state = machine.start();

        List<List<Integer>> runnable = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
            runnable.add(machine.runnable(state));
            state = machine.step(state, machine.runnable(state).getFirst()).state();
        }

        assertThat(runnable).containsExactly(List.of(0, 1), List.of(0), List.of(0), List.of(1), List.of(1), List.of(1));
        assertThat(state.value("counter")).isEqualTo(2);
    }

    @Test
    void an_await_between_threads_holds_nothing_up() {
        Machine machine = machine(Rules.THREADS, program("await"), program("await"));

        RaceState state = machine.step(machine.start(), 0).state();

        assertThat(state.history().getLast().action()).isEqualTo("thread 1 passes an await, which does not hold up threads; thread 1 is done");
        assertThat(state.currentTask()).isEmpty();
        assertThat(machine.runnable(state)).containsExactly(1);
    }

    @Test
    void a_done_thread_cannot_step() {
        Machine machine = machine(Rules.THREADS, program("await"), program("await"));
        RaceState done = run(machine, 0);

        assertThat(machine.whyNot(done, 0)).contains("thread 1 is done");
        assertThat(machine.next(done, 0)).isEmpty();
        assertThat(machine.next(done, 1)).get().extracting(Instruction::text).isEqualTo("await");
        assertThatThrownBy(() -> machine.replay(List.of(0, 0)))
                .hasMessage("step 2 of the schedule picks a thread that cannot step: thread 1 is done");
        assertThatThrownBy(() -> machine.replay(List.of(2))).hasMessage("step 1 of the schedule picks a thread that cannot step: there is no thread 2");
    }

    @Test
    void a_branch_jumps_when_its_comparison_holds() {
        Machine machine = machine(Rules.THREADS, program("load r <- counter", "if r == 0 goto skip", "store counter <- 9", "skip: await"),
                program("store counter <- 5"));

        RaceState jumped = run(machine, 0, 0);
        RaceState went = run(machine, 1, 0, 0);

        assertThat(jumped.history().getLast().action()).isEqualTo("thread 1 tests r == 0: 0 == 0 is true, so it jumps to skip");
        assertThat(jumped.thread(0).pc()).isEqualTo(3);
        assertThat(went.history().getLast().action()).isEqualTo("thread 1 tests r == 0: 5 == 0 is false, so it goes on");
        assertThat(went.thread(0).pc()).isEqualTo(2);
    }

    @Test
    void giving_back_a_lock_not_held_is_a_fault_of_the_program() {
        Machine machine = machine(Rules.THREADS, program("unlock L"), program("lock L"));

        assertThatThrownBy(() -> machine.step(machine.start(), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("thread 1 gives back lock L, which it does not hold");
    }

    @Test
    void machines_refuse_programs_that_do_not_fit_their_variables() {
        assertThatThrownBy(() -> machine(Rules.THREADS, program("load r <- count")))
                .hasMessage("thread 1: \"load r <- count\": count is not a shared variable (the shared variables: counter)");
        assertThatThrownBy(() -> machine(Rules.THREADS, program("store counter <- r")))
                .hasMessage("thread 1: register r is read but never set");
        assertThatThrownBy(() -> machine(Rules.THREADS, program("set counter <- 1 + 1")))
                .hasMessage("thread 1: counter is used as a register but is a shared variable: load it into a register first");
        assertThatThrownBy(() -> new Machine(Rules.THREADS, List.of(new ThreadSpec("t", program("await"))), Map.of("x", 0), Map.of(),
                List.of(), new Goal("g", List.of(Condition.parse("y > 1")))))
                .hasMessage("\"y > 1\": y is neither a shared variable nor one of lostUpdates, lockWaits, casFailures, brokenInvariants");
        assertThatThrownBy(() -> machine(Rules.THREADS, program("await"), program("await"), program("await"), program("await"),
                program("await"))).hasMessage("a race needs 1 to 4 threads, not 5");
    }
}
