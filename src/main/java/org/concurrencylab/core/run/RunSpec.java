package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.MixedWork;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.Workload;
import org.concurrencylab.sites.SiteConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// Everything that defines a run: what to do, how, with how many workers. Immutable; validated
/// on construction, so an invalid spec never reaches the engine (the message names the field).
///
/// @param workload       what to do
/// @param model          how to run it
/// @param workers        how many workers (pool threads or processes; 1 for the other models)
/// @param tasks          pages to download, numbers to sum, or tasks incrementing the counter
/// @param base           first number of the sum of squares
/// @param latencyMs      the demo sites' latency per request
/// @param urls           pages to download instead of the demo sites (empty: the demo sites)
/// @param warmup         whether the engine warms the JIT and HTTP clients before the timed run
/// @param maxConnections requests in flight at once for the event loop and virtual threads
/// @param gil            whether the simulated GIL ("Python mode") is on
/// @param switchMs       the GIL's switch interval, like `sys.setswitchinterval`
/// @param increments     how many times each race task adds one to the shared counter
/// @param counterMode    how race tasks update the counter
/// @param cpuMs          the heavy parse of the mixed workload, in ms of CPU per page
/// @param connectTimeoutMs how long a download may take to open its connection
/// @param readTimeoutMs  how long a download may wait for data: between two reads for the
///                       blocking models' client, for the whole exchange on the event loop
public record RunSpec(WorkloadKind workload, ModelKind model, int workers, int tasks, long base,
                      int latencyMs, List<URI> urls, boolean warmup, int maxConnections, boolean gil,
                      int switchMs, int increments, Step.CounterMode counterMode, int cpuMs,
                      int connectTimeoutMs, int readTimeoutMs) {
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final int MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_SWITCH_MS = 5;
    public static final int MAX_SWITCH_MS = 1_000;
    public static final int DEFAULT_INCREMENTS = 100;
    public static final int MAX_INCREMENTS = 1_000_000;
    public static final int DEFAULT_CPU_MS = 20;
    public static final int MAX_CPU_MS = 10_000;
    /// The most processes a process pool starts: each is a JVM of its own.
    public static final int MAX_PROCESSES = 64;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_READ_TIMEOUT_MS = 30_000;
    /// The longest connect or read timeout: ten minutes.
    public static final int MAX_TIMEOUT_MS = 600_000;

    public RunSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(counterMode, "counterMode");
        urls = List.copyOf(urls);
        if (!model.hasWorkers()) workers = 1;
        if (!model.supportsGil()) gil = false;
        int maxWorkers = maxWorkers(model);
        if (workers < 1 || workers > maxWorkers) {
            throw new IllegalArgumentException("workers must be between 1 and " + maxWorkers + ", was " + workers);
        }
        if (latencyMs < 0 || latencyMs > SiteConfig.MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency must be between 0 and " + SiteConfig.MAX_LATENCY_MS + " ms, was " + latencyMs);
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("max connections must be between 1 and " + MAX_CONNECTIONS + ", was " + maxConnections);
        }
        if (switchMs < 1 || switchMs > MAX_SWITCH_MS) {
            throw new IllegalArgumentException("the switch interval must be between 1 and " + MAX_SWITCH_MS + " ms, was " + switchMs);
        }
        if (increments < 1 || increments > MAX_INCREMENTS) {
            throw new IllegalArgumentException("increments must be between 1 and " + MAX_INCREMENTS + ", was " + increments);
        }
        if (cpuMs < 1 || cpuMs > MAX_CPU_MS) {
            throw new IllegalArgumentException("CPU ms must be between 1 and " + MAX_CPU_MS + ", was " + cpuMs);
        }
        if (connectTimeoutMs < 1 || connectTimeoutMs > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("the connect timeout must be between 1 and " + MAX_TIMEOUT_MS + " ms, was " + connectTimeoutMs);
        }
        if (readTimeoutMs < 1 || readTimeoutMs > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("the read timeout must be between 1 and " + MAX_TIMEOUT_MS + " ms, was " + readTimeoutMs);
        }
        int maxTasks = switch (workload) {
            case DOWNLOAD, MIXED -> DownloadSites.MAX_REQUESTS;
            case CPU -> SumOfSquares.MAX_COUNT;
            case RACE -> RaceCondition.MAX_TASKS;
        };
        if (tasks < 1 || tasks > maxTasks) {
            throw new IllegalArgumentException("tasks must be between 1 and " + maxTasks + ", was " + tasks);
        }
        for (URI url : urls) checkUrl(url);
        toWorkload(workload, tasks, base, urls, increments, counterMode, cpuMs);
    }

    /// The article's settings for `workload` under `model`: 160 pages at 90 ms, 20 numbers from
    /// 5,000,000, 5,000 tasks of 100 increments; five threads for a pool, one process per core.
    public static RunSpec defaults(WorkloadKind workload, ModelKind model) {
        return new RunSpec(workload, model, defaultWorkers(model), workload.defaultTasks(), SumOfSquares.DEFAULT_BASE,
                SiteConfig.DEFAULT_LATENCY_MS, List.of(), true, DEFAULT_MAX_CONNECTIONS, false, DEFAULT_SWITCH_MS,
                DEFAULT_INCREMENTS, Step.CounterMode.UNSAFE, DEFAULT_CPU_MS, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS);
    }

    /// Five threads for a pool (the article's choice), one process per core (up to
    /// [#MAX_PROCESSES]) for a process pool.
    public static int defaultWorkers(ModelKind model) {
        return switch (model) {
            case THREADS -> ThreadPoolModel.DEFAULT_WORKERS;
            case PROCESSES -> Math.min(Runtime.getRuntime().availableProcessors(), MAX_PROCESSES);
            case SYNC, EVENTLOOP, VIRTUAL -> 1;
        };
    }

    /// The most workers `model` can have: [ThreadPoolModel#MAX_WORKERS] threads, [#MAX_PROCESSES]
    /// processes, 1 for the models without a choice.
    public static int maxWorkers(ModelKind model) {
        return switch (model) {
            case THREADS -> ThreadPoolModel.MAX_WORKERS;
            case PROCESSES -> MAX_PROCESSES;
            case SYNC, EVENTLOOP, VIRTUAL -> 1;
        };
    }

    public RunSpec withModel(ModelKind m) {
        int w = m.hasWorkers() && m != model ? defaultWorkers(m) : workers;
        return new RunSpec(workload, m, w, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withWorkers(int n) {
        return new RunSpec(workload, model, n, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withTasks(int n) {
        return new RunSpec(workload, model, workers, n, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withBase(long n) {
        return new RunSpec(workload, model, workers, tasks, n, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withLatencyMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, ms, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withUrls(List<URI> newUrls) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, newUrls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withWarmup(boolean on) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, on, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withMaxConnections(int n) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, n, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withGil(boolean on) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, on, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withSwitchMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, ms, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withIncrements(int n) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, n, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withCounterMode(Step.CounterMode mode) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, mode, cpuMs, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withCpuMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, ms, connectTimeoutMs, readTimeoutMs);
    }

    public RunSpec withConnectTimeoutMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, ms, readTimeoutMs);
    }

    public RunSpec withReadTimeoutMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, warmup, maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, ms);
    }

    /// Whether both timeouts are the defaults (the engine's shared clients serve the run).
    public boolean defaultTimeouts() {
        return connectTimeoutMs == DEFAULT_CONNECT_TIMEOUT_MS && readTimeoutMs == DEFAULT_READ_TIMEOUT_MS;
    }

    /// The workload this spec describes.
    public Workload toWorkload() {
        return toWorkload(workload, tasks, base, urls, increments, counterMode, cpuMs);
    }

    /// Whether the run downloads from the embedded demo sites.
    public boolean usesDemoSites() {
        return toWorkload().needsDemoSites();
    }

    /// Parses a URL given by a user: absolute http or https with a host, else a clear message.
    public static URI parseUrl(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the URL is empty");
        try {
            URI uri = new URI(text.strip());
            checkUrl(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
        }
    }

    private static void checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + uri + "' is not an http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + uri + "' has no host name");
        }
    }

    private static Workload toWorkload(WorkloadKind kind, int tasks, long base, List<URI> urls, int increments,
                                       Step.CounterMode mode, int cpuMs) {
        return switch (kind) {
            case DOWNLOAD -> new DownloadSites(tasks, urls);
            case CPU -> new SumOfSquares(tasks, base);
            case RACE -> new RaceCondition(tasks, increments, mode);
            case MIXED -> new MixedWork(tasks, urls, cpuMs);
        };
    }
}
