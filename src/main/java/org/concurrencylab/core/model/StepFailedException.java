package org.concurrencylab.core.model;

/// A step that failed for a reason the user should read ("HTTP 500 Internal Server Error").
/// Fails its task, not the run.
public final class StepFailedException extends RuntimeException {
    public StepFailedException(String message) {
        super(message, null, false, false);
    }
}
