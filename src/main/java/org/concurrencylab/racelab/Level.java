package org.concurrencylab.racelab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/// A level of the race lab, as its file describes it: the learner reads the intro, sets the
/// toggles (if the level offers any), then schedules the threads step by step to reach the goal.
///
/// @param id         the level's file name without `.json`: `lost-update`
/// @param title      a short heading
/// @param intro      two or three sentences, shown before the level starts
/// @param rules      threads, or an event loop
/// @param language   the language of the source lines: `java` or `python`
/// @param shared     the shared variables and their starting values
/// @param expected   what shared variables end at when no update is lost
/// @param invariants conditions that should hold at every moment (`balance >= 0`)
/// @param toggles    the choices the level offers before a run
/// @param threads    the threads, with their programs as written (toggled lines included)
/// @param goal       what the learner is asked to make happen
/// @param always     conditions the level claims every interleaving ends with, with the toggles
///                   as the level opens (`finished`, `lostUpdates == 0`): [Exhaustive] proves them
/// @param solution   a way to reach the goal
public record Level(String id, String title, String intro, Rules rules, String language, Map<String, Integer> shared,
                    Map<String, Integer> expected, List<Condition.Measure> invariants, List<Toggle> toggles,
                    List<ThreadSpec> threads, Goal goal, List<Condition> always, Solution solution) {
    public Level {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(language, "language");
        shared = Collections.unmodifiableMap(new LinkedHashMap<>(shared));
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        invariants = List.copyOf(invariants);
        toggles = List.copyOf(toggles);
        threads = List.copyOf(threads);
        Objects.requireNonNull(goal, "goal");
        always = List.copyOf(always);
        Objects.requireNonNull(solution, "solution");
    }

    /// The toggles that are on when the level opens.
    public Set<String> defaultToggles() {
        Set<String> on = new LinkedHashSet<>();
        for (Toggle toggle : toggles) if (toggle.on()) on.add(toggle.id());
        return on;
    }

    /// The machine with the toggles as the level opens.
    public Machine machine() {
        return machine(defaultToggles());
    }

    /// The machine with the toggles in `on` turned on and the others off.
    ///
    /// @throws IllegalArgumentException when `on` names a toggle the level does not offer
    public Machine machine(Set<String> on) {
        for (String id : on) {
            if (toggles.stream().noneMatch(t -> t.id().equals(id))) {
                throw new IllegalArgumentException("level " + this.id + " offers no toggle " + id);
            }
        }
        List<ThreadSpec> programs = threads.stream().map(t -> new ThreadSpec(t.name(), t.program().with(on))).toList();
        return new Machine(rules, programs, shared, expected, invariants, goal);
    }

    /// A session of the level, with the toggles as it opens.
    public Session play() {
        return new Session(machine());
    }

    /// A session of the level with the toggles in `on` turned on.
    public Session play(Set<String> on) {
        return new Session(machine(on));
    }
}
