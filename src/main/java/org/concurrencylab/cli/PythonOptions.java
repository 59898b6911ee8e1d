package org.concurrencylab.cli;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.python.PythonRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/// `--python PATH`, shared as a picocli mixin by `run` and `compare`: the interpreter that runs
/// the article's Python programs (default: `python3` on the PATH).
final class PythonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "the Python interpreter of --runtime python (default: python3 on the PATH)")
    Path executable;

    /// The interpreter asked for, asked about itself: its version and libraries, or why it cannot run.
    PythonRuntime.Lookup find() {
        return executable == null ? PythonRuntime.find() : PythonRuntime.at(executable);
    }

    /// The interpreter, which must be there: else a bad argument (exit 2) saying how to get one.
    PythonInfo require(CommandLine.Model.CommandSpec command) {
        return switch (find()) {
            case PythonRuntime.Found(PythonInfo info) -> info;
            case PythonRuntime.Missing(String reason) -> throw Cli.bad(command, "--runtime python: " + reason);
        };
    }

    /// The interpreter, if there is one; says on the command's error stream why not.
    Optional<PythonInfo> optional(CommandLine.Model.CommandSpec command) {
        return switch (find()) {
            case PythonRuntime.Found(PythonInfo info) -> Optional.of(info);
            case PythonRuntime.Missing(String reason) -> {
                command.commandLine().getErr().println("concurrency-lab: no CPython rows: " + reason);
                yield Optional.empty();
            }
        };
    }

    /// Has `engine` run Python with `python`.
    static void use(RunEngine engine, PythonInfo python) {
        engine.usePython(python.executable());
    }
}
