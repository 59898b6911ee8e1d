package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/// The whole machine at one moment, immutable: every thread, every shared variable, every lock,
/// the running task of an event loop, what the lab has counted, and the steps that led here.
/// Two states are equal when all of that is; [#withoutHistory] forgets the steps, for comparing
/// where two schedules lead.
///
/// @param threads the threads, in the level's order
/// @param shared  the shared variables, in the level's order
/// @param locks   the locks, in the order the programs first name them
/// @param current under [Rules#EVENT_LOOP], the task that runs until its next await, or -1 when
///                the loop may pick any task; always -1 under [Rules#THREADS]
/// @param counts  lost updates, lock waits, failed compare-and-sets and broken invariants so far
/// @param history the steps taken, oldest first
public record RaceState(List<ThreadState> threads, List<SharedVariable> shared, List<LockState> locks, int current,
                        Counts counts, List<Event> history) {
    public RaceState {
        threads = List.copyOf(threads);
        shared = List.copyOf(shared);
        locks = List.copyOf(locks);
        Objects.requireNonNull(counts, "counts");
        history = List.copyOf(history);
        if (current < -1 || current >= threads.size()) throw new IllegalArgumentException("no thread " + current);
    }

    public ThreadState thread(int index) {
        return threads.get(index);
    }

    /// The shared variable `name`.
    ///
    /// @throws IllegalArgumentException when the level has none of that name
    public SharedVariable variable(String name) {
        return shared.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shared variable " + name));
    }

    /// The value of shared variable `name`.
    public int value(String name) {
        return variable(name).value();
    }

    /// The lock `name`.
    ///
    /// @throws IllegalArgumentException when the programs use none of that name
    public LockState lock(String name) {
        return locks.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lock " + name));
    }

    /// The value of a measure a [Condition] names: one of [Counts#MEASURES] or a shared variable.
    public int measure(String name) {
        return Counts.MEASURES.contains(name) ? counts.get(name) : value(name);
    }

    /// The running task of an event loop, if one runs until its next await.
    public OptionalInt currentTask() {
        return current < 0 ? OptionalInt.empty() : OptionalInt.of(current);
    }

    /// The thread chosen at each step so far: replaying it from the start gives this state.
    public List<Integer> schedule() {
        return history.stream().map(Event::thread).toList();
    }

    public boolean allDone() {
        return threads.stream().allMatch(ThreadState::done);
    }

    /// The locks thread `thread` holds, in order.
    public List<String> held(int thread) {
        return locks.stream().filter(l -> l.owner() == thread).map(LockState::name).toList();
    }

    /// The same state with no steps behind it: what is left when two runs are compared by where
    /// they are, not by how they got there.
    public RaceState withoutHistory() {
        return history.isEmpty() ? this : new RaceState(threads, shared, locks, current, counts, List.of());
    }
}
