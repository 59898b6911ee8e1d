package org.concurrencylab.core.model;

import org.concurrencylab.core.model.ModelTraits.Chosen;
import org.concurrencylab.core.model.ModelTraits.Fixed;
import org.concurrencylab.core.model.ModelTraits.InFlight;
import org.concurrencylab.core.model.ModelTraits.Parallel;
import org.concurrencylab.core.model.ModelTraits.Warmup;
import org.concurrencylab.core.trace.LaneKind;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/// The concurrency models the lab can run. Each names itself, says what it is, carries its
/// [ModelTraits] and makes its models: a new model is its class plus one entry here.
public enum ModelKind {
    SYNC("sync", "Synchronous", "Sync", "One thread runs every task in turn, like a plain loop.",
            new ModelTraits(new Fixed(1, "thread"), false, false, InFlight.ONE, Parallel.ONE, Warmup.BLOCKING, false,
                    false, "sync", false, Set.of(LaneKind.THREAD), true),
            setup -> new SyncModel()),
    THREADS("threads", "Thread pool", "Threads",
            "A fixed pool of platform threads takes tasks from a queue (Python's ThreadPoolExecutor). "
            + "They share one OkHttp client, which is thread-safe, unlike requests.Session.",
            new ModelTraits(new Chosen("thread", "threads", "workers", () -> ThreadPoolModel.DEFAULT_WORKERS,
                    ThreadPoolModel.MAX_WORKERS), true, false, InFlight.WORKERS, Parallel.WORKERS, Warmup.BLOCKING, false,
                    false, "the thread pool", false, Set.of(LaneKind.THREAD), true),
            setup -> new ThreadPoolModel(setup.workers(), setup.gil())),
    EVENTLOOP("eventloop", "Event loop", "Event loop",
            "One thread runs every task's code, switching only where a task waits (Python's asyncio). "
            + "Requests are non-blocking, so many are in flight at once; a long computation blocks every task.",
            new ModelTraits(new Fixed(1, "loop"), false, true, InFlight.CONNECTIONS, Parallel.ONE, Warmup.EVENT_LOOP, false,
                    false, "the event loop", false, Set.of(LaneKind.LOOP, LaneKind.TASK), true),
            setup -> new EventLoopModel(setup.maxConnections(), setup.eventLoopClient().get())),
    PROCESSES("processes", "Process pool", "Processes",
            "Separate JVM processes, one per CPU by default (Python's multiprocessing.Pool). Tasks travel to them "
            + "as data; they share no memory, and each has its own HTTP client.",
            new ModelTraits(new Chosen("process", "processes", "processes", () -> Runtime.getRuntime().availableProcessors(),
                    64), false, false, InFlight.WORKERS, Parallel.WORKERS, Warmup.BLOCKING, true,
                    true, "processes", true, Set.of(LaneKind.PROCESS), true),
            null),
    VIRTUAL("virtual", "Virtual threads", "Virtual threads",
            "One virtual thread per task (Java 21+). Blocking calls park the virtual thread and free its "
            + "carrier, so thousands of tasks cost little; a few platform threads carry them all.",
            new ModelTraits(new Fixed(1, "virtual thread per task"), true, true, InFlight.CONNECTIONS, Parallel.CORES,
                    Warmup.VIRTUAL_THREADS, false, false, "virtual threads", true, Set.of(LaneKind.VIRTUAL_THREAD), false),
            setup -> new VirtualThreadModel(setup.maxConnections(), setup.gil()));

    private final String id;
    private final String title;
    private final String shortTitle;
    private final String summary;
    private final ModelTraits traits;
    private final Function<ModelSetup, ConcurrencyModel> factory;

    ModelKind(String id, String title, String shortTitle, String summary, ModelTraits traits,
              Function<ModelSetup, ConcurrencyModel> factory) {
        this.id = id;
        this.title = title;
        this.shortTitle = shortTitle;
        this.summary = summary;
        this.traits = traits;
        this.factory = factory;
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
        return shortTitle;
    }

    public String summary() {
        return summary;
    }

    public ModelTraits traits() {
        return traits;
    }

    /// Whether the number of workers can be chosen.
    public boolean hasWorkers() {
        return traits.workers().chosen();
    }

    /// Whether the simulated GIL ("Python mode") applies to this model.
    public boolean supportsGil() {
        return traits.gil();
    }

    /// A model of this kind for one run. A [ModelTraits#pooled()] kind is made by its
    /// [PooledModels] instead.
    public ConcurrencyModel create(ModelSetup setup) {
        if (factory == null) throw new IllegalStateException("the " + id + " model is made by its pool");
        return factory.apply(setup);
    }

    public static Optional<ModelKind> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }
}
