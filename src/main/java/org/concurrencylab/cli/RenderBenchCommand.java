package org.concurrencylab.cli;

import org.concurrencylab.render.PngRenderer;
import org.concurrencylab.render.RenderBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/// `bench-render`: the diagram's frame times on a large trace and the FX thread's pauses while a
/// big run is drawn live: the numbers docs/MEASUREMENTS.md quotes.
@Command(name = "bench-render", mixinStandardHelpOptions = true,
        description = "Measures the diagram's frame time on a large trace and FX pulse gaps during a live run.")
final class RenderBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--lanes", paramLabel = "N", defaultValue = "10000", description = "lanes of the large trace (default: ${DEFAULT-VALUE})")
    private int lanes;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "200000", description = "segments of the large trace (default: ${DEFAULT-VALUE})")
    private int segments;

    @Option(names = "--live-tasks", paramLabel = "N", defaultValue = "5000", description = "tasks of the live run (default: ${DEFAULT-VALUE})")
    private int liveTasks;

    @Override
    public Integer call() throws Exception {
        if (lanes < 1 || lanes > 1_000_000) throw bad("--lanes must be from 1 to 1,000,000");
        if (segments < lanes || segments > 10_000_000) throw bad("--segments must be from --lanes to 10,000,000");
        if (liveTasks < 1 || liveTasks > 100_000) throw bad("--live-tasks must be from 1 to 100,000");
        PngRenderer.startHeadlessIfNeeded();
        PrintWriter out = spec.commandLine().getOut();
        return RenderBench.run(lanes, segments, liveTasks, out) ? Cli.OK : Cli.RUN_FAILED;
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }
}
