package org.concurrencylab.core.model;

/// How one task ended.
///
/// @param task   the task id
/// @param name   the task's name
/// @param ok     true if every step succeeded
/// @param error  why it failed (null when ok)
/// @param result what it produced, as text (a page summary, an exact sum)
public record TaskOutcome(int task, String name, boolean ok, String error, String result) {
    public static TaskOutcome success(int task, String name, String result) {
        return new TaskOutcome(task, name, true, null, result);
    }

    public static TaskOutcome failure(int task, String name, String error) {
        return new TaskOutcome(task, name, false, error, null);
    }
}
