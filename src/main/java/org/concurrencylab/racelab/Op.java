package org.concurrencylab.racelab;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/// What one step of a thread does: the race lab's whole instruction set. Each operation is one
/// indivisible step; the scheduler may switch threads between any two of them, never inside one.
/// Only [Load], [Store] and [Cas] touch shared variables, so `counter = counter + 1` takes three
/// steps (load, compute, store) and a switch can fall between the read and the write.
///
/// [#text] writes an operation the way level files do (see [Assembly]): `load r <- counter`,
/// `set r <- r + 1`, `store counter <- r`, `if b < 80 goto end`, `goto top`,
/// `cas counter, expected v, new n, else goto top`, `lock A`, `unlock A`, `await`.
public sealed interface Op {

    /// The operation as a level file writes it.
    String text();

    /// The same operation with its jump targets renumbered by `remap` (used when a toggled line
    /// is left out of a program).
    default Op renumbered(IntUnaryOperator remap) {
        return this;
    }

    /// Where a jump goes: a label of the program and the index of the instruction it names (the
    /// program's length for `end`, which finishes the thread).
    record Target(String label, int index) {
        public Target {
            Objects.requireNonNull(label, "label");
            if (index < 0) throw new IllegalArgumentException("a jump target must be >= 0, was " + index);
        }

        Target renumbered(IntUnaryOperator remap) {
            return new Target(label, remap.applyAsInt(index));
        }
    }

    /// The arithmetic a [Compute] does.
    enum Arithmetic {
        ADD("+"), SUBTRACT("-");

        private final String symbol;

        Arithmetic(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public int apply(int left, int right) {
            return switch (this) {
                case ADD -> left + right;
                case SUBTRACT -> left - right;
            };
        }
    }

    /// Reads shared `variable` into `register`: `load r <- counter`.
    record Load(String register, String variable) implements Op {
        public Load {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String text() {
            return "load " + register + " <- " + variable;
        }
    }

    /// Writes `value` to shared `variable`: `store counter <- r`.
    record Store(String variable, Operand value) implements Op {
        public Store {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return "store " + variable + " <- " + value.text();
        }
    }

    /// Computes in registers only: `set r <- r + 1`.
    record Compute(String register, Operand left, Arithmetic arithmetic, Operand right) implements Op {
        public Compute {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(arithmetic, "arithmetic");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String text() {
            return "set " + register + " <- " + left.text() + " " + arithmetic.symbol() + " " + right.text();
        }
    }

    /// Jumps to `target` when the comparison holds, else goes on: `if b < 80 goto end`.
    record JumpIf(Operand left, Comparison comparison, Operand right, Target target) implements Op {
        public JumpIf {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String text() {
            return "if " + left.text() + " " + comparison.symbol() + " " + right.text() + " goto " + target.label();
        }

        @Override
        public Op renumbered(IntUnaryOperator remap) {
            return new JumpIf(left, comparison, right, target.renumbered(remap));
        }
    }

    /// Jumps to `target`: `goto top`.
    record Jump(Target target) implements Op {
        public Jump {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String text() {
            return "goto " + target.label();
        }

        @Override
        public Op renumbered(IntUnaryOperator remap) {
            return new Jump(target.renumbered(remap));
        }
    }

    /// Compare-and-set, one indivisible step (the CPU's `lock cmpxchg`): when `variable` holds
    /// `expected` it becomes `update` and the thread goes on; otherwise nothing is written and the
    /// thread jumps to `retry`, or goes on when `retry` is null.
    /// `cas counter, expected v, new n, else goto top`.
    record Cas(String variable, Operand expected, Operand update, Target retry) implements Op {
        public Cas {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(update, "update");
        }

        @Override
        public String text() {
            String text = "cas " + variable + ", expected " + expected.text() + ", new " + update.text();
            return retry == null ? text : text + ", else goto " + retry.label();
        }

        @Override
        public Op renumbered(IntUnaryOperator remap) {
            return retry == null ? this : new Cas(variable, expected, update, retry.renumbered(remap));
        }
    }

    /// Takes `lock`, or waits for it (state [ThreadStatus#LOCK_WAIT]) while another thread holds
    /// it. A thread may take a lock it holds again (Java's monitors are reentrant).
    record Lock(String lock) implements Op {
        public Lock {
            Objects.requireNonNull(lock, "lock");
        }

        @Override
        public String text() {
            return "lock " + lock;
        }
    }

    /// Gives `lock` back; when the thread held it once more than it gave it back, the first
    /// waiting thread takes it.
    record Unlock(String lock) implements Op {
        public Unlock {
            Objects.requireNonNull(lock, "lock");
        }

        @Override
        public String text() {
            return "unlock " + lock;
        }
    }

    /// Under [Rules#EVENT_LOOP], the task hands control back to the event loop, which may run
    /// another task next: the only place a task can be interrupted. Under [Rules#THREADS] a step
    /// that does nothing.
    record Await() implements Op {
        @Override
        public String text() {
            return "await";
        }
    }
}
