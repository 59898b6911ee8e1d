package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// Something the lab noticed at a step: what the levels are about. Each finding says itself in
/// words ([#text]) and keeps the facts for a view to mark.
public sealed interface Finding {

    /// The finding in a sentence.
    String text();

    /// A store whose value was computed from a stale read overwrote `lost` updates of other
    /// threads: "thread 2 stored 1 over thread 1's 1: one update lost".
    ///
    /// @param thread      the storing thread
    /// @param variable    the variable stored to
    /// @param stored      the value stored
    /// @param overwritten the value it overwrote
    /// @param writer      the thread that wrote the overwritten value
    /// @param read        the stale read the stored value was computed from
    /// @param lost        how many writes of other threads since that read the store erased
    record LostUpdate(int thread, String variable, int stored, int overwritten, int writer, Read read, int lost, String text)
            implements Finding {
        public LostUpdate {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(text, "text");
            if (lost < 1) throw new IllegalArgumentException("a lost update loses at least one update");
        }
    }

    /// A thread tried to take `lock`, which `owner` holds, and waits.
    record LockWait(int thread, String lock, int owner, String text) implements Finding {
        public LockWait {
            Objects.requireNonNull(lock, "lock");
            Objects.requireNonNull(text, "text");
        }
    }

    /// A compare-and-set found `actual` where it expected `expected`, and wrote nothing.
    record CasFailure(int thread, String variable, int expected, int actual, String text) implements Finding {
        public CasFailure {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(text, "text");
        }
    }

    /// An invariant of the level held before the step and no longer does: "balance >= 0".
    record InvariantBroken(Condition.Measure invariant, int value, String text) implements Finding {
        public InvariantBroken {
            Objects.requireNonNull(invariant, "invariant");
            Objects.requireNonNull(text, "text");
        }
    }

    /// The step closed a cycle of threads each waiting for a lock the next one holds: none of
    /// them will ever move again.
    record Deadlock(List<WaitLink> cycle, String text) implements Finding {
        public Deadlock {
            cycle = List.copyOf(cycle);
            Objects.requireNonNull(text, "text");
        }
    }
}
