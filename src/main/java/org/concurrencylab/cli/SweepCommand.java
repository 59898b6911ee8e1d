package org.concurrencylab.cli;

import javafx.scene.layout.Region;
import org.concurrencylab.compare.SeriesJson;
import org.concurrencylab.compare.SeriesRun;
import org.concurrencylab.compare.Sweep;
import org.concurrencylab.compare.SweepParam;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.render.PngRenderer;
import org.concurrencylab.render.SnapshotRenderer;
import org.concurrencylab.render.SweepChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/// `sweep`: one parameter varied over a list of values, each value a real run; prints one line
/// per point as it ends.
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParamOptions.All.class,
        description = "Runs one workload under one model for each value of a parameter and prints wall time "
                + "and efficiency per value.")
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private WorkOptions work;

    @Option(names = "--model", paramLabel = "M", converter = RunCommand.ModelConverter.class,
            description = "sync | threads | eventloop | processes | virtual (default: ${DEFAULT-VALUE})", defaultValue = "threads")
    private ModelKind model;

    @Option(names = "--param", paramLabel = "P", converter = ParamConverter.class, defaultValue = "workers",
            description = "workers | latency | tasks | switch-ms (default: ${DEFAULT-VALUE})")
    private SweepParam param;

    @Option(names = "--values", paramLabel = "LIST",
            description = "comma-separated values, e.g. 1,2,5,10,20,50 (default: workers 1..64 on a log scale)")
    private String values;

    @Option(names = "--json", paramLabel = "FILE", description = "write the points and every run as JSON")
    private Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "write the chart of wall time and efficiency as a PNG image")
    private Path png;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200", description = "PNG width (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "800", description = "PNG height (default: ${DEFAULT-VALUE})")
    private int height;

    @Override
    public Integer call() throws Exception {
        RunSpec base;
        try {
            base = work.spec(model, RunParams.ALL);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        try {
            param.checkApplies(base);
        } catch (IllegalArgumentException e) {
            throw bad("--param " + param.id() + ": " + e.getMessage());
        }
        List<Integer> points;
        List<RunSpec> specs;
        try {
            points = values == null ? param.defaultValues(base) : Sweep.parseValues(values);
            specs = Sweep.plan(base, param, points);
        } catch (IllegalArgumentException e) {
            throw bad("--values: " + e.getMessage());
        }
        checkOutput("--json", json);
        checkOutput("--png", png);
        if (width < ImageOptions.MIN_WIDTH || width > ImageOptions.MAX_WIDTH || height < ImageOptions.MIN_HEIGHT || height > ImageOptions.MAX_HEIGHT) {
            throw bad("--width must be " + ImageOptions.MIN_WIDTH + "–" + ImageOptions.MAX_WIDTH + " and --height "
                    + ImageOptions.MIN_HEIGHT + "–" + ImageOptions.MAX_HEIGHT + " pixels");
        }
        if (png != null) PngRenderer.startHeadlessIfNeeded();

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "sweep %s %s%s: %s; %s = %s%n", base.workload().id(), base.model().id(), base.gil() ? " gil" : "",
                Captions.what(base), param.id(), points.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        out.flush();
        int cores = Runtime.getRuntime().availableProcessors();
        RunSpec finalBase = base;
        List<RunResult> finished = new ArrayList<>();
        SeriesRun.Outcome outcome;
        try (RunEngine engine = new RunEngine()) {
            Cli.prepareWorkerProcesses(engine, specs, err);
            SeriesRun series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
                @Override
                public void runFinished(int index, int total, RunResult result) {
                    if (result.cancelled()) return;
                    finished.add(result);
                    if (Sweep.needsReference(finalBase) && index == 0) {
                        out.printf(Locale.ROOT, "reference: sync wall=%.3fs (for the CPU-bound ideal)%n", result.wallSeconds());
                    } else {
                        Sweep soFar = Sweep.of(finalBase, param, finished, cores);
                        soFar.points().stream().filter(p -> p.result() == result).findFirst()
                                .ifPresent(p -> out.println(p.line(param)));
                    }
                    out.flush();
                }

                @Override
                public void runFailed(int index, int total, RunSpec failed, String message) {
                    out.printf(Locale.ROOT, "%s=%d could not run: %s%n", param.id(), param.valueOf(failed), message);
                    out.flush();
                }
            });
            outcome = SeriesWait.await(series, "the sweep", err);
            if (outcome == null) return Cli.RUN_FAILED;
        }
        Sweep sweep = Sweep.of(base, param, outcome.results(), cores);
        sweep.fastest().ifPresent(p -> out.printf(Locale.ROOT, "fastest: %s=%d wall=%.3fs%n", param.id(), p.value(), p.result().wallSeconds()));
        out.flush();
        if (json != null) SeriesJson.write(sweep, json);
        if (png != null && !sweep.points().isEmpty()) {
            PngRenderer.write(SnapshotRenderer.node(() -> {
                SweepChart chart = new SweepChart();
                chart.setStyle("-fx-background-color: white;");
                chart.setPrefSize(width, height);
                chart.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
                chart.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
                chart.showFx(sweep);
                return chart;
            }, 1), png);
        }
        boolean anyErrors = outcome.results().stream().anyMatch(r -> r.errors() > 0);
        return outcome.cancelled() || !outcome.failures().isEmpty() || anyErrors ? Cli.RUN_FAILED : Cli.OK;
    }

    private void checkOutput(String option, Path file) {
        Cli.checkOutput(spec, option, file);
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }

    static final class ParamConverter extends RunCommand.IdConverter<SweepParam> {
        ParamConverter() {
            super("parameter", SweepParam.values(), SweepParam::id);
        }
    }
}
