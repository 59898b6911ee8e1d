package org.concurrencylab.core.run;

import java.util.Arrays;
import java.util.Optional;

/// The workloads a run can do, by their command-line names.
public enum WorkloadKind {
    DOWNLOAD("download", "Download sites", 160, "pages"),
    CPU("cpu", "Sum of squares", 20, "numbers"),
    RACE("race", "Race condition", 5_000, "tasks"),
    MIXED("mixed", "Download and parse", 160, "pages");

    private final String id;
    private final String title;
    private final int defaultTasks;
    private final String taskNoun;

    WorkloadKind(String id, String title, int defaultTasks, String taskNoun) {
        this.id = id;
        this.title = title;
        this.defaultTasks = defaultTasks;
        this.taskNoun = taskNoun;
    }

    public String id() { return id; }

    public String title() { return title; }

    /// A short name for a toolbar button.
    public String shortTitle() {
        return switch (this) {
            case DOWNLOAD -> "Download";
            case CPU -> "Sum of squares";
            case RACE -> "Race";
            case MIXED -> "Download + parse";
        };
    }

    /// Whether the workload downloads pages (and so takes URLs, latency, a connection limit).
    public boolean downloads() {
        return this == DOWNLOAD || this == MIXED;
    }

    /// The article's number of tasks for this workload.
    public int defaultTasks() { return defaultTasks; }

    /// What one task is, in the plural: "pages", "numbers".
    public String taskNoun() { return taskNoun; }

    public static Optional<WorkloadKind> byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equalsIgnoreCase(id)).findFirst();
    }
}
