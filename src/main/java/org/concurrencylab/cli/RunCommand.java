package org.concurrencylab.cli;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.render.PngRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/// `run`: one run, headless, with the same engine and renderer as the window.
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParamOptions.All.class,
        description = "Runs one workload under one model and prints a summary line.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private WorkOptions work;

    @Option(names = "--model", paramLabel = "M", converter = ModelConverter.class,
            description = "sync | threads | eventloop | processes | virtual (default: ${DEFAULT-VALUE})", defaultValue = "sync")
    private ModelKind model;

    @CommandLine.Mixin
    private OutputOptions outputs;

    @CommandLine.Mixin
    private PythonOptions python;

    @Override
    public Integer call() throws Exception {
        RunSpec runSpec = buildSpec();
        if (python.executable != null && runSpec.runtime() != RuntimeKind.PYTHON) {
            throw bad("--python applies only to --runtime python");
        }
        PythonInfo interpreter = runSpec.runtime() == RuntimeKind.PYTHON ? python.require(spec) : null;
        ImageOptions imageOptions = outputs.check();
        if (outputs.drawsPictures()) PngRenderer.startHeadlessIfNeeded();

        RunResult result;
        try (RunEngine engine = new RunEngine()) {
            if (interpreter != null) PythonOptions.use(engine, interpreter);
            Cli.prepareWorkerProcesses(engine, java.util.List.of(runSpec), spec.commandLine().getErr());
            RunHandle handle = engine.start(runSpec);
            Thread hook = Thread.ofPlatform().unstarted(handle::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = handle.result().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                spec.commandLine().getErr().println("concurrency-lab: the run failed: " + Cli.oneLine(cause.getMessage()));
                return Cli.RUN_FAILED;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting anyway
                }
            }
        }
        spec.commandLine().getOut().println(result.summaryLine());
        outputs.write(result, imageOptions);
        return result.errors() > 0 || result.cancelled() ? Cli.RUN_FAILED : Cli.OK;
    }

    private RunSpec buildSpec() {
        try {
            return work.spec(model, RunParams.ALL);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(spec, message);
    }

    /// Turns a command-line id into one of `values`, or says which ids there are.
    abstract static class IdConverter<E> implements CommandLine.ITypeConverter<E> {
        private final String what;
        private final E[] values;
        private final java.util.function.Function<E, String> id;

        IdConverter(String what, E[] values, java.util.function.Function<E, String> id) {
            this.what = what;
            this.values = values;
            this.id = id;
        }

        @Override
        public E convert(String value) {
            return Arrays.stream(values).filter(v -> id.apply(v).equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "unknown " + what + " '" + value + "' (choose " + ids(values, id) + ")"));
        }
    }

    static final class WorkloadConverter extends IdConverter<WorkloadKind> {
        WorkloadConverter() {
            super("workload", WorkloadKind.values(), WorkloadKind::id);
        }
    }

    static final class ModelConverter extends IdConverter<ModelKind> {
        ModelConverter() {
            super("model", ModelKind.values(), ModelKind::id);
        }
    }

    private static <T> String ids(T[] values, java.util.function.Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }
}
