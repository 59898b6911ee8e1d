package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.export.Exports;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/// The headless command line: `concurrency-lab run …`, `export …`, `bench`. Exit codes: 0 success, 1 the run failed
/// (or some of its tasks did), 2 bad arguments (one clear line on stderr), 130 interrupted by Ctrl+C (`run` has
/// written what it measured, marked cancelled).
@Command(name = "concurrency-lab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Runs real workloads under real concurrency models and draws what every worker did.",
        subcommands = {RunCommand.class, ExportCommand.class, BenchCommand.class, RenderBenchCommand.class,
                CompareCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private static volatile boolean launcherGone;

    /// The launcher that started this JVM (see `Main`) has ended without stopping it (it was
    /// killed): a command stopped now writes nothing more, as nobody waits for it.
    public static void launcherEnded() {
        launcherGone = true;
    }

    static boolean launcherGone() {
        return launcherGone;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /// Runs the command line and returns its exit code.
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.registerConverter(Integer.class, new WholeNumberConverter());
        cmd.registerConverter(int.class, new WholeNumberConverter());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, badArgs) -> {
            err.println("concurrency-lab: " + oneLine(ex.getMessage()));
            err.flush();
            return BAD_ARGUMENTS;
        });
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> {
            err.println("concurrency-lab: " + oneLine(String.valueOf(ex.getMessage())));
            err.flush();
            return RUN_FAILED;
        });
        return cmd.execute(args);
    }

    /// A bad argument of `command`: exit code 2 with `message` on one line.
    static CommandLine.ParameterException bad(CommandLine.Model.CommandSpec command, String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }

    /// The first of `options` given on the command line of `command`, or null.
    static String firstGiven(CommandLine.Model.CommandSpec command, String... options) {
        CommandLine.ParseResult given = command.commandLine().getParseResult();
        for (String option : options) if (given != null && given.hasMatchedOption(option)) return option;
        return null;
    }

    /// Refuses, before anything runs, an output `file` that cannot be written (a folder, a link,
    /// a device, a missing folder, no permission, a name too long).
    static void checkOutput(CommandLine.Model.CommandSpec command, String option, Path file) {
        if (file == null) return;
        try {
            Exports.checkWritable(file);
        } catch (IOException e) {
            throw bad(command, option + ": " + e.getMessage());
        }
    }

    /// Before timing runs that start worker processes: makes sure the JDK's AOT cache of the
    /// worker processes exists, so their start-up is timed as in an app that has been open a
    /// while. The window records it in the background; a command that exits within seconds
    /// would end that recording each time, so it is recorded here, once per build (about 2.5 s,
    /// not timed), and said on `err`. Nothing happens for other models or where no cache can be
    /// made (class folders on the class path). True if the processes will start with the cache.
    static boolean prepareWorkerProcesses(RunEngine engine, List<RunSpec> specs, PrintWriter err) throws InterruptedException {
        List<ModelKind> pooled = specs.stream()
                .filter(s -> s.runtime() == RuntimeKind.JAVA) // CPython's pools are its own processes
                .map(RunSpec::model).filter(m -> m.traits().pooled()).distinct().toList();
        if (pooled.isEmpty()) return false;
        long start = System.nanoTime();
        boolean ready = true;
        for (ModelKind kind : pooled) ready &= engine.prepareStartUp(kind, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ready && seconds >= 0.5) {
            err.printf(Locale.ROOT, "concurrency-lab: recorded the worker processes' AOT cache in %.1f s "
                    + "(once per build, not timed)%n", seconds);
            err.flush();
        }
        return ready;
    }

    static String oneLine(String message) {
        return Exports.oneLine(message);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Concurrency Lab " + (v == null ? "(development build)" : v)
                    + " on Java " + Runtime.version()};
        }
    }
}
