package org.concurrencylab.core.run;

import com.sun.management.OperatingSystemMXBean;
import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.Gil;
import org.concurrencylab.core.model.ModelFacts;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ModelSetup;
import org.concurrencylab.core.model.ModelTraits;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.PooledModels;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.RaceCondition;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.core.workload.Workload;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Http;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/// Starts runs on background threads and hands back a [RunHandle] at once.
///
/// The engine owns what runs share: the embedded demo sites (started on first use) and the HTTP
/// clients; [#close] releases them. A run whose timeouts or deadline are not the defaults gets a
/// client with its own: for the blocking models one derived from the shared client (same
/// connections and threads); for the event loop the shared client's with its own read timeout and
/// deadline, on a client kept per connect timeout; worker processes get them with the run's reset.
///
/// Thread-safety: thread-safe; several runs may go on at once (they share the demo sites, so
/// give them the same latency).
public final class RunEngine implements AutoCloseable {
    private final AtomicInteger runNumber = new AtomicInteger();
    private final Warmup warmup = new Warmup();
    private final SiteConfig siteDefaults;
    private Http http;
    private AsyncHttp asyncHttp;
    /// Event loop clients for connect timeouts other than the default, by the timeout in ms.
    private final Map<Integer, AsyncHttp> asyncByConnect = new HashMap<>();
    private DemoSites sites;
    private final Map<ModelKind, PooledModels> pools = new EnumMap<>(ModelKind.class);
    private volatile Path python;

    public RunEngine() {
        this(SiteConfig.defaults());
    }

    /// An engine whose demo sites start with `siteDefaults` (the latency is then set per run).
    public RunEngine(SiteConfig siteDefaults) {
        this.siteDefaults = siteDefaults;
    }

    /// Starts `spec` on a new background thread; returns at once.
    public RunHandle start(RunSpec spec) {
        return start(spec, true);
    }

    /// Starts `spec`; with `record` false the workers' states go to a recorder that keeps
    /// nothing (for measuring what recording costs).
    public RunHandle start(RunSpec spec, boolean record) {
        RunHandle handle = new RunHandle(spec, record);
        Thread.ofPlatform().daemon(true).name("run-" + runNumber.incrementAndGet())
                .start(() -> execute(handle));
        return handle;
    }

    /// Runs on [RuntimeKind#PYTHON] use the interpreter at `executable` from now on (null: `python3`
    /// on the PATH).
    public void usePython(Path executable) {
        python = executable;
    }

    /// The interpreter runs on [RuntimeKind#PYTHON] use, if one was set; else `python3` on the PATH.
    public Optional<Path> python() {
        return Optional.ofNullable(python);
    }

    /// The embedded demo sites, started if they were not.
    public synchronized DemoSites demoSites() {
        if (sites == null) {
            try {
                sites = DemoSites.start(siteDefaults);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the demo sites on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        return sites;
    }

    private synchronized Http http() {
        if (http == null) http = Http.createDefault();
        return http;
    }

    /// Readies what makes the worker processes of `kind` start fast (the process pool's AOT
    /// cache, recorded otherwise in the background while runs go on), waiting up to `budget`:
    /// for a benchmark that should time runs as an app that has been open a while makes them.
    /// True if it is ready; false for a kind with no such thing, or if it could not be made.
    public boolean prepareStartUp(ModelKind kind, Duration budget) throws InterruptedException {
        return kind.traits().pooled() && pools(kind).prepareStartUp(budget);
    }

    /// The maker of `kind`'s models (the process pool's is in the `worker` package, found with
    /// `ServiceLoader`), made on first use; the workers it keeps live until [#close].
    private synchronized PooledModels pools(ModelKind kind) {
        return pools.computeIfAbsent(kind, k -> ServiceLoader.load(PooledModels.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.kind() == k).findFirst()
                .orElseThrow(() -> new IllegalStateException("the " + k.title().toLowerCase(Locale.ROOT)
                        + " is not on the class path")));
    }

    private synchronized AsyncHttp asyncHttp() {
        if (asyncHttp == null) asyncHttp = AsyncHttp.createDefault();
        return asyncHttp;
    }

    /// The blocking models' client for `spec`: the shared one, or one derived from it with the
    /// run's timeouts and deadline (worker processes get them from it too).
    private Http http(RunSpec spec) {
        if (spec.defaultTimeouts()) return http();
        return http().withTimeouts(Duration.ofMillis(spec.connectTimeoutMs()), Duration.ofMillis(spec.readTimeoutMs()),
                Duration.ofMillis(spec.deadlineMs()));
    }

    /// The event loop's client for `spec`: the one for its connect timeout, with the run's read
    /// timeout and deadline.
    private synchronized AsyncHttp asyncHttp(RunSpec spec) {
        AsyncHttp client = spec.connectTimeoutMs() == RunParams.DEFAULT_CONNECT_TIMEOUT_MS ? asyncHttp()
                : asyncByConnect.computeIfAbsent(spec.connectTimeoutMs(), ms -> AsyncHttp.create(Duration.ofMillis(ms),
                        Duration.ofMillis(RunParams.DEFAULT_READ_TIMEOUT_MS), Duration.ofMillis(RunParams.DEFAULT_DEADLINE_MS)));
        return spec.readTimeoutMs() == RunParams.DEFAULT_READ_TIMEOUT_MS && spec.deadlineMs() == RunParams.DEFAULT_DEADLINE_MS
                ? client : client.withTimeouts(Duration.ofMillis(spec.readTimeoutMs()), Duration.ofMillis(spec.deadlineMs()));
    }

    private void execute(RunHandle handle) {
        RunSpec spec = handle.spec();
        RunControl control = handle.control();
        try {
            Workload workload = spec.toWorkload();
            List<URI> demoPages = List.of();
            if (workload.needsDemoSites()) {
                DemoSites demo = demoSites();
                demo.configure(spec.configureSites(demo.config()));
                demoPages = demo.pages();
            }
            List<TaskPlan> plans = workload.plan(demoPages);
            ConcurrencyModel model = spec.runtime() == RuntimeKind.JAVA ? newModel(spec) : twin(spec, plans, control);
            try (AutoCloseable closing = model instanceof AutoCloseable c ? c : () -> { }) {
                run(handle, spec, workload, plans, model);
            }
        } catch (InterruptedException e) {
            handle.phase(RunPhase.CANCELLED);
            handle.result().complete(emptyResult(spec, spec.tasks()));
        } catch (RuntimeException | Error e) {
            handle.phase(RunPhase.FAILED);
            handle.result().completeExceptionally(e);
        } catch (Exception e) {
            handle.phase(RunPhase.FAILED);
            handle.result().completeExceptionally(new IllegalStateException(e.getMessage(), e));
        }
    }

    /// Warms up (for Java), runs `model` on the run's clock and completes `handle` with the result.
    private void run(RunHandle handle, RunSpec spec, Workload workload, List<TaskPlan> plans, ConcurrencyModel model)
            throws InterruptedException {
        RunControl control = handle.control();
        ModelTraits traits = spec.model().traits();
        // a CPython run computes in Python: warming Java's kernels would only delay it
        boolean warmsKernels = !traits.warmsItself() && spec.runtime() == RuntimeKind.JAVA;
        if (spec.warmup() && (workload.nature() == Workload.Nature.IO_BOUND || warmsKernels)) {
            handle.phase(RunPhase.WARMING_UP);
            switch (workload.nature()) {
                case CPU_BOUND -> warmup.compute(http(), control);
                case IO_BOUND -> {
                    switch (traits.warmup()) {
                        case EVENT_LOOP -> warmup.eventLoop(asyncHttp(), demoSites().pages(), control);
                        case VIRTUAL_THREADS -> warmup.virtualThreads(http(), demoSites().pages(), control);
                        case BLOCKING -> warmup.http(http(), demoSites().pages(), control);
                    }
                }
            }
        }
        if (control.cancelled()) {
            handle.phase(RunPhase.CANCELLED);
            handle.result().complete(emptyResult(spec, plans.size()));
            return;
        }

        Http client = http(spec); // made before the clock starts: its set-up is not the run's
        SystemSample firstSample = SystemSampler.first();
        long cpuBefore = processCpuNanos();
        RunClock clock = RunClock.startingNow();
        TraceRecorder recorder = handle.recording() ? TraceRecorder.create(clock) : TraceRecorder.disabled(clock);
        Outcomes outcomes = new Outcomes(plans.size());
        SystemSampler sampler = new SystemSampler(clock, firstSample);
        handle.started(recorder, outcomes, sampler);
        handle.phase(RunPhase.RUNNING);
        SharedCounter counter = new SharedCounter();
        ModelFacts facts = new ModelFacts();
        try {
            model.run(new RunContext(plans, recorder, control, client, outcomes, counter, facts));
        } catch (InterruptedException e) {
            control.cancel();
        } finally {
            sampler.close();
        }
        long now = clock.now();
        long cpu = processCpuNanos() - cpuBefore;
        recorder.closeAllOpen(control.cancelled() ? "cancelled" : null);

        List<Segment> segments = new ArrayList<>(recorder.finished());
        segments.sort(Comparator.comparingLong(Segment::start).thenComparingInt(Segment::lane));
        long wall = wall(now, facts.end(), segments);
        boolean cancelled = control.cancelled() && outcomes.done() < plans.size();
        CounterResult counted = workload instanceof RaceCondition race
                ? new CounterResult(race.expected(), facts.counter().orElse(counter.value(race.mode())), facts.workerCounts())
                : null;
        RunResult result = new RunResult(spec, wall, plans.size(), outcomes.errors(), cancelled,
                recorder.lanes(), segments, outcomes.list(), RunStats.of(wall, cpu, segments),
                facts.carrierCount(), counted, sampler.samples(), facts.runtime());
        handle.phase(cancelled ? RunPhase.CANCELLED : RunPhase.FINISHED);
        handle.result().complete(result);
    }

    /// A run's wall time: the run's clock when the model returned, or the end the model noted
    /// before that ([ModelFacts#noteEnd]: a CPython program's `main()` returning), though never
    /// before the end of a segment drawn.
    static long wall(long now, OptionalLong end, List<Segment> segments) {
        if (end.isEmpty()) return now;
        long last = 0;
        for (Segment s : segments) last = Math.max(last, s.end());
        return Math.min(now, Math.max(end.getAsLong(), last));
    }

    /// The model of a run on another runtime than Java (its twin, found with `ServiceLoader`),
    /// made ready before the run's clock starts.
    private ConcurrencyModel twin(RunSpec spec, List<TaskPlan> plans, RunControl control) throws InterruptedException {
        TwinModels twins = ServiceLoader.load(TwinModels.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.runtime() == spec.runtime()).findFirst()
                .orElseThrow(() -> new IllegalStateException("runs on " + spec.runtime().title() + " are not on the class path"));
        return twins.prepare(spec, plans, python(), control);
    }

    /// A fresh model for one run of `spec`.
    private ConcurrencyModel newModel(RunSpec spec) {
        ModelKind kind = spec.model();
        if (kind.traits().pooled()) return pools(kind).create(spec.workers(), spec.get(RunParams.KEEP_WARM));
        Gil gil = spec.gil() ? new Gil(spec.switchMs()) : null;
        return kind.create(new ModelSetup(spec.workers(), spec.maxConnections(), gil, () -> asyncHttp(spec)));
    }

    private static RunResult emptyResult(RunSpec spec, int tasks) {
        return new RunResult(spec, 0, tasks, 0, true, List.of(), List.of(), List.of(), RunStats.of(0, 0, List.of()));
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (sites != null) sites.close();
        if (http != null) http.close();
        if (asyncHttp != null) asyncHttp.close();
        pools.values().forEach(PooledModels::close);
        pools.clear();
        asyncByConnect.values().forEach(AsyncHttp::close);
        asyncByConnect.clear();
        sites = null;
        http = null;
        asyncHttp = null;
    }
}
