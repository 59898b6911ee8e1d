package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ModelTraits;
import org.concurrencylab.core.run.Param.Range;
import org.concurrencylab.core.run.Param.Section;
import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.sites.SiteConfig;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/// The table of run parameters: every setting a run takes, declared once, in the order forms
/// and help texts list them. [RunSpec] holds values of these; the settings file, the command
/// line's options, the window's fields and their validation are all made from this table.
public final class RunParams {
    private RunParams() {}

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_READ_TIMEOUT_MS = 30_000;
    /// The longest connect or read timeout: ten minutes.
    public static final int MAX_TIMEOUT_MS = 600_000;
    /// The deadline of a download with the default timeouts: a minute for the whole exchange.
    public static final int DEFAULT_DEADLINE_MS = 60_000;
    /// The longest deadline: the longest connect timeout and the longest read timeout together.
    public static final int MAX_DEADLINE_MS = 2 * MAX_TIMEOUT_MS;

    private static final Predicate<Param.Context> DOWNLOADS = c -> c.workload().downloads();
    /// Downloads from the embedded demo sites (no URLs of the user's own).
    private static final Predicate<Param.Context> DEMO_SITES = DOWNLOADS.and(c -> c.value(RunParams.URLS).isEmpty());

    /// Threads of a pool or processes of a process pool; 1 for the models that choose no count.
    public static final Param.Whole<Integer> WORKERS = ParamBuilder.ints("workers")
            .noun("workers")
            .label(c -> capitalized(workers(c.model()).noun(2)))
            .option("--workers", "N")
            .help("threads of a pool (default: 5) or processes of a process pool (default: one per core)")
            .section(Section.TOOLBAR)
            .range(c -> workers(c.model()) instanceof ModelTraits.Fixed f
                    ? new Range(f.count(), f.count(), "the " + c.model().id() + " model has exactly " + f.count() + " worker")
                    : new Range(1, workers(c.model()).max(), null))
            .defaultValue(c -> workers(c.model()).defaultCount())
            .rememberedAs(c -> workers(c.model()) instanceof ModelTraits.Chosen chosen ? chosen.setting() : null,
                    Arrays.stream(ModelKind.values()).map(m -> m.traits().workers())
                            .filter(ModelTraits.Chosen.class::isInstance).map(w -> ((ModelTraits.Chosen) w).setting())
                            .distinct().toList())
            .sweep(c -> logValues(1, Math.min(64, workers(c.model()).max()), 9))
            .build();

    /// Pages to download, numbers to sum, fib(n) to compute, or race tasks.
    public static final Param.Whole<Integer> TASKS = ParamBuilder.ints("tasks")
            .noun("tasks")
            .label(c -> capitalized(c.workload().taskNoun()))
            .option("--tasks", "N")
            .help("pages to download, numbers to sum, fib(n) to compute or race tasks (default: 160, 20, 20 or 5000)")
            .range(c -> new Range(1, c.workload().maxTasks(), null))
            .defaultValue(c -> c.workload().defaultTasks())
            .rememberedAs(c -> c.workload().tasksSetting(),
                    Arrays.stream(WorkloadKind.values()).map(WorkloadKind::tasksSetting).distinct().toList())
            .sweep(c -> {
                int tasks = c.value(RunParams.TASKS);
                return logValues(Math.max(1, tasks / 8), Math.max(2, tasks), 7);
            })
            .build();

    public static final Param.Whole<Long> BASE = ParamBuilder.longs("base")
            .noun("base")
            .label("First number")
            .option("--base", "N")
            .help("first number of the sum of squares (default: 5000000)")
            .appliesWhen(c -> c.workload() == WorkloadKind.CPU, "--workload cpu")
            .range(0, SumOfSquares.MAX_BASE)
            .defaultNumber(SumOfSquares.DEFAULT_BASE)
            .build();

    /// Which Fibonacci number each task computes, every task the same one, as the article's
    /// fib(35) twenty times. CPython's programs take it up to [Fibonacci#MAX_PYTHON_N] only.
    public static final Param.Whole<Integer> FIB_N = ParamBuilder.ints("fibN")
            .noun("the n of fib(n)")
            .label("n of fib(n)")
            .option("--fib-n", "N")
            .help("fib: which Fibonacci number each task computes, recursively (default: 35, as the article's fib(35))")
            .appliesWhen(c -> c.workload() == WorkloadKind.FIB, "--workload fib")
            .range(Fibonacci.MIN_N, Fibonacci.MAX_N)
            .constraint((n, c) -> n > Fibonacci.MAX_PYTHON_N && onPython(c)
                    ? "must not be more than " + Fibonacci.MAX_PYTHON_N
                      + " on --runtime python (CPython takes over 20 s for each fib(n) above it)"
                    : null)
            .defaultNumber(Fibonacci.DEFAULT_N)
            .build();

    public static final Param.Whole<Integer> INCREMENTS = ParamBuilder.ints("increments")
            .noun("increments")
            .label("Increments")
            .option("--increments", "N")
            .help("race: how many times each task adds one to the counter (default: 100)")
            .appliesWhen(c -> c.workload() == WorkloadKind.RACE, "--workload race")
            .range(1, 1_000_000)
            .defaultNumber(100)
            .build();

    public static final Param.Choice<Step.CounterMode> COUNTER_MODE = ParamBuilder.choice("counterMode", Step.CounterMode.class,
                    Step.CounterMode::id)
            .noun("race mode")
            .label("Update")
            .option("--race", "MODE")
            .help("race: how the counter is updated: unsafe | synchronized | atomic (default: unsafe)")
            .appliesWhen(c -> c.workload() == WorkloadKind.RACE, "--workload race")
            .defaultValue(Step.CounterMode.UNSAFE)
            .build();

    /// The mixed workload's heavy parse, in ms of CPU per page.
    public static final Param.Whole<Integer> CPU_MS = ParamBuilder.ints("cpuMs")
            .noun("the parse's CPU time")
            .label("Parse (ms CPU)")
            .unit("ms")
            .option("--cpu-ms", "MS")
            .help("mixed: ms of heavy parsing per page (default: 20)")
            .appliesWhen(c -> c.workload() == WorkloadKind.MIXED, "--workload mixed")
            .range(1, 10_000)
            .defaultNumber(20)
            .build();

    public static final Param.Whole<Integer> LATENCY_MS = ParamBuilder.ints("latencyMs")
            .noun("latency")
            .label("Latency (ms)")
            .unit("ms")
            .option("--latency-ms", "MS")
            .help("demo sites' latency per request (default: 90)")
            .section(Section.NETWORK)
            .appliesWhen(DEMO_SITES, "downloads from the demo sites (--workload download or mixed, no --url)")
            .range(0, SiteConfig.MAX_LATENCY_MS)
            .defaultNumber(SiteConfig.DEFAULT_LATENCY_MS)
            .configuresSites(SiteConfig::withLatencyMs)
            .sweep(c -> List.of(0L, 10L, 25L, 50L, 100L, 200L))
            .build();

    /// How much the demo sites' latency varies: real sites do not answer in exactly 90 ms, and the
    /// spread is why the article's thread lanes are ragged.
    public static final Param.Whole<Integer> JITTER_MS = ParamBuilder.ints("jitterMs")
            .noun("jitter")
            .label("Jitter (± ms)")
            .unit("ms")
            .option("--jitter-ms", "MS")
            .help("demo sites: each latency varies at random by up to this much either way (default: 0)")
            .section(Section.NETWORK)
            .appliesWhen(DEMO_SITES, "downloads from the demo sites (--workload download or mixed, no --url)")
            .range(0, SiteConfig.MAX_LATENCY_MS)
            .constraint((jitter, c) -> jitter > c.value(RunParams.LATENCY_MS)
                    ? "must not be more than the latency (" + c.value(RunParams.LATENCY_MS) + " ms)" : null)
            .defaultNumber(0)
            .configuresSites(SiteConfig::withJitterMs)
            .sweep(c -> List.of(0L, 10L, 25L, 50L, 90L))
            .build();

    /// Requests in flight at once, for the models that start every task at once.
    public static final Param.Whole<Integer> MAX_CONNECTIONS = ParamBuilder.ints("maxConnections")
            .noun("max connections")
            .label("Connections")
            .option("--max-connections", "N")
            .help("requests in flight at once, event loop and virtual threads (default: 100, as aiohttp's connector)")
            .section(Section.NETWORK)
            .appliesWhen(DOWNLOADS.and(c -> c.model().traits().connectionLimit()),
                    "downloads (--workload download or mixed) on --model " + modelsWhere(m -> m.traits().connectionLimit()))
            .range(1, 10_000)
            .defaultNumber(100)
            .build();

    public static final Param.Whole<Integer> CONNECT_TIMEOUT_MS = ParamBuilder.ints("connectTimeoutMs")
            .noun("the connect timeout")
            .label("Connect timeout (ms)")
            .unit("ms")
            .option("--connect-timeout-ms", "MS")
            .help("downloads: how long opening a connection may take before the download fails (default: 10000)")
            .section(Section.NETWORK)
            .appliesWhen(DOWNLOADS, "--workload download or mixed")
            .range(1, MAX_TIMEOUT_MS)
            .defaultNumber(DEFAULT_CONNECT_TIMEOUT_MS)
            .build();

    public static final Param.Whole<Integer> READ_TIMEOUT_MS = ParamBuilder.ints("readTimeoutMs")
            .noun("the read timeout")
            .label("Read timeout (ms)")
            .unit("ms")
            .option("--read-timeout-ms", "MS")
            .help("downloads: how long a download may wait for the answer or for its next bytes before it fails "
                    + "(default: 30000)")
            .section(Section.NETWORK)
            .appliesWhen(DOWNLOADS, "--workload download or mixed")
            .range(1, MAX_TIMEOUT_MS)
            .defaultNumber(DEFAULT_READ_TIMEOUT_MS)
            .build();

    /// The whole exchange of one download, connecting, waiting and reading included: the read
    /// timeout limits only each wait, so a server that sends one byte a second would keep a
    /// download going for hours without it. By default a minute, or the two timeouts together if
    /// they are longer, so that a deadline never cuts short what the timeouts allow.
    public static final Param.Whole<Integer> DEADLINE_MS = ParamBuilder.ints("deadlineMs")
            .noun("the deadline")
            .label("Deadline (ms)")
            .unit("ms")
            .option("--deadline-ms", "MS")
            .help("downloads: how long one whole download may take, connecting and reading included, before it fails "
                    + "(default: 60000, or the connect and read timeouts together if longer)")
            .section(Section.NETWORK)
            .appliesWhen(DOWNLOADS, "--workload download or mixed")
            .range(1, MAX_DEADLINE_MS)
            .defaultValue(c -> Math.max(DEFAULT_DEADLINE_MS, c.value(RunParams.CONNECT_TIMEOUT_MS) + c.value(RunParams.READ_TIMEOUT_MS)))
            .build();

    /// Pages of the user's own to download instead of the demo sites (empty: the demo sites).
    public static final Param.Urls URLS = ParamBuilder.urls("urls")
            .noun("URLs")
            .label("Your own URLs")
            .option("--url", "URL")
            .help("a page to download instead of the demo sites (repeatable); a redirect is followed only within its scheme, host and port")
            .section(Section.NETWORK)
            .appliesWhen(DOWNLOADS, "--workload download or mixed")
            .defaultValue(List.<URI>of())
            .build();

    /// Which language runs the tasks: the lab's Java models, or the article's own Python program
    /// for the model and workload under a real CPython, its GIL measured, not simulated.
    public static final Param.Choice<RuntimeKind> RUNTIME = ParamBuilder.choice("runtime", RuntimeKind.class, RuntimeKind::id)
            .titles(RuntimeKind::title)
            .noun("the runtime")
            .label("Runtime")
            .option("--runtime", "R")
            .help("java | python: the lab's Java models, or the article's own Python program under CPython "
                    + "(python3 on the PATH or --python), its GIL measured (default: java)")
            .section(Section.MODEL)
            .appliesWhen(c -> c.model().traits().pythonTwin(), "--model " + modelsWhere(m -> m.traits().pythonTwin()))
            .defaultValue(RuntimeKind.JAVA)
            .build();

    /// The simulated GIL ("Python mode").
    public static final Param.Flag GIL = ParamBuilder.flag("gil")
            .noun("the GIL")
            .label("GIL")
            .option("--gil", "")
            .help("Python mode: a simulated global interpreter lock. Only the thread holding it runs code; it is let "
                    + "go around I/O and handed over every switch interval.")
            .optionHelp("simulate Python's GIL (thread pool, virtual threads)")
            .section(Section.TOOLBAR)
            .appliesWhen(c -> c.model().traits().gil() && onJava(c), "--model " + modelsWhere(m -> m.traits().gil())
                    + " on --runtime java")
            .defaultValue(false)
            .build();

    /// The GIL's switch interval, like `sys.setswitchinterval`.
    public static final Param.Whole<Integer> SWITCH_MS = ParamBuilder.ints("switchMs")
            .noun("the switch interval")
            .label("GIL switch (ms)")
            .unit("ms")
            .option("--switch-ms", "MS")
            .help("the GIL's switch interval, with --gil (default: 5, as sys.getswitchinterval())")
            .section(Section.MODEL)
            .appliesWhen(c -> c.model().traits().gil() && onJava(c) && c.value(RunParams.GIL), "--gil")
            .range(1, 1_000)
            .defaultNumber(5)
            .sweep(c -> List.of(1L, 2L, 5L, 10L, 20L, 50L))
            .build();

    /// Whether a process pool keeps its worker processes between runs. Off by default: the
    /// article's `with Pool() as pool:` starts them inside every timed run, and so does the lab.
    public static final Param.Flag KEEP_WARM = ParamBuilder.flag("keepWarm")
            .noun("keeping the processes warm")
            .label("Keep processes warm between runs")
            .option("--keep-warm", "")
            .help("Off: every run starts its worker processes and stops them at its end, as the article's "
                    + "`with Pool() as pool:` does, and draws their start-up grey. On: the processes stay between runs, "
                    + "so later runs pay no start-up.")
            .optionHelp("keep the process pool's worker processes between runs (no start-up after the first)")
            .section(Section.MODEL)
            .appliesWhen(c -> c.model().traits().pooled() && onJava(c), "--model " + modelsWhere(m -> m.traits().pooled())
                    + " on --runtime java")
            .defaultValue(false)
            .build();

    /// Whether the engine warms the JIT and the HTTP clients before the timed run.
    public static final Param.Flag WARMUP = ParamBuilder.flag("warmup")
            .noun("the warm-up")
            .label("Warm up the JIT first (not timed)")
            .negatedOption("--no-warmup", "time the run on a cold JVM (no JIT or HTTP warm-up)")
            .help("A cold JVM runs new code slower until the JIT compiles it. Untick to see the effect on the first run.")
            .section(Section.RUN)
            .appliesWhen(RunParams::onJava, "--runtime java")
            .defaultValue(true)
            .build();

    /// Every parameter, in the order forms and help texts list them.
    public static final List<Param<?>> ALL = List.of(WORKERS, GIL, TASKS, BASE, FIB_N, INCREMENTS, COUNTER_MODE, CPU_MS,
            LATENCY_MS, JITTER_MS, MAX_CONNECTIONS, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, DEADLINE_MS,
            URLS, RUNTIME, SWITCH_MS, KEEP_WARM, WARMUP);

    /// Whether the run's tasks run on the JVM (the simulated GIL and the JIT's warm-up are Java's).
    private static boolean onJava(Param.Context c) {
        return c.value(RunParams.RUNTIME) == RuntimeKind.JAVA;
    }

    /// Whether the run's tasks run under CPython (where the model has a Python program).
    private static boolean onPython(Param.Context c) {
        return RunParams.RUNTIME.appliesTo(c) && c.value(RunParams.RUNTIME) == RuntimeKind.PYTHON;
    }

    /// The parameter named `id` in files.
    public static Optional<Param<?>> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /// Every setting key of the table, each once: the names values are remembered by.
    public static List<String> settingKeys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (Param<?> p : ALL) keys.addAll(p.settingKeys());
        return List.copyOf(keys);
    }

    /// The parameters sweeps can vary.
    public static List<Param.Whole<?>> sweepable() {
        return ALL.stream().filter(p -> p instanceof Param.Whole<?> w && w.sweepable()).<Param.Whole<?>>map(p -> (Param.Whole<?>) p).toList();
    }

    /// The models for which `p` holds, as the command line names them: "eventloop or virtual".
    private static String modelsWhere(Predicate<ModelKind> p) {
        List<String> ids = Arrays.stream(ModelKind.values()).filter(p).map(ModelKind::id).toList();
        return ids.size() == 1 ? ids.getFirst()
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
    }

    private static ModelTraits.Workers workers(ModelKind model) {
        return model.traits().workers();
    }

    /// About `count` whole numbers from `from` to `to` (both included), evenly spread on a log
    /// scale, without repeats: `logValues(1, 64, 9)` is 1, 2, 3, 5, 8, 13, 23, 38, 64.
    public static List<Long> logValues(long from, long to, int count) {
        if (from < 1 || to < from || count < 1) throw new IllegalArgumentException("need 1 <= from <= to and count >= 1");
        if (count == 1 || from == to) return List.of(from);
        TreeSet<Long> values = new TreeSet<>(List.of(from, to));
        double ratio = Math.log((double) to / from) / (count - 1);
        LongStream.range(0, count).forEach(i -> values.add(Math.round(from * Math.exp(ratio * i))));
        return List.copyOf(values);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
