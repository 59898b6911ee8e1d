package org.concurrencylab.racelab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/// Every interleaving of a small machine: a depth-first search over all schedules, remembering
/// the states already explored (two schedules that reach the same state, their histories
/// aside, go on the same way), so that "no interleaving loses an update" is a proof, not a
/// sample. It also counts the interleavings: the distinct complete schedules.
///
/// Thread-safety: stateless.
public final class Exhaustive {
    /// How many distinct states a search explores before it gives up.
    public static final int DEFAULT_LIMIT = 1_000_000;

    private Exhaustive() {}

    /// A way a run can end, with the first schedule the search found to it.
    ///
    /// @param state  the ending state; its history is that schedule
    /// @param ending how it ended
    public record Terminal(RaceState state, Ending ending) {
        public Terminal {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(ending, "ending");
        }

        /// The schedule that leads there.
        public List<Integer> schedule() {
            return state.schedule();
        }

        public boolean meets(List<Condition> conditions) {
            return conditions.stream().allMatch(c -> c.holds(state, ending));
        }
    }

    /// What the search found.
    ///
    /// @param states        how many distinct states it explored
    /// @param interleavings how many complete schedules there are, or -1 when a loop makes some
    ///                      schedules endless (a thread can spin forever)
    /// @param endings       every distinct ending state, in the order found
    public record Exploration(int states, long interleavings, List<Terminal> endings) {
        public Exploration {
            endings = List.copyOf(endings);
        }

        /// The number of complete schedules, unless a loop makes some endless.
        public OptionalLong countedInterleavings() {
            return interleavings < 0 ? OptionalLong.empty() : OptionalLong.of(interleavings);
        }

        /// Whether every interleaving ends meeting `conditions`.
        public boolean always(List<Condition> conditions) {
            return counterexample(conditions).isEmpty();
        }

        /// An ending that does not meet `conditions`, if there is one.
        public Optional<Terminal> counterexample(List<Condition> conditions) {
            return endings.stream().filter(t -> !t.meets(conditions)).findFirst();
        }

        /// An ending that meets `conditions`, if some interleaving reaches one.
        public Optional<Terminal> reaching(List<Condition> conditions) {
            return endings.stream().filter(t -> t.meets(conditions)).findFirst();
        }

        /// Whether some interleaving ends in a deadlock.
        public boolean deadlockReachable() {
            return endings.stream().anyMatch(t -> t.ending() instanceof Ending.Deadlock);
        }

        /// The proof in a sentence, for a level's text: "All 20 interleavings end with finished,
        /// lostUpdates == 0 and counter == 2." or how one does not.
        public String describe(List<Condition> conditions) {
            String all = interleavings < 0 ? "all interleavings (some loop forever)" : interleavings == 1 ? "the one interleaving"
                    : "all " + interleavings + " interleavings";
            String what = Words.and(conditions.stream().map(Condition::text).toList());
            Optional<Terminal> counter = counterexample(conditions);
            if (counter.isEmpty()) return "The lab checked " + all + ": every one ends with " + what + ".";
            Terminal t = counter.get();
            return "The lab checked " + all + ": not every one ends with " + what + "; the schedule "
                    + t.schedule().stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining(" ")) + " ends otherwise. "
                    + t.ending().text();
        }
    }

    /// What `level` claims of all its interleavings, proved (or refuted) in a sentence for the
    /// level's goal text, with the toggles as the level opens; empty when it claims nothing.
    ///
    /// @throws IllegalStateException when the level has more than [#DEFAULT_LIMIT] states
    public static Optional<String> proof(Level level) {
        if (level.always().isEmpty()) return Optional.empty();
        return Optional.of(explore(level.machine()).describe(level.always()));
    }

    /// Explores every interleaving of `machine`.
    ///
    /// @throws IllegalStateException when there are more than [#DEFAULT_LIMIT] states
    public static Exploration explore(Machine machine) {
        return explore(machine, DEFAULT_LIMIT);
    }

    /// Explores every interleaving of `machine`, giving up beyond `limit` distinct states.
    ///
    /// @throws IllegalStateException when there are more than `limit` states
    public static Exploration explore(Machine machine, int limit) {
        /// A state under exploration: its threads still to try, and the schedules counted so far.
        final class Frame {
            final RaceState state;
            final RaceState key;
            final List<Integer> children;
            int next;
            long count;

            Frame(RaceState state, RaceState key) {
                this.state = state;
                this.key = key;
                this.children = machine.runnable(state);
            }
        }
        Map<RaceState, Long> counted = new HashMap<>();
        Set<RaceState> onPath = new HashSet<>();
        Map<RaceState, Terminal> endings = new LinkedHashMap<>();
        boolean endless = false;
        RaceState start = machine.start();
        Optional<Ending> startEnding = machine.ending(start);
        if (startEnding.isPresent()) return new Exploration(1, 1, List.of(new Terminal(start, startEnding.get())));
        Deque<Frame> path = new ArrayDeque<>();
        path.push(new Frame(start, start));
        onPath.add(start);
        int states = 1;
        while (!path.isEmpty()) {
            Frame frame = path.peek();
            if (frame.next < frame.children.size()) {
                RaceState child = machine.step(frame.state, frame.children.get(frame.next++)).state();
                RaceState key = child.withoutHistory();
                Long known = counted.get(key);
                if (known != null) {
                    frame.count = add(frame.count, known);
                } else if (onPath.contains(key)) {
                    endless = true;
                } else {
                    if (++states > limit) {
                        throw new IllegalStateException("more than " + limit + " states: too many to check every interleaving");
                    }
                    Optional<Ending> ending = machine.ending(child);
                    if (ending.isPresent()) {
                        endings.put(key, new Terminal(child, ending.get()));
                        counted.put(key, 1L);
                        frame.count = add(frame.count, 1);
                    } else {
                        path.push(new Frame(child, key));
                        onPath.add(key);
                    }
                }
            } else {
                path.pop();
                onPath.remove(frame.key);
                counted.put(frame.key, frame.count);
                if (!path.isEmpty()) path.peek().count = add(path.peek().count, frame.count);
            }
        }
        return new Exploration(states, endless ? -1 : counted.get(start), new ArrayList<>(endings.values()));
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
