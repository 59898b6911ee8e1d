package org.concurrencylab.teach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/// A learner's prediction set beside what was measured.
///
/// @param status   how the prediction fared
/// @param text     one sentence for the learner
/// @param measured what was measured, in a few words (empty until known)
public record Verdict(Status status, String text, String measured) {
    public enum Status {
        /// The step has not run yet.
        NOT_RUN,
        /// The step ran, but the answer needs other steps that have not.
        PENDING,
        /// The answer is known and no prediction was made.
        NOT_PREDICTED,
        RIGHT,
        WRONG
    }

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(measured, "measured");
    }

    /// The verdict on `step`'s question, given the learner's `predicted` choice and the runs in `results`.
    public static Verdict of(LessonStep step, OptionalInt predicted, Results results) {
        Question q = step.question();
        if (results.runs(step.id()).size() < step.runs().size()) return new Verdict(Status.NOT_RUN, "", "");
        if (q == null) return new Verdict(Status.NOT_PREDICTED, "", "");
        OptionalInt answer = q.answer(step.id(), results);
        String measured = q.measured(step.id(), results).orElse("");
        if (answer.isEmpty()) {
            List<String> missing = q.needs(step.id()).stream()
                    .filter(id -> results.runs(id).isEmpty()).toList();
            String text = missing.isEmpty() ? "The answer is not known yet."
                    : "The answer comes once " + (missing.size() == 1 ? "step " : "steps ") + join(missing) + " "
                      + (missing.size() == 1 ? "has" : "have") + " run.";
            return new Verdict(Status.PENDING, text, measured);
        }
        String right = q.choices().get(answer.getAsInt());
        if (predicted.isEmpty()) {
            return new Verdict(Status.NOT_PREDICTED, "No prediction this time. The answer: " + right + ".", measured);
        }
        if (predicted.getAsInt() == answer.getAsInt()) return new Verdict(Status.RIGHT, "Right: " + right + ".", measured);
        return new Verdict(Status.WRONG, "Not this time: the answer was \u201c" + right + "\u201d.", measured);
    }

    /// The choice the learner picked, in words, if any.
    public static Optional<String> predictedText(LessonStep step, OptionalInt predicted) {
        if (step.question() == null || predicted.isEmpty()) return Optional.empty();
        List<String> choices = step.question().choices();
        int i = predicted.getAsInt();
        return i < choices.size() ? Optional.of(choices.get(i)) : Optional.empty();
    }

    private static String join(List<String> ids) {
        if (ids.size() == 1) return ids.getFirst();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
    }
}
