package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The one-line form of the instructions and conditions, as level files write them.
class AssemblyTest {
    private static final Map<String, Integer> LABELS = Map.of("top", 0, "end", 3);

    @ParameterizedTest
    @ValueSource(strings = {"load r <- counter", "store counter <- r", "store counter <- -1", "set r <- r + 1", "set b <- b - 80",
            "set n <- v + w", "if b < 80 goto end", "if r != 0 goto top", "if 1 >= r goto top", "goto top",
            "cas counter, expected v, new n", "cas counter, expected v, new n, else goto top", "lock A", "unlock A", "await"})
    void every_instruction_reads_back_from_its_text(String text) {
        Op op = Assembly.parse(text, LABELS);

        assertThat(op.text()).isEqualTo(text);
        assertThat(Assembly.parse(op.text(), LABELS)).isEqualTo(op);
    }

    @Test
    void instructions_read_into_their_parts_with_jumps_resolved() {
        assertThat(Assembly.parse("  load r<-counter ", LABELS)).isEqualTo(new Op.Load("r", "counter"));
        assertThat(Assembly.parse("set r <- r+1", LABELS))
                .isEqualTo(new Op.Compute("r", new Operand.Local("r"), Op.Arithmetic.ADD, new Operand.Literal(1)));
        assertThat(Assembly.parse("cas counter, expected v, new n, else goto top", LABELS)).isEqualTo(new Op.Cas("counter",
                new Operand.Local("v"), new Operand.Local("n"), new Op.Target("top", 0)));
        assertThat(Assembly.parse("if b < 80 goto end", LABELS)).isEqualTo(new Op.JumpIf(new Operand.Local("b"), Comparison.LESS,
                new Operand.Literal(80), new Op.Target("end", 3)));
    }

    @Test
    void a_mistyped_instruction_is_refused_with_the_right_form() {
        assertThatThrownBy(() -> Assembly.parse("lod r <- counter", LABELS))
                .hasMessage("\"lod r <- counter\": unknown operation \"lod\"; the operations are load, store, set, if, goto, cas, lock, "
                        + "unlock and await");
        assertThatThrownBy(() -> Assembly.parse("load r counter", LABELS))
                .hasMessage("\"load r counter\" is not a load: write it like load r <- counter");
        assertThatThrownBy(() -> Assembly.parse("set r <- r * 2", LABELS))
                .hasMessage("\"set r <- r * 2\" is not a set: write it like set r <- r + 1");
        assertThatThrownBy(() -> Assembly.parse("goto nowhere", LABELS))
                .hasMessage("\"goto nowhere\" jumps to nowhere, which is no label of the program (its labels: end, top)");
        assertThatThrownBy(() -> Assembly.parse("store counter <- 99999999999", LABELS))
                .hasMessage("99999999999 is too large: numbers are ints, from -2147483648 to 2147483647");
    }

    @Test
    void conditions_read_back_from_their_text() {
        assertThat(Condition.parse("finished")).isEqualTo(new Condition.Finished());
        assertThat(Condition.parse("deadlock")).isEqualTo(new Condition.Deadlocked());
        assertThat(Condition.parse("balance < 0")).isEqualTo(new Condition.Measure("balance", Comparison.LESS, 0));
        assertThat(Condition.parse("lostUpdates>=1").text()).isEqualTo("lostUpdates >= 1");
        assertThatThrownBy(() -> Condition.parse("counter is 2")).hasMessage("\"counter is 2\" is not a condition: write finished, "
                + "deadlock, or a measure compared with a number, like counter == 2");
    }
}
