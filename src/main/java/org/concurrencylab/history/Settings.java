package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.sites.SiteConfig;

import java.util.Objects;

/// What the window remembers between launches: the last workload and model, every parameter
/// of the side panel, and the look. Immutable; kept by a [SettingsStore].
///
/// @param workload       the last workload chosen
/// @param model          the last model chosen
/// @param workers        threads of the thread pool
/// @param processes      processes of the process pool
/// @param downloadTasks  pages (download and mixed workloads)
/// @param cpuTasks       numbers to sum
/// @param raceTasks      race tasks
/// @param base           first number of the sum of squares
/// @param latencyMs      demo sites' latency
/// @param urls           the user's own URLs, one per line as typed (empty: the demo sites)
/// @param maxConnections requests in flight for the event loop and virtual threads
/// @param gil            whether the GIL switch is on
/// @param switchMs       the GIL's switch interval
/// @param increments     increments per race task
/// @param counterMode    how race tasks update the counter
/// @param cpuMs          the mixed workload's parse per page
/// @param connectTimeoutMs downloads' connect timeout
/// @param readTimeoutMs  downloads' read timeout
/// @param warmup         whether runs warm up first
/// @param dark           the dark theme
/// @param colorBlind     the colour-blind safe palette
public record Settings(WorkloadKind workload, ModelKind model, int workers, int processes, int downloadTasks,
                       int cpuTasks, int raceTasks, long base, int latencyMs, String urls, int maxConnections,
                       boolean gil, int switchMs, int increments, Step.CounterMode counterMode, int cpuMs,
                       int connectTimeoutMs, int readTimeoutMs, boolean warmup, boolean dark, boolean colorBlind) {
    public Settings {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(counterMode, "counterMode");
        urls = urls == null ? "" : urls;
        check("workers", workers, 1, ThreadPoolModel.MAX_WORKERS);
        check("processes", processes, 1, ThreadPoolModel.MAX_WORKERS);
        check("downloadTasks", downloadTasks, 1, 1_000_000);
        check("cpuTasks", cpuTasks, 1, SumOfSquares.MAX_COUNT);
        check("raceTasks", raceTasks, 1, 1_000_000);
        check("base", base, 0, SumOfSquares.MAX_BASE);
        check("latencyMs", latencyMs, 0, SiteConfig.MAX_LATENCY_MS);
        check("maxConnections", maxConnections, 1, RunSpec.MAX_CONNECTIONS);
        check("switchMs", switchMs, 1, RunSpec.MAX_SWITCH_MS);
        check("increments", increments, 1, RunSpec.MAX_INCREMENTS);
        check("cpuMs", cpuMs, 1, RunSpec.MAX_CPU_MS);
        check("connectTimeoutMs", connectTimeoutMs, 1, RunSpec.MAX_TIMEOUT_MS);
        check("readTimeoutMs", readTimeoutMs, 1, RunSpec.MAX_TIMEOUT_MS);
    }

    /// The window's first-launch settings: the article's experiment on a pool of five threads.
    public static Settings defaults() {
        return new Settings(WorkloadKind.DOWNLOAD, ModelKind.THREADS, RunSpec.defaultWorkers(ModelKind.THREADS),
                RunSpec.defaultWorkers(ModelKind.PROCESSES), WorkloadKind.DOWNLOAD.defaultTasks(),
                WorkloadKind.CPU.defaultTasks(), WorkloadKind.RACE.defaultTasks(), SumOfSquares.DEFAULT_BASE,
                SiteConfig.DEFAULT_LATENCY_MS, "", RunSpec.DEFAULT_MAX_CONNECTIONS, false, RunSpec.DEFAULT_SWITCH_MS,
                RunSpec.DEFAULT_INCREMENTS, Step.CounterMode.UNSAFE, RunSpec.DEFAULT_CPU_MS,
                RunSpec.DEFAULT_CONNECT_TIMEOUT_MS, RunSpec.DEFAULT_READ_TIMEOUT_MS, true, false, false);
    }

    /// These settings with another theme and palette.
    public Settings withLooks(boolean newDark, boolean newColorBlind) {
        return new Settings(workload, model, workers, processes, downloadTasks, cpuTasks, raceTasks, base, latencyMs, urls,
                maxConnections, gil, switchMs, increments, counterMode, cpuMs, connectTimeoutMs, readTimeoutMs, warmup,
                newDark, newColorBlind);
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
