package org.concurrencylab.core.model;

/// Thrown at a checkpoint once the run has been stopped.
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
