package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// One step taken: which thread, which instruction, and what happened, in words.
///
/// @param step        0 for the first step of the run
/// @param thread      the thread that took it
/// @param pc          the index of the instruction it ran
/// @param line        the index of that instruction's source line
/// @param instruction the instruction, as a level file writes it: `load r <- counter`
/// @param action      what the step did: "thread 1 loads counter = 0 into r"
/// @param findings    what the lab noticed at this step: lost updates, lock waits, deadlocks…
public record Event(int step, int thread, int pc, int line, String instruction, String action, List<Finding> findings) {
    public Event {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(action, "action");
        findings = List.copyOf(findings);
    }

    /// Everything in words: the action, then each finding, as sentences.
    public String text() {
        StringBuilder text = new StringBuilder(Words.capitalized(action)).append('.');
        for (Finding finding : findings) text.append(' ').append(Words.capitalized(finding.text())).append('.');
        return text.toString();
    }

    /// Whether the step lost an update.
    public boolean lostUpdate() {
        return findings.stream().anyMatch(Finding.LostUpdate.class::isInstance);
    }
}
