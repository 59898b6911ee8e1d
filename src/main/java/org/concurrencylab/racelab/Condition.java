package org.concurrencylab.racelab;

import java.util.Objects;

/// Something a level asks of the end of a run (its [Goal]), promises of every run (its claims,
/// which [Exhaustive] proves), or asks of every moment (its invariants). Level files write a
/// condition as `finished`, `deadlock`, or a measure compared with a number: `counter == 2`,
/// `balance < 0`, `lostUpdates >= 1`. A measure is a shared variable of the level or one of the
/// [Counts#MEASURES].
public sealed interface Condition {

    /// The condition as a level file writes it.
    String text();

    /// Whether the condition holds in `state`, which ended as `ending` (null while it runs).
    boolean holds(RaceState state, Ending ending);

    /// Why the condition does not hold, in words: "counter is 2, not < 2".
    String unmet(RaceState state, Ending ending);

    /// Every thread is done.
    record Finished() implements Condition {
        @Override
        public String text() {
            return "finished";
        }

        @Override
        public boolean holds(RaceState state, Ending ending) {
            return ending instanceof Ending.Finished;
        }

        @Override
        public String unmet(RaceState state, Ending ending) {
            return ending == null ? "the threads have not finished yet" : "the threads did not all finish";
        }
    }

    /// The run ended in a deadlock.
    record Deadlocked() implements Condition {
        @Override
        public String text() {
            return "deadlock";
        }

        @Override
        public boolean holds(RaceState state, Ending ending) {
            return ending instanceof Ending.Deadlock;
        }

        @Override
        public String unmet(RaceState state, Ending ending) {
            return "there is no deadlock";
        }
    }

    /// A measure compared with a number: `counter == 2`.
    record Measure(String measure, Comparison comparison, int value) implements Condition {
        public Measure {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(comparison, "comparison");
        }

        @Override
        public String text() {
            return measure + " " + comparison.symbol() + " " + value;
        }

        @Override
        public boolean holds(RaceState state, Ending ending) {
            return comparison.test(state.measure(measure), value);
        }

        @Override
        public String unmet(RaceState state, Ending ending) {
            return measure + " is " + state.measure(measure) + ", not " + comparison.symbol() + " " + value;
        }
    }

    /// Reads a condition as a level file writes it.
    ///
    /// @throws IllegalArgumentException when `text` is none of the forms
    static Condition parse(String text) {
        String condition = text.strip();
        if (condition.equals("finished")) return new Finished();
        if (condition.equals("deadlock")) return new Deadlocked();
        return Assembly.measure(condition).orElseThrow(() -> new IllegalArgumentException("\"" + condition
                + "\" is not a condition: write finished, deadlock, or a measure compared with a number, like counter == 2"));
    }
}
