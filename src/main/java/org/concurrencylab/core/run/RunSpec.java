package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.MixedWork;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.Workload;
import org.concurrencylab.sites.SiteConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/// Everything that defines a run: the workload, the model, and the values of its
/// [parameters][RunParams]. Immutable; every value that applies to the workload and model is
/// checked against the table on construction, so an invalid spec never reaches the engine (the
/// message names the parameter).
///
/// A spec carries values that do not apply (a connection limit set before the model became one
/// with a limit), so that a chain of changes does not depend on its order; they take no part in
/// what the spec is: [#applied()], equality, files and captions see only the values that apply.
/// Asked for a parameter that does not apply, it answers that parameter's default.
///
/// @param workload what to do
/// @param model    how to run it
/// @param values   the values given, those that apply checked
public record RunSpec(WorkloadKind workload, ModelKind model, Map<Param<?>, Object> values) implements Param.Context {

    public RunSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        values = canonical(workload, model, Objects.requireNonNull(values, "values"));
    }

    /// The article's settings for `workload` under `model`: 160 pages at 90 ms, 20 numbers from
    /// 5,000,000, fib(35) 20 times, 5,000 tasks of 100 increments; five threads for a pool, one
    /// process per core.
    public static RunSpec defaults(WorkloadKind workload, ModelKind model) {
        return new RunSpec(workload, model, Map.of());
    }

    /// The "asyncio scales" experiment on `model`: 5,000 pages at 1,000 connections (the bench
    /// times it, the window's frames are watched on it, the AOT cache's training runs it).
    public static RunSpec manyDownloads(ModelKind model) {
        return defaults(WorkloadKind.DOWNLOAD, model).withTasks(5_000).with(RunParams.MAX_CONNECTIONS, 1_000);
    }

    /// The value of `param` in this run; its default here when it does not apply.
    public <T> T get(Param<T> param) {
        Object v = values.get(param);
        return v != null && param.appliesTo(this) ? param.cast(v) : param.defaultValue(this);
    }

    /// The value of every parameter that applies to this run, in the table's order.
    public Map<Param<?>, Object> applied() {
        Map<Param<?>, Object> out = new LinkedHashMap<>();
        for (Param<?> p : RunParams.ALL) if (p.appliesTo(this)) out.put(p, get(p));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec other && workload == other.workload && model == other.model
                && applied().equals(other.applied());
    }

    @Override
    public int hashCode() {
        return Objects.hash(workload, model, applied());
    }

    @Override
    public String toString() {
        return "RunSpec[" + workload.id() + " " + model.id() + " " + applied() + "]";
    }

    @Override
    public <V> V value(Param<V> param) {
        return get(param);
    }

    /// This spec with `param` set to `value`. The value is checked against the table's range
    /// for this workload and model even when the parameter does not apply (then it is dropped):
    /// a value out of range is refused, with the parameter's name.
    public <T> RunSpec with(Param<T> param, T value) {
        T checked = param.cast(value);
        boolean fixed = param instanceof Param.Whole<?> w && w.range(this).min() == w.range(this).max();
        if (!fixed) checked = param.check(checked, this);
        Map<Param<?>, Object> next = new LinkedHashMap<>(values);
        next.put(param, checked);
        return new RunSpec(workload, model, next);
    }

    /// This spec with the whole-number `param` set to `value`, as [#with(Param, Object)] does.
    public <N extends Number> RunSpec with(Param.Whole<N> param, long value) {
        Param.Range r = param.range(this);
        if (r.min() == r.max()) return with(param, param.of(r.min()));
        param.checkNumber(value, this, param.noun());
        return with(param, param.of(value));
    }

    /// This spec under model `m`; a pool's size goes to the new model's default when the model
    /// changes, the other values stay where they apply.
    public RunSpec withModel(ModelKind m) {
        if (m == model) return this;
        Map<Param<?>, Object> next = new LinkedHashMap<>(values);
        next.remove(RunParams.WORKERS);
        return new RunSpec(workload, m, next);
    }

    public RunSpec withWorkers(int n) {
        return with(RunParams.WORKERS, n);
    }

    public RunSpec withTasks(int n) {
        return with(RunParams.TASKS, n);
    }

    public RunSpec withWarmup(boolean on) {
        return with(RunParams.WARMUP, on);
    }

    public RunSpec withGil(boolean on) {
        return with(RunParams.GIL, on);
    }

    public RunSpec withRuntime(RuntimeKind r) {
        return with(RunParams.RUNTIME, r);
    }

    public RunSpec withUrls(List<URI> urls) {
        return with(RunParams.URLS, List.copyOf(urls));
    }

    /// How many workers (pool threads or processes; 1 for the other models).
    public int workers() { return get(RunParams.WORKERS); }

    /// Pages to download, numbers to sum, fib(n) to compute, or tasks incrementing the counter.
    public int tasks() { return get(RunParams.TASKS); }

    /// The first number of the sum of squares.
    public long base() { return get(RunParams.BASE); }

    /// Which Fibonacci number each task of the Fibonacci workload computes.
    public int fibN() { return get(RunParams.FIB_N); }

    /// The demo sites' latency per request.
    public int latencyMs() { return get(RunParams.LATENCY_MS); }

    /// Pages to download instead of the demo sites (empty: the demo sites).
    public List<URI> urls() { return get(RunParams.URLS); }

    /// Whether the engine warms the JIT and HTTP clients before the timed run.
    public boolean warmup() { return get(RunParams.WARMUP); }

    /// Requests in flight at once for the event loop and virtual threads.
    public int maxConnections() { return get(RunParams.MAX_CONNECTIONS); }

    /// Which language runs the tasks: Java, or the article's Python program under CPython.
    public RuntimeKind runtime() { return get(RunParams.RUNTIME); }

    /// Whether the simulated GIL ("Python mode") is on.
    public boolean gil() { return get(RunParams.GIL); }

    /// The GIL's switch interval, like `sys.setswitchinterval`.
    public int switchMs() { return get(RunParams.SWITCH_MS); }

    /// How many times each race task adds one to the shared counter.
    public int increments() { return get(RunParams.INCREMENTS); }

    /// How race tasks update the counter.
    public Step.CounterMode counterMode() { return get(RunParams.COUNTER_MODE); }

    /// The heavy parse of the mixed workload, in ms of CPU per page.
    public int cpuMs() { return get(RunParams.CPU_MS); }

    /// How long a download may take to open its connection.
    public int connectTimeoutMs() { return get(RunParams.CONNECT_TIMEOUT_MS); }

    /// How long a download may wait for the answer, and then between two reads of it.
    public int readTimeoutMs() { return get(RunParams.READ_TIMEOUT_MS); }

    /// How long one whole download may take, connecting and reading included.
    public int deadlineMs() { return get(RunParams.DEADLINE_MS); }

    /// Whether both timeouts and the deadline are the defaults (the engine's shared clients serve the run).
    public boolean defaultTimeouts() {
        return connectTimeoutMs() == RunParams.DEFAULT_CONNECT_TIMEOUT_MS && readTimeoutMs() == RunParams.DEFAULT_READ_TIMEOUT_MS
                && deadlineMs() == RunParams.DEFAULT_DEADLINE_MS;
    }

    /// The workload this spec describes.
    public Workload toWorkload() {
        return switch (workload) {
            case DOWNLOAD -> new DownloadSites(tasks(), urls());
            case CPU -> new SumOfSquares(tasks(), base());
            case FIB -> new Fibonacci(tasks(), fibN());
            case RACE -> new RaceCondition(tasks(), increments(), counterMode());
            case MIXED -> new MixedWork(tasks(), urls(), cpuMs());
        };
    }

    /// Whether the run downloads from the embedded demo sites.
    public boolean usesDemoSites() {
        return toWorkload().needsDemoSites();
    }

    /// `sites` as this run configures them (latency and the like; the rest as it was).
    public SiteConfig configureSites(SiteConfig sites) {
        SiteConfig config = sites;
        for (Param<?> p : RunParams.ALL) config = configure(config, p);
        return config;
    }

    private <T> SiteConfig configure(SiteConfig config, Param<T> p) {
        return p.configuresSites() && p.appliesTo(this) ? p.configure(config, get(p)) : config;
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

    static void checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + uri + "' is not an http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + uri + "' has no host name");
        }
    }

    /// `given` with every value that applies to `workload` and `model` checked, in the table's
    /// order; a parameter whose range has one value here takes it (a synchronous run has one
    /// worker whatever was asked). A value that does not apply is kept if it is in its range, and
    /// dropped if not (a file's stale value must not fail a later change of model).
    private static Map<Param<?>, Object> canonical(WorkloadKind workload, ModelKind model, Map<Param<?>, Object> given) {
        Param.Context raw = new Raw(workload, model, given);
        Map<Param<?>, Object> out = new LinkedHashMap<>();
        for (Param<?> p : RunParams.ALL) {
            Object v = given.get(p);
            if (p.appliesTo(raw)) {
                if (v != null) out.put(p, checked(p, raw, v));
            } else if (v != null) {
                try {
                    out.put(p, inRange(p, raw, v));
                } catch (IllegalArgumentException staleValue) {
                    // not part of this run, and not a value it could take
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static <T> T inRange(Param<T> p, Param.Context c, Object given) {
        return p.checkAlone(p.cast(given), c);
    }

    private static <T> T checked(Param<T> p, Param.Context c, Object given) {
        T value = p.cast(given);
        if (p instanceof Param.Whole<?> w) {
            Param.Range r = w.range(c);
            if (r.min() == r.max()) return p.cast(r.min());
        }
        return p.check(value, c);
    }

    /// A context over values not yet checked: a parameter given is read as given, else as its default.
    private record Raw(WorkloadKind workload, ModelKind model, Map<Param<?>, Object> given) implements Param.Context {
        @Override
        public <V> V value(Param<V> param) {
            Object v = given.get(param);
            return v != null ? param.cast(v) : param.defaultValue(this);
        }
    }
}
