package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/// "Let the scheduler decide": seeded random schedules, repeatable, and what they come to.
class RandomSchedulesTest {
    private static final LevelCatalogue LEVELS = LevelCatalogue.builtIn();

    @Test
    void the_same_seed_gives_the_same_schedules_and_each_replays_to_the_same_state() {
        Machine machine = LEVELS.level("lost-update").machine();
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);

        List<RaceState> once = new ArrayList<>();
        List<RaceState> again = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            once.add(RandomSchedules.play(machine, first));
            again.add(RandomSchedules.play(machine, second));
        }

        assertThat(again).isEqualTo(once);
        assertThat(once).allSatisfy(end -> assertThat(machine.replay(end.schedule())).isEqualTo(end));
        assertThat(once.stream().map(RaceState::schedule).distinct().count()).as("the runs differ").isGreaterThan(5);
        assertThat(RandomSchedules.run(machine, 200, 7)).isEqualTo(RandomSchedules.run(machine, 200, 7));
    }

    @Test
    void the_histogram_counts_the_runs_by_updates_lost_and_keeps_the_first_losing_schedule() {
        Machine machine = LEVELS.level("lost-update").machine();

        RandomSchedules.Report report = RandomSchedules.run(machine, 1_000, 13);

        assertThat(report.lostUpdates().keySet()).containsExactly(0, 1);
        assertThat(report.losing(0) + report.losing(1)).isEqualTo(1_000);
        assertThat(report.losing(1)).isPositive().isEqualTo(report.reachedGoal());
        assertThat(report.finished()).isEqualTo(1_000);
        assertThat(report.deadlocks() + report.stuck() + report.tooLong() + report.brokeInvariant()).isZero();
        Session opened = Session.open(machine, report.firstLosing().orElseThrow());
        while (opened.canRedo()) opened.redo();
        assertThat(opened.state().counts().lostUpdates()).isEqualTo(1);
        assertThat(opened.goal().progress()).isEqualTo(GoalStatus.Progress.REACHED);
        assertThat(report.describe()).isEqualTo("Of 1000 random schedules, " + report.losing(0) + " lost no update and "
                + report.losing(1) + " lost one update; " + report.reachedGoal() + " reached the goal.");
    }

    @Test
    void random_schedules_of_the_synchronized_increment_never_lose_an_update() {
        RandomSchedules.Report report = RandomSchedules.run(LEVELS.level("synchronized").machine(), 500, 1);

        assertThat(report.lostUpdates()).containsOnlyKeys(0);
        assertThat(report.firstLosing()).isEmpty();
    }

    @Test
    void random_schedules_find_the_deadlock_and_the_overdraft() {
        Machine deadlock = LEVELS.level("deadlock").machine();
        Machine overdraft = LEVELS.level("check-then-act").machine();

        RandomSchedules.Report deadlocks = RandomSchedules.run(deadlock, 500, 3);
        RandomSchedules.Report overdrafts = RandomSchedules.run(overdraft, 500, 3);
        RandomSchedules.Report ordered = RandomSchedules.run(LEVELS.level("lock-order").machine(), 500, 3);

        assertThat(deadlocks.deadlocks()).isPositive().isEqualTo(500 - deadlocks.finished());
        assertThat(deadlock.ending(deadlock.replay(deadlocks.firstDeadlock().orElseThrow()))).get().isInstanceOf(Ending.Deadlock.class);
        assertThat(overdrafts.brokeInvariant()).isPositive();
        assertThat(overdraft.replay(overdrafts.firstBroken().orElseThrow()).value("balance")).isNegative();
        assertThat(ordered.deadlocks()).isZero();
        assertThat(ordered.finished()).isEqualTo(500);
    }
}
