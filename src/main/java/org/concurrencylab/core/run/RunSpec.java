package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.SyncModel;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.workload.DownloadSites;
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
/// @param workload  what to do
/// @param model     how to run it
/// @param workers   how many workers (1 for the synchronous model)
/// @param tasks     pages to download or numbers to sum
/// @param base      first number of the sum of squares
/// @param latencyMs the demo sites' latency per request
/// @param urls      pages to download instead of the demo sites (empty: the demo sites)
/// @param warmup    whether the engine warms the JIT and HTTP clients before the timed run
public record RunSpec(WorkloadKind workload, ModelKind model, int workers, int tasks, long base,
                      int latencyMs, List<URI> urls, boolean warmup) {

    public RunSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        urls = List.copyOf(urls);
        if (!model.hasWorkers()) workers = 1;
        if (workers < 1 || workers > ThreadPoolModel.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + ThreadPoolModel.MAX_WORKERS + ", was " + workers);
        }
        if (latencyMs < 0 || latencyMs > SiteConfig.MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency must be between 0 and " + SiteConfig.MAX_LATENCY_MS + " ms, was " + latencyMs);
        }
        int maxTasks = switch (workload) {
            case DOWNLOAD -> DownloadSites.MAX_REQUESTS;
            case CPU -> SumOfSquares.MAX_COUNT;
        };
        if (tasks < 1 || tasks > maxTasks) {
            throw new IllegalArgumentException("tasks must be between 1 and " + maxTasks + ", was " + tasks);
        }
        for (URI url : urls) checkUrl(url);
        toWorkload(workload, tasks, base, urls);
    }

    /// The article's settings for `workload` under `model`: 160 pages at 90 ms or 20 numbers from
    /// 5,000,000; five threads for a pool.
    public static RunSpec defaults(WorkloadKind workload, ModelKind model) {
        return new RunSpec(workload, model, model.hasWorkers() ? ThreadPoolModel.DEFAULT_WORKERS : 1,
                workload.defaultTasks(), SumOfSquares.DEFAULT_BASE, SiteConfig.DEFAULT_LATENCY_MS, List.of(), true);
    }

    public RunSpec withModel(ModelKind newModel) {
        int w = newModel.hasWorkers() && !model.hasWorkers() ? ThreadPoolModel.DEFAULT_WORKERS : workers;
        return new RunSpec(workload, newModel, w, tasks, base, latencyMs, urls, warmup);
    }

    public RunSpec withWorkers(int n) {
        return new RunSpec(workload, model, n, tasks, base, latencyMs, urls, warmup);
    }

    public RunSpec withTasks(int n) {
        return new RunSpec(workload, model, workers, n, base, latencyMs, urls, warmup);
    }

    public RunSpec withBase(long n) {
        return new RunSpec(workload, model, workers, tasks, n, latencyMs, urls, warmup);
    }

    public RunSpec withLatencyMs(int ms) {
        return new RunSpec(workload, model, workers, tasks, base, ms, urls, warmup);
    }

    public RunSpec withUrls(List<URI> newUrls) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, newUrls, warmup);
    }

    public RunSpec withWarmup(boolean on) {
        return new RunSpec(workload, model, workers, tasks, base, latencyMs, urls, on);
    }

    /// The workload this spec describes.
    public Workload toWorkload() {
        return toWorkload(workload, tasks, base, urls);
    }

    /// A fresh model instance for one run.
    public ConcurrencyModel newModel() {
        return switch (model) {
            case SYNC -> new SyncModel();
            case THREADS -> new ThreadPoolModel(workers);
        };
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

    private static Workload toWorkload(WorkloadKind kind, int tasks, long base, List<URI> urls) {
        return switch (kind) {
            case DOWNLOAD -> new DownloadSites(tasks, urls);
            case CPU -> new SumOfSquares(tasks, base);
        };
    }
}
