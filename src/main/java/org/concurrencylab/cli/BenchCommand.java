package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/// `bench`: the project's benchmark. Runs the article's experiments with the article's settings
/// in one JVM (warm-up on, as in the window) and prints wall times and speed-ups over the
/// synchronous model, the numbers the README quotes.
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the article's experiments and prints wall times and speed-ups.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "runs per case; the median is reported (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Option(names = "--workload", paramLabel = "W", split = ",", converter = RunCommand.WorkloadConverter.class,
            description = "only these workloads (default: all)")
    private List<WorkloadKind> workloads = new ArrayList<>();

    /// One benchmark case: a spec and the case it is compared with.
    record Case(String name, RunSpec spec) {}

    static List<Case> cases(List<WorkloadKind> only) {
        List<Case> cases = new ArrayList<>();
        if (only.isEmpty() || only.contains(WorkloadKind.DOWNLOAD)) {
            cases.add(new Case("download sync", RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC)));
            cases.add(new Case("download threads (5)", RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(5)));
        }
        if (only.isEmpty() || only.contains(WorkloadKind.CPU)) {
            cases.add(new Case("cpu sync", RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC)));
            cases.add(new Case("cpu threads (2)", RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withWorkers(2)));
        }
        return cases;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (repeat < 1 || repeat > 20) throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be between 1 and 20");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Concurrency Lab benchmark: Java %s, %d cores, %d run%s per case (median)%n",
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors(), repeat, repeat == 1 ? "" : "s");
        out.printf(Locale.ROOT, "%-24s %10s %10s %8s%n", "case", "wall", "vs sync", "errors");
        double syncWall = Double.NaN;
        boolean failed = false;
        try (RunEngine engine = new RunEngine()) {
            for (Case c : cases(workloads)) {
                double[] walls = new double[repeat];
                int errors = 0;
                for (int i = 0; i < repeat; i++) {
                    RunResult r;
                    try {
                        r = engine.start(c.spec()).result().get();
                    } catch (ExecutionException e) {
                        spec.commandLine().getErr().println("concurrency-lab: " + c.name() + " failed: " + e.getCause().getMessage());
                        return Cli.RUN_FAILED;
                    }
                    walls[i] = r.wallSeconds();
                    errors += r.errors();
                }
                Arrays.sort(walls);
                double wall = walls[repeat / 2];
                if (c.spec().model() == ModelKind.SYNC) syncWall = wall;
                out.printf(Locale.ROOT, "%-24s %9.3fs %9.2f× %8d%n", c.name(), wall, syncWall / wall, errors);
                out.flush();
                failed |= errors > 0;
            }
        }
        return failed ? Cli.RUN_FAILED : Cli.OK;
    }
}
