package org.concurrencylab.cli;

import org.concurrencylab.compare.ComparePanels;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.compare.SeriesJson;
import org.concurrencylab.compare.SeriesRun;
import org.concurrencylab.compare.Variants;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.render.PngRenderer;
import org.concurrencylab.render.SnapshotRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/// `compare`: one workload under every model, one after another; prints the table row by row as
/// the runs end, then the verdict.
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParamOptions.ForCompare.class,
        description = "Runs one workload under every model (GIL on and off where it applies) and prints "
                + "wall time, speed-up over sync, CPU time, peak threads and efficiency against the ideal.")
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private WorkOptions work;

    @Option(names = "--json", paramLabel = "FILE", description = "write the table and every run as JSON")
    private Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "write the diagrams stacked on one time axis as a PNG image")
    private Path png;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "PNG width (default: ${DEFAULT-VALUE})")
    private int width;

    @Mixin
    private LookOptions look;

    @Option(names = "--with-python", description = "add the article's own Python programs under CPython beside "
            + "the Java runs (sync, threads, event loop, processes), when Python is there")
    private boolean withPython;

    @Mixin
    private PythonOptions python;

    static final String ROW = "%-24s %9s %9s %9s %8s %9s %11s %7s%n";

    @Override
    public Integer call() throws Exception {
        if (python.executable != null && !withPython) throw bad("--python applies only to --with-python");
        Optional<PythonInfo> interpreter = withPython ? python.optional(spec) : Optional.empty();
        List<RunSpec> specs = interpreter.isPresent() ? Variants.withPython(specs()) : specs();
        checkOutput("--json", json);
        checkOutput("--png", png);
        if (width < ImageOptions.MIN_WIDTH || width > ImageOptions.MAX_WIDTH) {
            throw bad("--width must be " + ImageOptions.MIN_WIDTH + "–" + ImageOptions.MAX_WIDTH + " pixels, was " + width);
        }
        String picture = Cli.firstGiven(spec, "--width");
        if (picture == null) picture = look.given();
        if (png == null && picture != null) {
            throw bad(picture + " applies to the picture: add --png FILE");
        }
        if (png != null) PngRenderer.startHeadlessIfNeeded();

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunSpec first = specs.getFirst();
        out.printf(Locale.ROOT, "compare %s: %s; %d runs, one after another%n", first.workload().id(), Captions.what(first), specs.size());
        out.printf(Locale.ROOT, ROW, "model", "wall", "speed-up", "CPU time", "threads", "ideal", "efficiency", "errors");
        out.flush();
        int cores = Runtime.getRuntime().availableProcessors();
        List<RunResult> finished = new ArrayList<>();
        SeriesRun.Outcome outcome;
        try (RunEngine engine = new RunEngine()) {
            interpreter.ifPresent(info -> PythonOptions.use(engine, info));
            Cli.prepareWorkerProcesses(engine, specs, err);
            SeriesRun series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
                @Override
                public void runFinished(int index, int total, RunResult result) {
                    if (result.cancelled()) return;
                    finished.add(result);
                    Comparison soFar = Comparison.of(finished, cores);
                    out.print(row(soFar.rows().getLast()));
                    out.flush();
                }

                @Override
                public void runFailed(int index, int total, RunSpec failed, String message) {
                    out.printf(Locale.ROOT, "%-24s could not run: %s%n", Variants.label(failed), message);
                    out.flush();
                }
            });
            outcome = SeriesWait.await(series, "the comparison", err);
            if (outcome == null) return Cli.RUN_FAILED;
        }
        Comparison comparison = Comparison.of(outcome.results(), cores);
        out.println(comparison.verdict());
        out.flush();
        if (json != null) SeriesJson.write(comparison, json);
        if (png != null && !comparison.rows().isEmpty()) writePng(comparison);
        boolean anyErrors = outcome.results().stream().anyMatch(r -> r.errors() > 0);
        return outcome.cancelled() || !outcome.failures().isEmpty() || anyErrors ? Cli.RUN_FAILED : Cli.OK;
    }

    /// One line of the table.
    static String row(Comparison.Row r) {
        RunResult result = r.result();
        return String.format(Locale.ROOT, ROW, r.label(), Ticks.duration(result.wallNanos()),
                Double.isNaN(r.speedUp()) ? "–" : String.format(Locale.ROOT, "%.2f×", r.speedUp()),
                Ticks.duration(r.cpuNanos()), r.peakThreads() > 0 ? Integer.toString(r.peakThreads()) : "–",
                r.hasIdeal() ? Ticks.duration(r.idealNanos()) : "–",
                Double.isNaN(r.efficiency()) ? "–" : String.format(Locale.ROOT, "%.0f%%", r.efficiency() * 100),
                Integer.toString(result.errors()));
    }

    private List<RunSpec> specs() {
        try {
            RunSpec base = ParamOptions.spec(spec, work.workload, List.of(ModelKind.values()), ParamOptions.compared())
                    .withModel(ModelKind.SYNC);
            List<RunSpec> specs = new ArrayList<>();
            for (RunSpec s : Variants.of(base)) specs.add(ParamOptions.withComparedWorkers(spec, s));
            return specs;
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private void writePng(Comparison comparison) throws IOException {
        DiagramStyle style = DiagramStyle.screen(look.palette());
        PngRenderer.write(SnapshotRenderer.stacked(ComparePanels.of(comparison), ComparePanels.title(comparison),
                comparison.verdict(), width, style, 1), png);
    }

    private void checkOutput(String option, Path file) {
        Cli.checkOutput(spec, option, file);
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }
}
