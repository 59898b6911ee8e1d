package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/// "Let the scheduler decide": many runs of a machine, each picking the next thread at random
/// among the runnable ones, and what they came to. The runs are repeatable: the same seed gives
/// the same schedules, so a schedule found here can be opened step by step ([Session#open]).
///
/// Thread-safety: stateless; a [RandomGenerator] passed in must not be shared meanwhile.
public final class RandomSchedules {
    /// A run that has not ended after this many steps is counted as too long (a thread may spin).
    public static final int MAX_STEPS = 10_000;

    private RandomSchedules() {}

    /// What the runs came to.
    ///
    /// @param runs           how many runs
    /// @param lostUpdates    how many runs lost 0, 1, 2… updates
    /// @param finished       runs in which every thread finished
    /// @param deadlocks      runs that ended in a deadlock
    /// @param stuck          runs that ended with threads waiting for a lock nobody will give back
    /// @param tooLong        runs stopped after [#MAX_STEPS] steps
    /// @param brokeInvariant runs that broke an invariant of the level (an overdraft)
    /// @param reachedGoal    runs that reached the goal
    /// @param firstLosing    the first run's schedule that lost an update
    /// @param firstDeadlock  the first run's schedule that deadlocked
    /// @param firstBroken    the first run's schedule that broke an invariant
    /// @param firstGoal      the first run's schedule that reached the goal
    public record Report(int runs, SortedMap<Integer, Integer> lostUpdates, int finished, int deadlocks, int stuck, int tooLong,
                         int brokeInvariant, int reachedGoal, Optional<List<Integer>> firstLosing,
                         Optional<List<Integer>> firstDeadlock, Optional<List<Integer>> firstBroken,
                         Optional<List<Integer>> firstGoal) {
        public Report {
            lostUpdates = Collections.unmodifiableSortedMap(new TreeMap<>(lostUpdates));
        }

        /// How many runs lost exactly `n` updates.
        public int losing(int n) {
            return lostUpdates.getOrDefault(n, 0);
        }

        /// The report in a sentence: "Of 1000 random schedules, 612 lost no update and 388 lost
        /// one; 0 deadlocked."
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Integer, Integer> e : lostUpdates.entrySet()) {
                int n = e.getKey();
                parts.add(e.getValue() + " lost " + (n == 0 ? "no update" : n == 1 ? "one update" : n + " updates"));
            }
            StringBuilder text = new StringBuilder("Of " + runs + " random schedules, " + Words.and(parts));
            if (deadlocks > 0) text.append("; ").append(deadlocks).append(" deadlocked");
            if (stuck > 0) text.append("; ").append(stuck).append(" got stuck on a lock");
            if (tooLong > 0) text.append("; ").append(tooLong).append(" ran over ").append(MAX_STEPS).append(" steps");
            if (brokeInvariant > 0) text.append("; ").append(brokeInvariant).append(" broke the invariant");
            return text.append("; ").append(reachedGoal).append(" reached the goal.").toString();
        }
    }

    /// `runs` random runs of `machine`, from a [SplittableRandom] seeded with `seed`.
    public static Report run(Machine machine, int runs, long seed) {
        return run(machine, runs, new SplittableRandom(seed));
    }

    /// `runs` random runs of `machine`, drawing from `random`.
    public static Report run(Machine machine, int runs, RandomGenerator random) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        SortedMap<Integer, Integer> lost = new TreeMap<>();
        int finished = 0, deadlocks = 0, stuck = 0, tooLong = 0, broken = 0, goal = 0;
        List<Integer> firstLosing = null, firstDeadlock = null, firstBroken = null, firstGoal = null;
        for (int i = 0; i < runs; i++) {
            RaceState end = play(machine, random);
            Counts counts = end.counts();
            lost.merge(counts.lostUpdates(), 1, Integer::sum);
            if (counts.lostUpdates() > 0 && firstLosing == null) firstLosing = end.schedule();
            if (counts.brokenInvariants() > 0) {
                broken++;
                if (firstBroken == null) firstBroken = end.schedule();
            }
            switch (machine.ending(end).orElse(null)) {
                case Ending.Finished _ -> finished++;
                case Ending.Deadlock _ -> {
                    deadlocks++;
                    if (firstDeadlock == null) firstDeadlock = end.schedule();
                }
                case Ending.Stuck _ -> stuck++;
                case null -> tooLong++;
            }
            if (machine.reachesGoal(end)) {
                goal++;
                if (firstGoal == null) firstGoal = end.schedule();
            }
        }
        return new Report(runs, lost, finished, deadlocks, stuck, tooLong, broken, goal, Optional.ofNullable(firstLosing),
                Optional.ofNullable(firstDeadlock), Optional.ofNullable(firstBroken), Optional.ofNullable(firstGoal));
    }

    /// One random run of `machine`: at each step a thread drawn uniformly among the runnable
    /// ones, until the run ends or [#MAX_STEPS] steps.
    public static RaceState play(Machine machine, RandomGenerator random) {
        RaceState state = machine.start();
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Integer> runnable = machine.runnable(state);
            if (runnable.isEmpty()) break;
            state = machine.step(state, runnable.get(random.nextInt(runnable.size()))).state();
        }
        return state;
    }
}
