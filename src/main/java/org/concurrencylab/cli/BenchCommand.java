package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.State;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/// `bench`: the project's benchmark. Runs the article's experiments and the models' targets in
/// one JVM (warm-up on, as in the window) and prints each case's wall time, its ratio to the
/// case it is compared with, and whether the target holds: the numbers docs/MEASUREMENTS.md quotes.
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the article's experiments and the models' targets; prints wall times and ratios.")
final class BenchCommand implements Callable<Integer> {
    /// The window's first frame with Run enabled, at most this long after launch.
    private static final double FIRST_FRAME_SECONDS = 2.0;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "runs per case; the median is reported, and the range (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Option(names = "--only", paramLabel = "PREFIX", split = ",",
            description = "only the cases whose name starts with one of these (e.g. download,cpu; python: the "
                    + "article's Python programs under CPython, not run otherwise)")
    private List<String> only = new ArrayList<>();

    @Option(names = "--fresh",
            description = "also run each case in a new JVM per run, as a user starts the lab (cold JIT), and print "
                    + "its wall time and the whole process's time beside the warm median")
    private boolean fresh;

    @Option(names = "--first-frame",
            description = "also open the window in a new process per run and time it from launch to its first frame "
                    + "with Run enabled (needs a display)")
    private boolean firstFrame;

    @Option(names = "--live-pulses",
            description = "also open the window in a new process and time its frames while it draws 5,000 downloads "
                    + "live, --repeat times on the event loop and on virtual threads (needs a display)")
    private boolean livePulses;

    @Option(names = "--case", paramLabel = "NAME", hidden = true, description = "only the case of exactly this name")
    private String exactCase;

    @Option(names = "--wall-only", hidden = true, description = "print only the median wall time, in seconds")
    private boolean wallOnly;

    /// A target: the case's wall time (or its compute phase) over another case's, within bounds.
    record Target(String versus, double min, double max, boolean computePhase) {
        static Target none() {
            return new Target(null, 0, 0, false);
        }

        static Target atMost(String versus, double max) {
            return new Target(versus, 0, max, false);
        }

        static Target between(String versus, double min, double max) {
            return new Target(versus, min, max, false);
        }
    }

    /// One benchmark case. `seconds` > 0 is an absolute target for the wall time; `record`: the
    /// run is recorded, as in the window.
    record Case(String name, RunSpec spec, Target target, double seconds, boolean record) {
        Case(String name, RunSpec spec, Target target) {
            this(name, spec, target, 0, true);
        }
    }

    static List<Case> cases() {
        RunSpec download = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC);
        RunSpec cpu = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC);
        RunSpec cpuBig = cpu.with(RunParams.BASE, 20_000_000);
        RunSpec many = RunSpec.manyDownloads(ModelKind.SYNC);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("download sync", download, Target.none(), 16, true));
        cases.add(new Case("download threads (5)", download.withModel(ModelKind.THREADS).withWorkers(5),
                Target.atMost("download sync", 1 / 4.3)));
        cases.add(new Case("download eventloop", download.withModel(ModelKind.EVENTLOOP), Target.none(), 0.25, true));
        cases.add(new Case("download eventloop (200)", download.withModel(ModelKind.EVENTLOOP).with(RunParams.MAX_CONNECTIONS, 200),
                Target.none(), 0.18, true));
        cases.add(new Case("download virtual", download.withModel(ModelKind.VIRTUAL), Target.none()));
        cases.add(new Case("download processes (2)", download.withModel(ModelKind.PROCESSES).withWorkers(2), Target.none()));
        cases.add(new Case("many eventloop (5000/1000)", many.withModel(ModelKind.EVENTLOOP), Target.none(), 1.5, true));
        cases.add(new Case("many virtual (5000/1000)", many.withModel(ModelKind.VIRTUAL), Target.none(), 1.5, true));
        cases.add(new Case("cpu sync", cpu, Target.none()));
        cases.add(new Case("cpu threads (2)", cpu.withModel(ModelKind.THREADS).withWorkers(2), Target.atMost("cpu sync", 1 / 1.6)));
        cases.add(new Case("cpu threads (5)", cpu.withModel(ModelKind.THREADS).withWorkers(5), Target.atMost("cpu sync", 0.62)));
        cases.add(new Case("cpu threads (5) GIL", cpu.withModel(ModelKind.THREADS).withWorkers(5).withGil(true),
                Target.between("cpu sync", 0.95, 1.4)));
        cases.add(new Case("cpu processes (2)", cpu.withModel(ModelKind.PROCESSES).withWorkers(2), Target.atMost("cpu sync", 1 / 1.3)));

        cases.add(new Case("cpu-big sync", cpuBig, Target.none()));
        cases.add(new Case("cpu-big processes (2)", cpuBig.withModel(ModelKind.PROCESSES).withWorkers(2),
                Target.atMost("cpu-big sync", 1 / 1.7)));
        cases.add(new Case("cpu threads (5) unrecorded", cpu.withModel(ModelKind.THREADS).withWorkers(5), Target.none(), 0, false));
        cases.add(new Case("cpu threads (5) recorded", cpu.withModel(ModelKind.THREADS).withWorkers(5),
                Target.atMost("cpu threads (5) unrecorded", 1.03)));
        return cases;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (repeat < 1 || repeat > 20) throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be between 1 and 20");
        PrintWriter out = spec.commandLine().getOut();
        List<Case> all = new ArrayList<>(cases());
        PythonBench python = null;
        if (only.stream().anyMatch(o -> o.startsWith("python")) || exactCase != null && exactCase.startsWith("python")) {
            python = PythonBench.find(out).orElse(null);
            if (python != null) all.addAll(python.cases());
        }
        List<Case> selected = all.stream().filter(c -> exactCase != null ? c.name().equals(exactCase)
                : only.isEmpty() || only.stream().anyMatch(c.name()::startsWith)).toList();
        if (exactCase != null && selected.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no bench case is called " + exactCase);
        }
        if (wallOnly) return wallOnly(selected, out);
        out.printf(Locale.ROOT, "Concurrency Lab benchmark: Java %s, %d cores, %d run%s per case (median)%n",
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors(), repeat, repeat == 1 ? "" : "s");
        Map<String, Double> walls = new HashMap<>();
        boolean failed = false;
        try (RunEngine engine = new RunEngine()) {
            if (selected.stream().anyMatch(c -> c.spec().model() == ModelKind.PROCESSES && c.spec().runtime() == RuntimeKind.JAVA)) {
                boolean cached = Cli.prepareWorkerProcesses(engine, selected.stream().map(Case::spec).toList(),
                        spec.commandLine().getErr());
                out.printf(Locale.ROOT, "worker processes: %s%n", cached ? "AOT cache ready"
                        : "no AOT cache (a class folder on the class path, or it could not be made): start-up is slower");
            }
            out.printf(Locale.ROOT, "%-30s %9s %10s  %-28s %s%n", "case", "wall", "ratio", "target", "");
            if (firstFrame) failed |= !firstFrameLine(out);
            if (livePulses) failed |= !livePulseLines(out);
            for (Case c : selected) {
                try (PythonBench.Baseline baseline = python != null ? python.baseline(c, repeat, out) : null) {
                    failed |= !runCase(engine, c, baseline, walls, out);
                }
            }
        }
        return failed ? Cli.RUN_FAILED : Cli.OK;
    }

    /// Runs `c` `repeat` times (each followed by a bare run when `baseline` is not null) and
    /// prints its lines; false when it could not run or missed a target.
    private boolean runCase(RunEngine engine, Case c, PythonBench.Baseline baseline, Map<String, Double> walls,
                            PrintWriter out) throws InterruptedException {
        boolean failed = false;
        double[] samples = new double[repeat];
        double[] computeSamples = new double[repeat];
        int errors = 0;
        for (int i = 0; i < repeat; i++) {
            RunResult r;
            try {
                if (c.spec().model() == ModelKind.PROCESSES) {
                    // a new engine, so the processes start cold: start-up is part of the run
                    try (RunEngine fresh = new RunEngine()) {
                        r = fresh.start(c.spec(), c.record()).result().get();
                    }
                } else {
                    r = engine.start(c.spec(), c.record()).result().get();
                }
            } catch (ExecutionException e) {
                out.printf(Locale.ROOT, "%-30s could not run: %s%n", c.name(), Cli.oneLine(e.getCause().getMessage()));
                return false;
            }
            samples[i] = r.wallSeconds();
            computeSamples[i] = computePhase(r);
            if (baseline != null) failed |= !baseline.runOnce(samples[i]);
            errors += r.errors();
        }
        Arrays.sort(samples);
        double wall = samples[repeat / 2];
        walls.put(c.name(), wall);
        String ratio = "";
        String target = "";
        boolean ok = true;
        Target t = c.target();
        if (t.versus() != null && walls.containsKey(t.versus())) {
            double value = wall / walls.get(t.versus());
            ratio = String.format(Locale.ROOT, "%.2f", value);
            target = String.format(Locale.ROOT, "%s%.2f × %s", t.min() > 0 ? String.format(Locale.ROOT, "%.2f–", t.min()) : "≤ ",
                    t.max(), t.versus());
            ok = value >= t.min() && value <= t.max();
        } else if (c.seconds() > 0) {
            target = String.format(Locale.ROOT, "≤ %.2f s", c.seconds());
            ok = wall <= c.seconds();
        }
        if (errors > 0) {
            target += " (" + errors + " errors)";
            ok = false;
        }
        out.printf(Locale.ROOT, "%-30s %8.3fs %10s  %-28s %-6s %s%n", c.name(), wall, ratio, target,
                target.isEmpty() ? "" : ok ? "ok" : "MISSED", range(samples));
        Arrays.sort(computeSamples);
        double compute = computeSamples[repeat / 2];
        if (compute < wall && c.spec().model() == ModelKind.PROCESSES && t.versus() != null && walls.containsKey(t.versus())) {
            // the same runs without their start-up: the compute phase, against a 1.7× target
            double value = compute / walls.get(t.versus());
            boolean computeOk = value <= 1 / 1.7;
            out.printf(Locale.ROOT, "%-30s %8.3fs %10.2f  %-28s %-6s %s%n", "  after start-up", compute, value,
                    String.format(Locale.ROOT, "≤ %.2f × %s", 1 / 1.7, t.versus()), computeOk ? "ok" : "MISSED",
                    range(computeSamples));
            failed |= !computeOk;
        }
        if (baseline != null) failed |= !baseline.line();
        if (fresh) freshLine(c, wall, out);
        out.flush();
        failed |= !ok;
        return !failed;
    }

    /// The same case in `repeat` new JVMs: "  fresh process  1.912s  1.29 × warm  process 3.10 s".
    private void freshLine(Case c, double warm, PrintWriter out) throws InterruptedException {
        double[] walls = new double[repeat];
        double[] processes = new double[repeat];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            FreshBench.Sample sample = FreshBench.run(c.name(), problems).orElse(null);
            if (sample == null) {
                out.printf(Locale.ROOT, "%-30s could not run: %s%n", "  fresh process", problems.getLast());
                return;
            }
            walls[i] = sample.wallSeconds();
            processes[i] = sample.processSeconds();
        }
        Arrays.sort(walls);
        Arrays.sort(processes);
        double wall = walls[repeat / 2];
        out.printf(Locale.ROOT, "%-30s %8.3fs %10s  %-28s %-6s %s%n", "  fresh process", wall,
                String.format(Locale.ROOT, "%.2f", wall / warm), "× warm",
                "", String.format(Locale.ROOT, "%s; whole process %.2f s", range(walls), processes[repeat / 2]));
    }

    /// The window's first frame in `repeat` new processes, against its 2 s target; false if missed.
    private boolean firstFrameLine(PrintWriter out) throws InterruptedException {
        String name = "window: first frame";
        if (!hasDisplay()) {
            out.printf(Locale.ROOT, "%-30s not measured: no display (set DISPLAY)%n", name);
            return true;
        }
        double[] samples = new double[repeat];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            Optional<Double> seconds = FreshBench.firstFrame(problems);
            if (seconds.isEmpty()) {
                out.printf(Locale.ROOT, "%-30s could not run: %s%n", name, problems.getLast());
                return false;
            }
            samples[i] = seconds.get();
        }
        Arrays.sort(samples);
        double median = samples[repeat / 2];
        boolean ok = median <= FIRST_FRAME_SECONDS;
        out.printf(Locale.ROOT, "%-30s %8.3fs %10s  %-28s %-6s %s%n", name, median, "",
                String.format(Locale.ROOT, "≤ %.2f s after launch", FIRST_FRAME_SECONDS), ok ? "ok" : "MISSED", range(samples));
        out.flush();
        return ok;
    }

    /// The window's pulses during live 5,000-page runs, per model: how many runs had no gap over
    /// 50 ms, against the target of 8 in 10; false if missed.
    private boolean livePulseLines(PrintWriter out) throws InterruptedException {
        String name = "window: live 5,000 pages";
        if (!hasDisplay()) {
            out.printf(Locale.ROOT, "%-30s not measured: no display (set DISPLAY)%n", name);
            return true;
        }
        List<String> problems = new ArrayList<>();
        Optional<List<FreshBench.LiveRun>> runs = FreshBench.livePulses(repeat, problems);
        if (runs.isEmpty()) {
            out.printf(Locale.ROOT, "%-30s could not run: %s%n", name, problems.getLast());
            return false;
        }
        boolean ok = true;
        for (String model : List.of("eventloop", "virtual")) {
            List<FreshBench.LiveRun> of = runs.get().stream().filter(r -> r.model().equals(model)).toList();
            long smooth = of.stream().filter(r -> r.lateGaps() == 0).count();
            boolean met = smooth * 10 >= 8L * of.size() && of.stream().allMatch(r -> r.errors() == 0);
            ok &= met;
            String gaps = String.join(" ", of.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f (%.0f)", r.longestGapMs(), r.longestGapCpuMs())).toList());
            out.printf(Locale.ROOT, "%-30s %5d of %-3d %8s  %-28s %-6s longest gap of each run, ms: %s%n", name + " " + model,
                    smooth, of.size(), "", "no pulse gap > 50 ms in 8/10", met ? "ok" : "MISSED", gaps);
        }
        out.printf(Locale.ROOT, "%-30s (in brackets: the window thread's own CPU time within that gap)%n", "");
        out.flush();
        return ok;
    }

    private static boolean hasDisplay() {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        return !linux || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /// `--wall-only`: the median wall time of each case selected, one number a line.
    private Integer wallOnly(List<Case> selected, PrintWriter out) throws InterruptedException {
        try (RunEngine engine = new RunEngine()) {
            if (selected.stream().anyMatch(c -> c.spec().model() == ModelKind.PROCESSES && c.spec().runtime() == RuntimeKind.JAVA)) {
                Cli.prepareWorkerProcesses(engine, selected.stream().map(Case::spec).toList(), spec.commandLine().getErr());
            }
            for (Case c : selected) {
                double[] samples = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    try {
                        RunResult r = engine.start(c.spec(), c.record()).result().get();
                        if (r.errors() > 0) return Cli.RUN_FAILED;
                        samples[i] = r.wallSeconds();
                    } catch (ExecutionException e) {
                        return Cli.RUN_FAILED;
                    }
                }
                Arrays.sort(samples);
                out.printf(Locale.ROOT, "%.4f%n", samples[repeat / 2]);
            }
        }
        out.flush();
        return Cli.OK;
    }

    /// "runs 1.35–1.72 s" for sorted `samples` of more than one run, else "".
    static String range(double[] samples) {
        if (samples.length < 2) return "";
        return String.format(Locale.ROOT, "runs %.3f–%.3f s", samples[0], samples[samples.length - 1]);
    }

    /// The time from the end of the last start-up to the end of the run: the compute phase.
    private static double computePhase(RunResult r) {
        long startupEnd = r.segments().stream().filter(s -> s.state() == State.STARTUP).mapToLong(s -> s.end()).max().orElse(0);
        return (r.wallNanos() - startupEnd) / 1e9;
    }
}
