package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/// The options that say what work `compare` and `sweep` do, shared as a picocli mixin. Each
/// problem is thrown as an [IllegalArgumentException] whose message names the option.
final class WorkOptions {
    @Option(names = "--workload", paramLabel = "W", converter = RunCommand.WorkloadConverter.class,
            description = "download | cpu | race | mixed (default: ${DEFAULT-VALUE})", defaultValue = "download")
    WorkloadKind workload;

    @Option(names = "--tasks", paramLabel = "N", description = "pages to download or numbers to sum (default: 160 or 20)")
    Integer tasks;

    @Option(names = "--base", paramLabel = "N", description = "first number of the sum of squares (default: 5000000)")
    Long base;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "demo sites' latency per request (default: 90)")
    Integer latencyMs;

    @Option(names = "--url", paramLabel = "URL", description = "a page to download instead of the demo sites (repeatable)")
    List<String> urls = new ArrayList<>();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "requests in flight at once, event loop and virtual threads (default: 100)")
    Integer maxConnections;

    @Option(names = "--switch-ms", paramLabel = "MS", description = "the GIL's switch interval (default: 5)")
    Integer switchMs;

    @Option(names = "--increments", paramLabel = "N", description = "race: increments per task (default: 100)")
    Integer increments;

    @Option(names = "--race", paramLabel = "MODE", converter = RunCommand.CounterModeConverter.class,
            description = "race: unsafe | synchronized | atomic (default: unsafe)")
    Step.CounterMode counterMode;

    @Option(names = "--cpu-ms", paramLabel = "MS", description = "mixed: ms of heavy parsing per page (default: 20)")
    Integer cpuMs;

    @Option(names = "--connect-timeout-ms", paramLabel = "MS",
            description = "downloads: how long opening a connection may take (default: 10000)")
    Integer connectTimeoutMs;

    @Option(names = "--read-timeout-ms", paramLabel = "MS",
            description = "downloads: how long a response may keep the download waiting (default: 30000)")
    Integer readTimeoutMs;

    @Option(names = "--no-warmup", description = "time the runs on a cold JVM (no JIT or HTTP warm-up)")
    boolean noWarmup;

    /// The spec these options describe for `model` (workers at the model's default).
    RunSpec spec(ModelKind model) {
        RunSpec s = RunSpec.defaults(workload, model);
        if (tasks != null) s = s.withTasks(tasks);
        if (maxConnections != null) s = s.withMaxConnections(maxConnections);
        if (switchMs != null) s = s.withSwitchMs(switchMs);
        if (increments != null) s = s.withIncrements(increments);
        if (counterMode != null) s = s.withCounterMode(counterMode);
        if (cpuMs != null) s = s.withCpuMs(cpuMs);
        if (base != null) s = s.withBase(base);
        if (latencyMs != null) s = s.withLatencyMs(latencyMs);
        s = withTimeouts(s, connectTimeoutMs, readTimeoutMs);
        s = withUrls(s, urls);
        return s.withWarmup(!noWarmup);
    }

    /// `s` downloading the `--url` pages given (none: left as it is); refused for a workload that
    /// downloads nothing or a page that is not an http(s) URL.
    static RunSpec withUrls(RunSpec s, List<String> urls) {
        if (urls.isEmpty()) return s;
        if (!s.workload().downloads()) throw new IllegalArgumentException("--url only applies to --workload download or mixed");
        List<URI> parsed = new ArrayList<>();
        for (String u : urls) {
            try {
                parsed.add(RunSpec.parseUrl(u));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url: " + e.getMessage());
            }
        }
        return s.withUrls(parsed);
    }

    /// `s` with the timeouts given on the command line (null: left as they are); a value out of
    /// range is refused naming its option.
    static RunSpec withTimeouts(RunSpec s, Integer connectTimeoutMs, Integer readTimeoutMs) {
        if (connectTimeoutMs != null) s = s.withConnectTimeoutMs(checkTimeout("--connect-timeout-ms", connectTimeoutMs));
        if (readTimeoutMs != null) s = s.withReadTimeoutMs(checkTimeout("--read-timeout-ms", readTimeoutMs));
        return s;
    }

    /// `n` if it is between 1 and `max`; otherwise refused naming `option`.
    static int checkWorkers(String option, int n, int max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException(option + " must be between 1 and " + max + ", was " + n);
        }
        return n;
    }

    /// `s` with the GIL on if `gil` was given; refused for a `model` without one.
    static RunSpec withGil(RunSpec s, ModelKind model, boolean gil) {
        if (!gil) return s;
        if (!model.supportsGil()) throw new IllegalArgumentException("--gil applies to --model threads or virtual, not " + model.id());
        return s.withGil(true);
    }

    private static int checkTimeout(String option, int ms) {
        if (ms < 1 || ms > RunSpec.MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException(option + " must be between 1 and " + RunSpec.MAX_TIMEOUT_MS + " ms, was " + ms);
        }
        return ms;
    }
}
