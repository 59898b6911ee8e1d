package org.concurrencylab.core.trace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/// The one table of state names: every state has each wording, and no two states share one.
class StateTest {
    private static final List<Function<State, String>> WORDINGS =
            List.of(State::title, State::shortTitle, State::legend, State::label);

    @Test
    void every_state_has_a_title_a_short_title_a_legend_and_a_label() {
        for (State state : State.values()) {
            for (Function<State, String> wording : WORDINGS) {
                assertThat(wording.apply(state)).as("%s", state).isNotNull().isNotBlank();
            }
        }
    }

    @Test
    void no_two_states_share_a_wording() {
        for (Function<State, String> wording : WORDINGS) {
            List<String> names = Arrays.stream(State.values()).map(wording).toList();
            assertThat(names).doesNotHaveDuplicates();
        }
    }

    @Test
    void the_wordings_are_the_ones_the_window_and_the_files_show() {
        assertThat(State.WORK.title()).isEqualTo("CPU (running code)");
        assertThat(State.IO_WAIT.shortTitle()).isEqualTo("I/O");
        assertThat(State.QUEUED.title()).isEqualTo("queued");
        assertThat(State.QUEUED.legend()).isEqualTo("queued, waiting for a worker or a connection");
        assertThat(State.LOCK_WAIT.label()).isEqualTo("lock wait");
    }
}
