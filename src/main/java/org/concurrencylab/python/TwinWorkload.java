package org.concurrencylab.python;

import org.concurrencylab.core.run.WorkloadKind;

import java.util.Optional;

/// The workloads that have Python programs: one per Java workload, the article's 2024 example,
/// `fib(35)` twenty times, among them.
public enum TwinWorkload {
    DOWNLOAD("download"),
    CPU("cpu"),
    RACE("race"),
    MIXED("mixed"),
    /// `fib(n)` computed recursively; fib(35) = 9,227,465.
    FIB("fib");

    private final String id;

    TwinWorkload(String id) {
        this.id = id;
    }

    /// The name in program files: `threads_<id>.py`.
    public String id() {
        return id;
    }

    /// Whether the programs download pages (and need an HTTP library).
    public boolean downloads() {
        return this == DOWNLOAD || this == MIXED;
    }

    /// The twin of a Java workload.
    public static TwinWorkload of(WorkloadKind kind) {
        return switch (kind) {
            case DOWNLOAD -> DOWNLOAD;
            case CPU -> CPU;
            case RACE -> RACE;
            case MIXED -> MIXED;
            case FIB -> FIB;
        };
    }

    /// The Java workload this is the twin of (every one has one).
    public Optional<WorkloadKind> kind() {
        return switch (this) {
            case DOWNLOAD -> Optional.of(WorkloadKind.DOWNLOAD);
            case CPU -> Optional.of(WorkloadKind.CPU);
            case RACE -> Optional.of(WorkloadKind.RACE);
            case MIXED -> Optional.of(WorkloadKind.MIXED);
            case FIB -> Optional.of(WorkloadKind.FIB);
        };
    }
}
