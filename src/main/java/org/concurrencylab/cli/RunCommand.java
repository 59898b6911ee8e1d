package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.render.PngRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/// `run`: one run, headless, with the same engine and renderer as the window.
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs one workload under one model and prints a summary line.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", paramLabel = "W", converter = WorkloadConverter.class,
            description = "download | cpu | race | mixed (default: ${DEFAULT-VALUE})", defaultValue = "download")
    private WorkloadKind workload;

    @Option(names = "--model", paramLabel = "M", converter = ModelConverter.class,
            description = "sync | threads | eventloop | processes | virtual (default: ${DEFAULT-VALUE})", defaultValue = "sync")
    private ModelKind model;

    @Option(names = "--workers", paramLabel = "N", description = "threads of a pool (default: 5) or processes (default: cores)")
    private Integer workers;

    @Option(names = "--tasks", paramLabel = "N", description = "pages to download or numbers to sum (default: 160 or 20)")
    private Integer tasks;

    @Option(names = "--base", paramLabel = "N", description = "first number of the sum of squares (default: 5000000)")
    private Long base;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "demo sites' latency per request (default: 90)")
    private Integer latencyMs;

    @Option(names = "--url", paramLabel = "URL", description = "a page to download instead of the demo sites (repeatable)")
    private List<String> urls = new ArrayList<>();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "requests in flight at once, event loop and virtual threads (default: 100)")
    private Integer maxConnections;

    @Option(names = "--gil", description = "simulate Python's GIL (thread pool, virtual threads)")
    private boolean gil;

    @Option(names = "--switch-ms", paramLabel = "MS", description = "the GIL's switch interval (default: 5)")
    private Integer switchMs;

    @Option(names = "--increments", paramLabel = "N", description = "race: increments per task (default: 100)")
    private Integer increments;

    @Option(names = "--race", paramLabel = "MODE", converter = CounterModeConverter.class,
            description = "race: unsafe | synchronized | atomic (default: unsafe)")
    private Step.CounterMode counterMode;

    @Option(names = "--cpu-ms", paramLabel = "MS", description = "mixed: ms of heavy parsing per page (default: 20)")
    private Integer cpuMs;

    @Option(names = "--connect-timeout-ms", paramLabel = "MS",
            description = "downloads: how long opening a connection may take (default: 10000)")
    private Integer connectTimeoutMs;

    @Option(names = "--read-timeout-ms", paramLabel = "MS",
            description = "downloads: how long a response may keep the download waiting (default: 30000)")
    private Integer readTimeoutMs;

    @Option(names = "--no-warmup", description = "time the run on a cold JVM (no JIT or HTTP warm-up)")
    private boolean noWarmup;

    @CommandLine.Mixin
    private OutputOptions outputs;

    @Override
    public Integer call() throws Exception {
        RunSpec runSpec = buildSpec();
        ImageOptions imageOptions = outputs.check();
        if (outputs.drawsPictures()) PngRenderer.startHeadlessIfNeeded();

        RunResult result;
        try (RunEngine engine = new RunEngine()) {
            Cli.prepareWorkerProcesses(engine, java.util.List.of(runSpec), spec.commandLine().getErr());
            RunHandle handle = engine.start(runSpec);
            Thread hook = Thread.ofPlatform().unstarted(handle::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = handle.result().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                spec.commandLine().getErr().println("concurrency-lab: the run failed: " + Cli.oneLine(cause.getMessage()));
                return Cli.RUN_FAILED;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting anyway
                }
            }
        }
        spec.commandLine().getOut().println(result.summaryLine());
        outputs.write(result, imageOptions);
        return result.errors() > 0 || result.cancelled() ? Cli.RUN_FAILED : Cli.OK;
    }

    private RunSpec buildSpec() {
        try {
            RunSpec s = RunSpec.defaults(workload, model);
            if (workers != null) {
                if (workers < 1) throw bad("--workers must be at least 1, was " + workers);
                if (!model.hasWorkers() && workers != 1) throw bad("--workers: the " + model.id() + " model has exactly 1 worker");
                s = s.withWorkers(WorkOptions.checkWorkers("--workers", workers, RunSpec.maxWorkers(model)));
            }
            if (tasks != null) s = s.withTasks(tasks);
            if (maxConnections != null) s = s.withMaxConnections(maxConnections);
            s = WorkOptions.withGil(s, model, gil);
            if (switchMs != null) s = s.withSwitchMs(switchMs);
            if (increments != null) s = s.withIncrements(increments);
            if (counterMode != null) s = s.withCounterMode(counterMode);
            if (cpuMs != null) s = s.withCpuMs(cpuMs);
            if (base != null) s = s.withBase(base);
            if (latencyMs != null) s = s.withLatencyMs(latencyMs);
            s = WorkOptions.withTimeouts(s, connectTimeoutMs, readTimeoutMs);
            s = WorkOptions.withUrls(s, urls);
            return s.withWarmup(!noWarmup);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }

    /// Turns a command-line id into one of `values`, or says which ids there are.
    abstract static class IdConverter<E> implements CommandLine.ITypeConverter<E> {
        private final String what;
        private final E[] values;
        private final java.util.function.Function<E, String> id;

        IdConverter(String what, E[] values, java.util.function.Function<E, String> id) {
            this.what = what;
            this.values = values;
            this.id = id;
        }

        @Override
        public E convert(String value) {
            return Arrays.stream(values).filter(v -> id.apply(v).equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "unknown " + what + " '" + value + "' (choose " + ids(values, id) + ")"));
        }
    }

    static final class WorkloadConverter extends IdConverter<WorkloadKind> {
        WorkloadConverter() {
            super("workload", WorkloadKind.values(), WorkloadKind::id);
        }
    }

    static final class ModelConverter extends IdConverter<ModelKind> {
        ModelConverter() {
            super("model", ModelKind.values(), ModelKind::id);
        }
    }

    static final class CounterModeConverter extends IdConverter<Step.CounterMode> {
        CounterModeConverter() {
            super("race mode", Step.CounterMode.values(), Step.CounterMode::id);
        }
    }

    private static <T> String ids(T[] values, java.util.function.Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }
}
