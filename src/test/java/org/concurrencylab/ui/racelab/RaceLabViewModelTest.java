package org.concurrencylab.ui.racelab;

import org.concurrencylab.racelab.GoalStatus;
import org.concurrencylab.racelab.Level;
import org.concurrencylab.racelab.LevelCatalogue;
import org.concurrencylab.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// The race lab without the FX thread: the learner schedules, undoes, lets the scheduler decide,
/// and opens a real run's lost update.
class RaceLabViewModelTest {
    private final RaceLabViewModel vm = new RaceLabViewModel(LevelCatalogue.builtIn(), TaskExecutor.currentThread());

    @Test
    void every_level_s_solution_played_through_the_view_model_reaches_its_goal() {
        for (Level level : vm.levels()) {
            vm.select(level);
            level.solution().toggles().forEach(t -> vm.toggle(t, true));
            for (String t : level.defaultToggles()) if (!level.solution().toggles().contains(t)) vm.toggle(t, false);
            for (int thread : level.solution().schedule()) vm.step(thread);

            assertThat(vm.session().goal().progress()).as("%s", level.id()).isEqualTo(GoalStatus.Progress.REACHED);
        }
    }

    @Test
    void the_lost_update_is_said_and_marked_and_undo_takes_it_back() {
        for (int thread : new int[] {0, 1, 0, 0, 1}) vm.step(thread);
        assertThat(vm.saidLostProperty().get()).isFalse();

        vm.step(1);

        assertThat(vm.saidProperty().get()).contains("one update lost");
        assertThat(vm.saidLostProperty().get()).isTrue();
        assertThat(vm.session().state().value("counter")).isEqualTo(1);
        vm.undo();
        assertThat(vm.saidLostProperty().get()).isFalse();
        assertThat(vm.session().events()).hasSize(5);
        vm.redo();
        assertThat(vm.saidLostProperty().get()).isTrue();
        vm.restart();
        assertThat(vm.session().events()).isEmpty();
    }

    @Test
    void a_thread_that_cannot_step_says_why_and_nothing_changes() {
        vm.select(vm.levels().stream().filter(l -> l.id().equals("synchronized")).findFirst().orElseThrow());
        vm.step(0); // thread 1 takes the lock
        long before = vm.session().events().size();

        vm.step(1); // thread 2 asks for it and waits
        vm.step(1); // and cannot step while it waits

        assertThat(vm.session().events()).hasSize((int) before + 1);
        assertThat(vm.saidProperty().get()).isNotBlank();
    }

    @Test
    void the_scheduler_s_seeds_repeat_and_its_first_losing_schedule_opens_step_by_step() {
        vm.letTheSchedulerDecide();
        String first = vm.schedulerProperty().get();
        assertThat(first).startsWith("Seed 1. Of 1000 random schedules");
        assertThat(vm.hasLosingSchedule()).isTrue();
        assertThat(vm.report()).hasValueSatisfying(r -> assertThat(r.lostUpdates().values().stream()
                .mapToInt(Integer::intValue).sum()).as("every schedule in the chart's bars").isEqualTo(RaceLabViewModel.RANDOM_RUNS));

        vm.openFirstLosing();
        assertThat(vm.session().events()).isEmpty();
        while (vm.session().canRedo()) vm.redo();
        assertThat(vm.session().state().counts().lostUpdates()).isPositive();

        RaceLabViewModel again = new RaceLabViewModel(LevelCatalogue.builtIn(), TaskExecutor.currentThread());
        again.letTheSchedulerDecide();
        assertThat(again.schedulerProperty().get()).isEqualTo(first);
    }

    @Test
    void a_real_run_either_opens_its_lost_update_or_says_none_was_found() {
        vm.replayRealRun();

        assertThat(vm.busyProperty().get()).isFalse();
        if (vm.reenactment().isPresent()) {
            assertThat(vm.saidProperty().get()).startsWith("The real run counted");
            while (vm.session().canRedo()) vm.redo();
            assertThat(vm.session().state().counts().lostUpdates()).as("the CPU's lost update, stepped").isPositive();
        } else {
            assertThat(vm.saidProperty().get()).startsWith("The real run counted");
        }
    }
}
