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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/// `run`: one run, headless, with the same engine and renderer as the window. Interrupted
/// (Ctrl+C), it writes what was measured, marked cancelled, and exits with 130.
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

        Interrupt interrupt = new Interrupt();
        Thread hook = Thread.ofPlatform().name("run-interrupted").unstarted(interrupt::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result;
            try (RunEngine engine = new RunEngine()) {
                if (interpreter != null) PythonOptions.use(engine, interpreter);
                Cli.prepareWorkerProcesses(engine, List.of(runSpec), spec.commandLine().getErr());
                RunHandle handle = engine.start(runSpec);
                interrupt.running(handle);
                try {
                    result = handle.result().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    spec.commandLine().getErr().println("concurrency-lab: the run failed: " + Cli.oneLine(cause.getMessage()));
                    return Cli.RUN_FAILED;
                }
            }
            spec.commandLine().getOut().println(result.summaryLine());
            spec.commandLine().getOut().flush();
            outputs.write(result, imageOptions);
            return result.errors() > 0 || result.cancelled() ? Cli.RUN_FAILED : Cli.OK;
        } finally {
            interrupt.written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is waiting for what was just written
            }
        }
    }

    /// Ctrl+C (or a plain `kill`) during the run: the JVM's shutdown hook stops the run and waits
    /// until the command has printed and written the partial result, marked cancelled, so what
    /// was measured is not lost; the JVM then ends with the signal's status (130 for Ctrl+C).
    /// When the launcher that started this JVM is gone ([Cli#launcherEnded]), nobody waits for
    /// the result: the run is stopped and nothing more is written.
    ///
    /// Thread-safety: [#stop] runs on the hook's thread, the rest on the command's.
    private static final class Interrupt {
        /// The longest wait for the partial result to be written before the JVM ends anyway.
        private static final long WRITE_WAIT_SECONDS = 60;

        final CountDownLatch written = new CountDownLatch(1);
        private final AtomicReference<RunHandle> handle = new AtomicReference<>();
        private volatile boolean stopping;

        /// The run started: a stop that came while it was being set up stops it now.
        void running(RunHandle run) {
            handle.set(run);
            if (stopping) run.cancel();
        }

        void stop() {
            stopping = true;
            RunHandle run = handle.get();
            if (run != null) run.cancel();
            if (Cli.launcherGone()) return;
            try {
                written.await(WRITE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        private final Function<E, String> id;

        IdConverter(String what, E[] values, Function<E, String> id) {
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

    private static <T> String ids(T[] values, Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }
}
