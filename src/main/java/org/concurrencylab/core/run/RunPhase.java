package org.concurrencylab.core.run;

/// Where a run is in its life.
public enum RunPhase {
    /// Starting the demo sites, planning the tasks.
    PREPARING("preparing…"),
    /// Warming the JIT and HTTP clients (not recorded, not timed).
    WARMING_UP("warming up…"),
    /// The timed run: tasks are being run and recorded.
    RUNNING("running"),
    /// Every task finished.
    FINISHED("finished"),
    /// Stopped before every task ran.
    CANCELLED("stopped"),
    /// Could not run at all (e.g. the demo sites did not start).
    FAILED("failed");

    private final String label;

    RunPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOver() {
        return this == FINISHED || this == CANCELLED || this == FAILED;
    }
}
