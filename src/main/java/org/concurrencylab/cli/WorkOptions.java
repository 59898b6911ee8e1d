package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.List;

/// The workload a command runs, shared as a picocli mixin by `run`, `compare` and `sweep`; the
/// run parameters' options come from the table ([ParamOptions]).
final class WorkOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--workload", paramLabel = "W", converter = RunCommand.WorkloadConverter.class,
            description = "download | cpu | fib | race | mixed (default: ${DEFAULT-VALUE})", defaultValue = "download")
    WorkloadKind workload;

    /// The spec the options given describe for `model`; `params` are those the command took
    /// options for. Each problem is thrown as an [IllegalArgumentException] naming the option.
    RunSpec spec(ModelKind model, List<Param<?>> params) {
        return ParamOptions.spec(command, workload, model, params);
    }
}
