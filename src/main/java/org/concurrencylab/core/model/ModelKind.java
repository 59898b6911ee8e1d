package org.concurrencylab.core.model;

import java.util.Arrays;
import java.util.Optional;

/// The concurrency models the lab can run.
public enum ModelKind {
    SYNC("sync", "Synchronous", "One thread runs every task in turn, like a plain loop."),
    THREADS("threads", "Thread pool",
            "A fixed pool of platform threads takes tasks from a queue (Python's ThreadPoolExecutor). "
            + "They share one OkHttp client, which is thread-safe, unlike requests.Session.");

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

    public String summary() {
        return summary;
    }

    /// Whether the number of workers can be chosen.
    public boolean hasWorkers() {
        return this != SYNC;
    }

    public static Optional<ModelKind> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }
}
