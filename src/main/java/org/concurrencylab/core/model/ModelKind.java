package org.concurrencylab.core.model;

import java.util.Arrays;
import java.util.Optional;

/// The concurrency models the lab can run.
public enum ModelKind {
    SYNC("sync", "Synchronous", "One thread runs every task in turn, like a plain loop."),
    THREADS("threads", "Thread pool",
            "A fixed pool of platform threads takes tasks from a queue (Python's ThreadPoolExecutor). "
            + "They share one OkHttp client, which is thread-safe, unlike requests.Session."),
    EVENTLOOP("eventloop", "Event loop",
            "One thread runs every task's code, switching only where a task waits (Python's asyncio). "
            + "Requests are non-blocking, so many are in flight at once; a long computation blocks every task."),
    PROCESSES("processes", "Process pool",
            "Separate JVM processes, one per CPU by default (Python's multiprocessing.Pool). Tasks travel to them "
            + "as data; they share no memory, and each has its own HTTP client."),
    VIRTUAL("virtual", "Virtual threads",
            "One virtual thread per task (Java 21+). Blocking calls park the virtual thread and free its "
            + "carrier, so thousands of tasks cost little; a few platform threads carry them all.");

    private final String id;
    private final String title;
    private final String summary;

    ModelKind(String id, String title, String summary) {
        this.id = id;
        this.title = title;
        this.summary = summary;
    }

    /// The name used on the command line and in files.
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /// A short name for a toolbar button.
    public String shortTitle() {
        return switch (this) {
            case SYNC -> "Sync";
            case THREADS -> "Threads";
            case EVENTLOOP -> "Event loop";
            case PROCESSES -> "Processes";
            case VIRTUAL -> "Virtual threads";
        };
    }

    public String summary() {
        return summary;
    }

    /// Whether the number of workers can be chosen.
    public boolean hasWorkers() {
        return this == THREADS || this == PROCESSES;
    }

    /// Whether the simulated GIL ("Python mode") applies to this model.
    public boolean supportsGil() {
        return this == THREADS || this == VIRTUAL;
    }

    public static Optional<ModelKind> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }
}
