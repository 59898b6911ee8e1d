package org.concurrencylab.cli;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.render.PngRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `export`: draws and converts a saved run (a `run --json` file) without running it again, e.g.
/// a dark 16:9 PNG for a slide, an SVG, the segments as CSV, or a trace for Perfetto.
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a saved run (from run --json) as pictures, a table or a trace, without running it again.",
                "Prints the run's summary line."})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN.json", description = "a run file written by run --json")
    private Path input;

    @CommandLine.Mixin
    private OutputOptions outputs;

    @Override
    public Integer call() throws IOException {
        ImageOptions options = outputs.check();
        if (outputs.files().isEmpty()) throw bad("nothing to write: add --png, --svg, --csv, --trace or --json with a FILE");
        RunResult result = read();
        if (outputs.drawsPictures()) PngRenderer.startHeadlessIfNeeded();
        outputs.write(result, options);
        spec.commandLine().getOut().println(result.summaryLine());
        return Cli.OK;
    }

    private RunResult read() {
        if (Files.isDirectory(input)) throw bad(input + " is a folder, not a run file");
        if (!Files.isRegularFile(input)) throw bad("no such run file: " + input);
        try {
            return RunJson.read(input);
        } catch (IOException e) {
            String message = e.getMessage() != null && e.getMessage().contains(input.toString())
                    ? e.getMessage() : "cannot read the run file " + input + ": " + e.getMessage();
            throw bad(message);
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }
}
