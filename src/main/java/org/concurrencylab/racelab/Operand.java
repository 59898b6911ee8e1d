package org.concurrencylab.racelab;

import java.util.Objects;

/// What an instruction computes with: a register of the thread, or a number written in the
/// program. Shared variables are never operands: a thread reads one into a register with
/// [Op.Load] first, so every access to shared memory is a step of its own, where the scheduler
/// may switch.
public sealed interface Operand {

    /// How the operand is written in a program: `r`, `80`, `-1`.
    String text();

    /// A register of the thread that runs the instruction.
    record Local(String name) implements Operand {
        public Local {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name;
        }
    }

    /// A number.
    record Literal(int value) implements Operand {
        @Override
        public String text() {
            return Integer.toString(value);
        }
    }
}
