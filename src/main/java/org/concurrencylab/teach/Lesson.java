package org.concurrencylab.teach;

import java.util.List;
import java.util.Objects;

/// A lesson: a sequence of steps that makes one point of the argument.
///
/// @param number     1 for the first lesson
/// @param title      a short heading
/// @param goal       one sentence: what the lesson shows
/// @param steps      the steps, in order
/// @param showsGuide whether the lesson ends with the decision guide, filled with measured numbers
public record Lesson(int number, String title, String goal, List<LessonStep> steps, boolean showsGuide) {
    public Lesson {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(goal, "goal");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("lesson " + number + " has no steps");
    }

    /// Whether every step of the lesson has its runs recorded.
    public boolean completedIn(Results results) {
        return steps.stream().allMatch(s -> results.runs(s.id()).size() >= s.runs().size());
    }
}
