package org.concurrencylab.core.run;

import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.SumOfSquares;

import java.util.Arrays;
import java.util.Optional;

/// The workloads a run can do, by their command-line names.
public enum WorkloadKind {
    DOWNLOAD("download", "Download sites", "Download", 160, DownloadSites.MAX_REQUESTS, "pages", "downloadTasks"),
    CPU("cpu", "Sum of squares", "Sum of squares", 20, SumOfSquares.MAX_COUNT, "numbers", "cpuTasks"),
    /// The article's 2024 edition: fib(35), twenty times.
    FIB("fib", "Fibonacci", "Fibonacci", Fibonacci.DEFAULT_COUNT, Fibonacci.MAX_COUNT, "numbers", "fibTasks"),
    RACE("race", "Race condition", "Race", 5_000, RaceCondition.MAX_TASKS, "tasks", "raceTasks"),
    MIXED("mixed", "Download and parse", "Download + parse", 160, DownloadSites.MAX_REQUESTS, "pages", "downloadTasks");

    private final String id;
    private final String title;
    private final String shortTitle;
    private final int defaultTasks;
    private final int maxTasks;
    private final String taskNoun;
    private final String tasksSetting;

    WorkloadKind(String id, String title, String shortTitle, int defaultTasks, int maxTasks, String taskNoun,
                 String tasksSetting) {
        this.id = id;
        this.title = title;
        this.shortTitle = shortTitle;
        this.defaultTasks = defaultTasks;
        this.maxTasks = maxTasks;
        this.taskNoun = taskNoun;
        this.tasksSetting = tasksSetting;
    }

    public String id() { return id; }

    public String title() { return title; }

    /// A short name for a toolbar button.
    public String shortTitle() { return shortTitle; }

    /// Whether the workload downloads pages (and so takes URLs, latency, a connection limit).
    public boolean downloads() {
        return this == DOWNLOAD || this == MIXED;
    }

    /// Whether each task is one computation on a number and nothing else: the sum of squares and
    /// Fibonacci. CPU-bound work that never waits and shares nothing.
    public boolean computes() {
        return this == CPU || this == FIB;
    }

    /// The article's number of tasks for this workload.
    public int defaultTasks() { return defaultTasks; }

    /// The most tasks a run of this workload may have.
    public int maxTasks() { return maxTasks; }

    /// What one task is, in the plural: "pages", "numbers".
    public String taskNoun() { return taskNoun; }

    /// The setting its count of tasks is remembered by between launches (the two download
    /// workloads share theirs).
    public String tasksSetting() { return tasksSetting; }

    public static Optional<WorkloadKind> byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equalsIgnoreCase(id)).findFirst();
    }
}
