package org.concurrencylab.core.model;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/// What a model tells about its run beyond the trace: the carrier threads that ran virtual
/// threads, the counts each child process kept on its own copy of the race counter.
///
/// Thread-safety: thread-safe; workers add to it while the run goes on.
public final class ModelFacts {
    private final Set<String> carriers = ConcurrentHashMap.newKeySet();
    private final List<Long> workerCounts = new CopyOnWriteArrayList<>();
    private volatile String runtime = "";
    private volatile Long counter;
    private volatile long end = -1;

    /// Notes the carrier thread the current virtual thread runs on (from its name).
    public void noteCarrier() {
        String name = Thread.currentThread().toString();
        int at = name.lastIndexOf('@');
        if (Thread.currentThread().isVirtual() && at >= 0) carriers.add(name.substring(at + 1));
    }

    public int carrierCount() {
        return carriers.size();
    }

    /// Adds the race count one worker process kept on its own copy of the counter.
    public void addWorkerCount(long count) {
        workerCounts.add(count);
    }

    public List<Long> workerCounts() {
        return List.copyOf(workerCounts);
    }

    /// Notes what ran the tasks when it was not this JVM: "CPython 3.11.7 · standard library".
    public void noteRuntime(String what) {
        runtime = what == null ? "" : what;
    }

    /// What ran the tasks, or empty for the JVM's own models.
    public String runtime() {
        return runtime;
    }

    /// Notes how the race's counter ended when the counter was not the run's `SharedCounter`
    /// (another language's program kept its own).
    public void noteCounter(long value) {
        counter = value;
    }

    /// The counter noted with [#noteCounter], if any.
    public OptionalLong counter() {
        Long c = counter;
        return c == null ? OptionalLong.empty() : OptionalLong.of(c);
    }

    /// Notes when the run's work ended, on the run's clock, when the model's own return comes
    /// later: another process's program is done when its `main()` returns, and what follows
    /// (its interpreter's exit, the harness's last pieces) is no part of the run's wall time,
    /// as a Java run's ends with its last task.
    public void noteEnd(long runNanos) {
        end = runNanos;
    }

    /// The end noted with [#noteEnd], if any.
    public OptionalLong end() {
        long e = end;
        return e < 0 ? OptionalLong.empty() : OptionalLong.of(e);
    }
}
