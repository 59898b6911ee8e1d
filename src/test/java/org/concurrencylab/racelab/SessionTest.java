package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Playing a level the way a view model does: step, undo, redo, restart, replay, the goal.
class SessionTest {
    private final Level level = LevelCatalogue.builtIn().level("synchronized");

    @Test
    void undo_returns_exactly_the_state_before_each_step() {
        Session session = level.play();
        List<RaceState> seen = new ArrayList<>();

        for (int thread : level.solution().schedule()) {
            seen.add(session.state());
            session.step(thread);
        }
        for (int i = seen.size() - 1; i >= 0; i--) {
            session.undo();
            assertThat(session.state()).isEqualTo(seen.get(i));
        }

        assertThat(session.state()).isEqualTo(session.machine().start());
        assertThat(session.canUndo()).isFalse();
        assertThatThrownBy(session::undo).hasMessage("nothing to undo: no step has been taken");
    }

    @Test
    void redo_takes_the_undone_steps_again_until_another_thread_steps() {
        Session session = level.play();
        session.step(0);
        session.step(1);
        RaceState afterTwo = session.state();
        session.undo();
        session.undo();

        assertThat(session.remembered()).containsExactly(0, 1);
        Event again = session.step(0);
        assertThat(again.action()).isEqualTo("thread 1 takes lock L");
        assertThat(session.canRedo()).as("stepping the remembered thread keeps the future").isTrue();
        session.redo();
        assertThat(session.state()).isEqualTo(afterTwo);

        session.undo();
        session.step(0);
        assertThat(session.canRedo()).isFalse();
        assertThat(session.schedule()).containsExactly(0, 0);
        assertThat(session.remembered()).containsExactly(0, 0);
    }

    @Test
    void restart_goes_back_to_the_start_and_forgets_the_steps() {
        Session session = level.play();
        session.step(0);
        session.step(1);

        session.restart();

        assertThat(session.state()).isEqualTo(session.machine().start());
        assertThat(session.events()).isEmpty();
        assertThat(session.lastEvent()).isEmpty();
        assertThat(session.canRedo()).isFalse();
        assertThat(session.runnable()).containsExactly(0, 1);
    }

    @Test
    void replaying_a_schedule_from_the_start_gives_the_same_states() {
        Session session = level.play();
        List<RaceState> stepped = new ArrayList<>(List.of(session.state()));
        for (int thread : level.solution().schedule()) {
            session.step(thread);
            stepped.add(session.state());
        }

        assertThat(session.machine().states(session.schedule())).isEqualTo(stepped);
        assertThat(level.machine().replay(session.schedule())).isEqualTo(session.state());
    }

    @Test
    void an_opened_schedule_is_stepped_through_from_its_start() {
        List<Integer> schedule = level.solution().schedule();

        Session session = Session.open(level.machine(), schedule);

        assertThat(session.events()).isEmpty();
        assertThat(session.remembered()).isEqualTo(schedule);
        List<String> actions = new ArrayList<>();
        while (session.canRedo()) actions.add(session.redo().action());
        assertThat(actions).hasSize(schedule.size()).startsWith("thread 1 takes lock L",
                "thread 2 tries to take lock L, held by thread 1, and waits");
        assertThat(session.goal().progress()).isEqualTo(GoalStatus.Progress.REACHED);
    }

    @Test
    void the_goal_is_playing_until_the_run_ends_then_reached_or_missed_in_words() {
        Session session = level.play();
        assertThat(session.goal()).isEqualTo(new GoalStatus(GoalStatus.Progress.PLAYING, level.goal().text()));

        for (int thread : List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1)) session.step(thread);

        assertThat(session.goal()).isEqualTo(new GoalStatus(GoalStatus.Progress.MISSED, "Not this time: lockWaits is 0, not >= 1. "
                + "All threads are done: counter = 2, as expected. Undo a few steps, or restart."));
        session.restart();
        for (int thread : level.solution().schedule()) session.step(thread);
        assertThat(session.goal()).isEqualTo(new GoalStatus(GoalStatus.Progress.REACHED,
                "Goal reached. All threads are done: counter = 2, as expected."));
    }

    @Test
    void a_view_model_learns_why_a_thread_cannot_step_and_what_it_runs_next() {
        Session session = level.play();
        session.step(0);
        session.step(1);

        assertThat(session.canStep(1)).isFalse();
        assertThat(session.whyNot(1)).contains("thread 2 waits for lock L, which thread 1 holds");
        assertThat(session.next(0)).get().extracting(Instruction::text, Instruction::line, Instruction::jvm)
                .containsExactly("load r <- counter", 1, List.of("aload_0", "aload_0", "getfield counter"));
        assertThatThrownBy(() -> session.step(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
