package org.concurrencylab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/// The headless command line: `concurrency-lab run …`, `export …`, `bench`. Exit codes: 0 success, 1 the run failed
/// (or some of its tasks did), 2 bad arguments (one clear line on stderr).
@Command(name = "concurrency-lab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Runs real workloads under real concurrency models and draws what every worker did.",
        subcommands = {RunCommand.class, ExportCommand.class, BenchCommand.class, RenderBenchCommand.class,
                CompareCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    /// Whether `args` ask for a command-line command (rather than the window).
    public static boolean isCommand(String[] args) {
        if (args.length == 0) return false;
        String first = args[0];
        return !first.startsWith("-") || first.equals("--help") || first.equals("-h")
                || first.equals("--version") || first.equals("-V");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /// Runs the command line and returns its exit code.
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Cli());
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

    /// Refuses, before anything runs, an output `file` that cannot be written (a folder, a
    /// missing folder, no permission).
    static void checkOutput(CommandLine.Model.CommandSpec command, String option, java.nio.file.Path file) {
        if (file == null) return;
        try {
            org.concurrencylab.export.Exports.checkWritable(file);
        } catch (java.io.IOException e) {
            throw bad(command, option + ": " + e.getMessage());
        }
    }

    static String oneLine(String message) {
        return org.concurrencylab.export.Exports.oneLine(message);
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
