package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/// The built-in levels: read from their files in the order of the index, each solvable by its
/// own solution, each claim proved over every interleaving.
class LevelsTest {
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    static List<Level> levels() {
        return LevelCatalogue.builtIn().levels();
    }

    @Test
    void the_catalogue_lists_the_levels_in_the_order_of_its_index() {
        LevelCatalogue catalogue = LevelCatalogue.builtIn();

        assertThat(catalogue.levels()).extracting(Level::id).containsExactly("lost-update", "synchronized", "atomic",
                "check-then-act", "deadlock", "lock-order", "event-loop");
        assertThat(catalogue.number(catalogue.level("deadlock"))).isEqualTo(5);
        assertThat(catalogue.next(catalogue.level("deadlock")).map(Level::id)).contains("lock-order");
        assertThat(catalogue.next(catalogue.level("event-loop"))).isEmpty();
        assertThatThrownBy(() -> catalogue.level("nope")).hasMessageStartingWith("there is no level nope (the levels: lost-update, ");
    }

    @ParameterizedTest
    @MethodSource("levels")
    void every_level_introduces_itself_in_two_or_three_sentences(Level level) {
        long sentences = SENTENCE_END.matcher(level.intro()).results().count();

        assertThat(sentences).as(level.intro()).isBetween(2L, 3L);
        assertThat(level.threads()).hasSizeBetween(2, 4);
    }

    @ParameterizedTest
    @MethodSource("levels")
    void the_solution_of_every_level_reaches_its_goal(Level level) {
        Session session = level.play(level.solution().toggles());

        for (int thread : level.solution().schedule()) session.step(thread);

        assertThat(session.runnable()).isEmpty();
        assertThat(session.goal().progress()).as(session.goal().text()).isEqualTo(GoalStatus.Progress.REACHED);
        assertThat(session.schedule()).isEqualTo(level.solution().schedule());
    }

    @ParameterizedTest
    @MethodSource("levels")
    void what_every_level_claims_of_all_its_interleavings_holds(Level level) {
        Exhaustive.Exploration all = Exhaustive.explore(level.machine());

        assertThat(all.always(level.always())).as(all.describe(level.always())).isTrue();
        assertThat(all.describe(level.always())).startsWith("The lab checked all ");
    }

    @Test
    void two_threads_of_one_increment_interleave_twenty_ways_and_some_lose_an_update() {
        Level level = LevelCatalogue.builtIn().level("lost-update");

        Exhaustive.Exploration all = Exhaustive.explore(level.machine());

        assertThat(all.interleavings()).isEqualTo(20);
        assertThat(all.endings()).as("distinct by who wrote last")
                .extracting(t -> t.state().value("counter"), t -> t.state().counts().lostUpdates(), t -> t.state().variable("counter").writers())
                .containsExactlyInAnyOrder(tuple(2, 0, List.of(0, 1)), tuple(2, 0, List.of(1, 0)), tuple(1, 1, List.of(0, 1)),
                        tuple(1, 1, List.of(1, 0)));
        Exhaustive.Terminal losing = all.reaching(level.goal().reach()).orElseThrow();
        assertThat(losing.state().counts().lostUpdates()).isEqualTo(1);
        assertThat(level.machine().replay(losing.schedule()).withoutHistory()).isEqualTo(losing.state().withoutHistory());
    }

    @Test
    void no_interleaving_of_the_synchronized_increment_loses_an_update() {
        Level level = LevelCatalogue.builtIn().level("synchronized");

        Exhaustive.Exploration all = Exhaustive.explore(level.machine());

        List<Condition> noLoss = List.of(new Condition.Finished(), Condition.parse("lostUpdates == 0"), Condition.parse("counter == 2"));
        assertThat(all.always(noLoss)).isTrue();
        assertThat(all.endings()).allSatisfy(t -> assertThat(t.state().value("counter")).isEqualTo(2));
        assertThat(all.describe(noLoss)).isEqualTo("The lab checked all " + all.interleavings()
                + " interleavings: every one ends with finished, lostUpdates == 0 and counter == 2.");
        assertThat(all.reaching(List.of(Condition.parse("lockWaits >= 1")))).isPresent();
    }

    @Test
    void the_goal_texts_can_quote_what_the_lab_proved() {
        LevelCatalogue catalogue = LevelCatalogue.builtIn();

        assertThat(Exhaustive.proof(catalogue.level("lock-order"))).contains("The lab checked all 14 interleavings: every one ends with "
                + "finished, lostUpdates == 0 and transfers == 2.");
        assertThat(Exhaustive.proof(catalogue.level("event-loop"))).contains("The lab checked all 2 interleavings: every one ends with "
                + "finished, lostUpdates == 0 and counter == 2.");
        assertThat(Exhaustive.proof(catalogue.level("lost-update"))).isEmpty();
    }

    @Test
    void the_deadlock_level_is_detected_with_its_cycle() {
        Level level = LevelCatalogue.builtIn().level("deadlock");
        Session session = level.play();

        for (int thread : level.solution().schedule()) session.step(thread);

        Event last = session.lastEvent().orElseThrow();
        assertThat(last.findings()).hasSize(2).last().isInstanceOfSatisfying(Finding.Deadlock.class, d -> {
            assertThat(d.cycle()).extracting(WaitLink::thread, WaitLink::holds, WaitLink::waitsFor, WaitLink::owner)
                    .containsExactly(tuple(0, List.of("A"), "B", 1),
                            tuple(1, List.of("B"), "A", 0));
            assertThat(d.text()).isEqualTo("deadlock: thread 1 holds A and waits for B; thread 2 holds B and waits for A");
        });
        assertThat(session.ending()).get().isInstanceOfSatisfying(Ending.Deadlock.class, d -> assertThat(d.text())
                .isEqualTo("Deadlock: thread 1 holds A and waits for B; thread 2 holds B and waits for A; neither can ever move again."));
        assertThat(session.runnable()).isEmpty();
        assertThat(Exhaustive.explore(level.machine()).deadlockReachable()).isTrue();
    }

    @Test
    void with_one_lock_order_no_deadlock_can_be_reached() {
        Level level = LevelCatalogue.builtIn().level("lock-order");

        Exhaustive.Exploration all = Exhaustive.explore(level.machine());

        assertThat(all.deadlockReachable()).isFalse();
        assertThat(all.endings()).allSatisfy(t -> assertThat(t.ending()).isInstanceOf(Ending.Finished.class));
        assertThat(all.reaching(List.of(new Condition.Deadlocked()))).isEmpty();
        assertThat(all.reaching(level.goal().reach())).isPresent();
    }

    @Test
    void the_event_loop_loses_an_update_only_with_the_await_turned_on() {
        Level level = LevelCatalogue.builtIn().level("event-loop");
        List<Condition> lose = List.of(Condition.parse("lostUpdates >= 1"));

        Exhaustive.Exploration without = Exhaustive.explore(level.machine(Set.of()));
        Exhaustive.Exploration with = Exhaustive.explore(level.machine(Set.of("await")));

        assertThat(level.defaultToggles()).isEmpty();
        assertThat(without.interleavings()).as("one task runs whole, then the other").isEqualTo(2);
        assertThat(without.reaching(lose)).isEmpty();
        assertThat(with.reaching(lose)).isPresent();
    }

    @Test
    void an_await_toggled_off_is_left_out_of_the_program() {
        Level level = LevelCatalogue.builtIn().level("event-loop");
        Program written = level.threads().getFirst().program();

        Program off = written.with(Set.of());
        Program on = written.with(Set.of("await"));

        assertThat(written.lines()).extracting(Line::toggle).containsExactly(null, null, null, "await", null);
        assertThat(off.lines()).extracting(Line::text).containsExactly("async def increment():", "    global counter",
                "    value = counter", "    counter = value + 1");
        assertThat(off.instructions()).extracting(Instruction::text, Instruction::line)
                .containsExactly(tuple("load value <- counter", 2),
                        tuple("set value <- value + 1", 3),
                        tuple("store counter <- value", 3));
        assertThat(on.instructions()).extracting(Instruction::text)
                .containsExactly("load value <- counter", "await", "set value <- value + 1", "store counter <- value");
        assertThatThrownBy(() -> level.machine(Set.of("sleep"))).hasMessage("level event-loop offers no toggle sleep");
    }

    @Test
    void the_atomic_increment_retries_after_a_failed_compare_and_set() {
        Level level = LevelCatalogue.builtIn().level("atomic");
        Session session = level.play();

        List<Event> events = level.solution().schedule().stream().map(session::step).toList();

        Event failed = events.get(5);
        assertThat(failed.instruction()).isEqualTo("cas counter, expected v, new n, else goto top");
        assertThat(failed.text()).isEqualTo("Thread 2's compare-and-set finds counter = 1, not the 0 it expected, and writes nothing, "
                + "so it goes back to top. Compare-and-set failed: counter is 1, not 0, so thread 2 wrote nothing and retries.");
        assertThat(session.state().thread(1).pc()).isEqualTo(3);
        assertThat(session.state().counts()).isEqualTo(new Counts(0, 0, 1, 0));
        assertThat(session.state().value("counter")).isEqualTo(2);
    }

    @Test
    void two_withdrawals_that_both_pass_the_check_overdraw_the_account() {
        Level level = LevelCatalogue.builtIn().level("check-then-act");
        Session session = level.play();

        List<Event> events = level.solution().schedule().stream().map(session::step).toList();

        assertThat(events.get(1).action()).isEqualTo("thread 1 tests b < 80: 100 < 80 is false, so it goes on");
        assertThat(events.getLast().findings()).singleElement().isInstanceOfSatisfying(Finding.InvariantBroken.class,
                f -> assertThat(f.text()).isEqualTo("balance is -60: the invariant balance >= 0 no longer holds"));
        assertThat(session.state().value("balance")).isEqualTo(-60);
        assertThat(session.ending()).get().extracting(Ending::text)
                .isEqualTo("All threads are done: balance = -60. The invariant balance >= 0 was broken.");
    }
}
