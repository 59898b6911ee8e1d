package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// One step of a program: what it does, the source line it belongs to (several steps can share
/// a line: `counter = counter + 1` is a load, a computation and a store), and, optionally, what
/// the step is in the JVM's bytecode and in CPython's.
///
/// @param op     what the step does
/// @param line   the index of its line in [Program#lines]
/// @param jvm    the JVM bytecode of the step (`getfield counter`), or empty
/// @param python the CPython bytecode of the step (`LOAD_GLOBAL counter`), or empty
public record Instruction(Op op, int line, List<String> jvm, List<String> python) {
    public Instruction {
        Objects.requireNonNull(op, "op");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, was " + line);
        jvm = List.copyOf(jvm);
        python = List.copyOf(python);
    }

    /// A step without bytecode details.
    public Instruction(Op op, int line) {
        this(op, line, List.of(), List.of());
    }

    /// The step as a level file writes it: `load r <- counter`.
    public String text() {
        return op.text();
    }
}
