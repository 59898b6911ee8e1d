package org.concurrencylab.teach;

import org.concurrencylab.core.run.Noise;

import org.concurrencylab.diagram.Ticks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/// What a learner predicts before a step runs: a prompt and a few choices. Which choice was
/// right is never written down: it is read from the measured runs, so a slow machine, a fast
/// one, or a change to the models all give an honest verdict.
public sealed interface Question {

    String prompt();

    /// The choices, in the order they are offered.
    List<String> choices();

    /// The steps whose runs decide the answer: by default the question's own step `self` alone.
    default List<String> needs(String self) {
        return List.of(self);
    }

    /// The index of the choice the measurements support, once every run it needs is recorded.
    /// `self` is the id of the step the question belongs to.
    OptionalInt answer(String self, Results results);

    /// What was measured, in a few words ("1.23 s", "4.8× as fast"), once it is known.
    Optional<String> measured(String self, Results results);

    /// "Roughly how long?": the choices are time ranges split at `boundsSeconds` (ascending).
    record HowLong(String prompt, List<Double> boundsSeconds) implements Question {
        public HowLong {
            Objects.requireNonNull(prompt, "prompt");
            boundsSeconds = List.copyOf(boundsSeconds);
            requireAscending(boundsSeconds);
        }

        @Override
        public List<String> choices() {
            List<String> choices = new ArrayList<>();
            choices.add("under " + seconds(boundsSeconds.getFirst()));
            for (int i = 1; i < boundsSeconds.size(); i++) {
                choices.add(seconds(boundsSeconds.get(i - 1)) + " to " + seconds(boundsSeconds.get(i)));
            }
            choices.add("over " + seconds(boundsSeconds.getLast()));
            return choices;
        }

        @Override
        public OptionalInt answer(String self, Results results) {
            return choice(ownRun(self, results), run -> bucket(run.wallNanos() / 1e9, boundsSeconds));
        }

        @Override
        public Optional<String> measured(String self, Results results) {
            return ownRun(self, results).map(run -> Ticks.duration(run.wallNanos()));
        }
    }

    /// "Which will be fastest?": one choice per run, the answer is the one with the least wall time.
    record Fastest(String prompt, List<Option> options) implements Question {
        public Fastest {
            Objects.requireNonNull(prompt, "prompt");
            options = List.copyOf(options);
            if (options.size() < 2) throw new IllegalArgumentException("a race needs at least two runs");
        }

        @Override
        public List<String> choices() {
            return options.stream().map(Option::label).toList();
        }

        @Override
        public List<String> needs(String self) {
            return options.stream().map(Option::step).distinct().toList();
        }

        @Override
        public OptionalInt answer(String self, Results results) {
            int best = -1;
            long bestWall = Long.MAX_VALUE;
            for (int i = 0; i < options.size(); i++) {
                RunRecord run = results.run(options.get(i).step(), options.get(i).run());
                if (run == null) return OptionalInt.empty();
                if (run.wallNanos() < bestWall) {
                    bestWall = run.wallNanos();
                    best = i;
                }
            }
            return OptionalInt.of(best);
        }

        @Override
        public Optional<String> measured(String self, Results results) {
            OptionalInt best = answer(self, results);
            if (best.isEmpty()) return Optional.empty();
            Option winner = options.get(best.getAsInt());
            return Optional.of(winner.label() + ", " + Ticks.duration(results.run(winner.step(), winner.run()).wallNanos()));
        }
    }

    /// One contender of a [Fastest] question: the `run`-th run of step `step`.
    record Option(String label, String step, int run) {
        public Option {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(step, "step");
            if (run < 0) throw new IllegalArgumentException("run must be >= 0: " + run);
        }
    }

    /// "How much faster than `baseline`?": the ratio baseline wall ÷ this step's wall, split at
    /// `bounds` (ascending); `labels` has one more entry than `bounds`.
    ///
    /// @param baselineName how the measured text names the baseline ("the synchronous run")
    record SpeedUp(String prompt, String baseline, String baselineName, List<Double> bounds, List<String> labels)
            implements Question {
        public SpeedUp {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(baselineName, "baselineName");
            bounds = List.copyOf(bounds);
            labels = List.copyOf(labels);
            requireAscending(bounds);
            if (labels.size() != bounds.size() + 1) {
                throw new IllegalArgumentException("need " + (bounds.size() + 1) + " labels, got " + labels.size());
            }
        }

        /// The band around 1× a lesson calls "about the same": wider than the lab's run-to-run
        /// noise ([Noise#TIE_BAND]), as a lesson's run is a single run at classroom size.
        public static final double SAME_BAND = 2 * Noise.TIE_BAND;

        /// "Slower, about the same, or faster than `baselineName`?", about the same meaning within
        /// [#SAME_BAND] either way, which the choices say.
        public static SpeedUp slowerSameFaster(String prompt, String baseline, String baselineName) {
            String band = String.format(Locale.ROOT, "%.0f%%", SAME_BAND * 100);
            return new SpeedUp(prompt, baseline, baselineName, List.of(1 / (1 + SAME_BAND), 1 + SAME_BAND),
                    List.of("slower (by more than " + band + ")", "about the same (within " + band + ")",
                            "faster (by more than " + band + ")"));
        }

        @Override
        public List<String> choices() {
            return labels;
        }

        @Override
        public List<String> needs(String self) {
            return List.of(baseline, self);
        }

        /// Baseline wall ÷ this step's wall, once both are recorded.
        public Optional<Double> ratio(String self, Results results) {
            RunRecord base = results.run(baseline, 0);
            RunRecord run = results.run(self, 0);
            if (base == null || run == null) return Optional.empty();
            return Optional.of((double) base.wallNanos() / Math.max(1, run.wallNanos()));
        }

        @Override
        public OptionalInt answer(String self, Results results) {
            return choice(ratio(self, results), r -> bucket(r, bounds));
        }

        @Override
        public Optional<String> measured(String self, Results results) {
            return ratio(self, results).map(r -> speedUp(r) + " " + baselineName);
        }
    }

    /// "What will the worker mostly do?": running code (blue) or waiting for I/O (red), read
    /// from the time the run's workers spent in each.
    record MostlyState(String prompt) implements Question {
        public static final int RUNNING_CODE = 0;
        public static final int WAITING_FOR_IO = 1;

        public MostlyState {
            Objects.requireNonNull(prompt, "prompt");
        }

        @Override
        public List<String> choices() {
            return List.of("run code (blue)", "wait for I/O (red)");
        }

        @Override
        public OptionalInt answer(String self, Results results) {
            return choice(ownRun(self, results), run -> run.workNanos() >= run.ioNanos() ? RUNNING_CODE : WAITING_FOR_IO);
        }

        @Override
        public Optional<String> measured(String self, Results results) {
            return ownRun(self, results).map(run -> {
                long total = Math.max(1, run.workNanos() + run.ioNanos());
                return percent(100.0 * run.workNanos() / total) + " running code, "
                        + percent(100.0 * run.ioNanos() / total) + " waiting for I/O";
            });
        }
    }

    /// "Will the counter lose updates?", read from the race's counter.
    record LostUpdates(String prompt) implements Question {
        public static final int NONE_LOST = 0;
        public static final int SOME_LOST = 1;

        public LostUpdates {
            Objects.requireNonNull(prompt, "prompt");
        }

        @Override
        public List<String> choices() {
            return List.of("none is lost", "some are lost");
        }

        @Override
        public OptionalInt answer(String self, Results results) {
            return choice(countedRun(self, results), run -> run.lost() == 0 ? NONE_LOST : SOME_LOST);
        }

        @Override
        public Optional<String> measured(String self, Results results) {
            return countedRun(self, results).map(run -> String.format(Locale.ROOT, "%,d updates lost", run.lost()));
        }

        /// The step's first run, once it is recorded with its count of lost updates.
        private static Optional<RunRecord> countedRun(String self, Results results) {
            return ownRun(self, results).filter(run -> run.lost() != null);
        }
    }

    /// "4.8× as fast as", "2.1× slower than", "as fast as".
    static String speedUp(double ratio) {
        if (ratio >= 1.05) return String.format(Locale.ROOT, "%.1f× as fast as", ratio);
        if (ratio <= 1 / 1.05) return String.format(Locale.ROOT, "%.1f× slower than", 1 / ratio);
        return "as fast as";
    }

    /// "42%", or "0.4%" below one percent, so a small share never reads as none.
    static String percent(double p) {
        return String.format(Locale.ROOT, p > 0 && p < 0.95 ? "%.1f%%" : "%.0f%%", p);
    }

    /// The first run of the question's own step `self`, once it is recorded.
    private static Optional<RunRecord> ownRun(String self, Results results) {
        return Optional.ofNullable(results.run(self, 0));
    }

    /// The choice `pick` makes from `measurement`, or none while there is no measurement.
    private static <T> OptionalInt choice(Optional<T> measurement, ToIntFunction<T> pick) {
        return measurement.map(m -> OptionalInt.of(pick.applyAsInt(m))).orElse(OptionalInt.empty());
    }

    private static int bucket(double value, List<Double> bounds) {
        int i = 0;
        while (i < bounds.size() && value >= bounds.get(i)) i++;
        return i;
    }

    private static void requireAscending(List<Double> bounds) {
        if (bounds.isEmpty()) throw new IllegalArgumentException("at least one bound is needed");
        for (int i = 1; i < bounds.size(); i++) {
            if (bounds.get(i) <= bounds.get(i - 1)) throw new IllegalArgumentException("bounds must ascend: " + bounds);
        }
    }

    private static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%s s", trim(s));
    }

    private static String trim(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }
}
