package org.concurrencylab.python;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.RunContext;

/// One run's Python twin as the engine runs a model: the program prepared, run on the run's
/// recorder and outcomes, with what the engine cannot see for itself (the interpreter and
/// library that ran, the race's counters) told through the run's facts. A program that died,
/// hung or wrote garbage fails the run with the reason.
///
/// Thread-safety: [#run] is called once, by the run's thread; [#close] from any thread.
final class TwinModel implements ConcurrencyModel, AutoCloseable {
    private final PythonInfo python;
    private final PreparedTwin twin;

    TwinModel(PythonInfo python, PreparedTwin twin) {
        this.python = python;
        this.twin = twin;
    }

    @Override
    public ModelKind kind() {
        return twin.request().program().model();
    }

    @Override
    public int workers() {
        return twin.request().workers();
    }

    @Override
    public void run(RunContext context) throws InterruptedException {
        TwinResult result = twin.run(context.recorder(), context.control(), context.outcomes());
        context.facts().noteRuntime(runtimeNote(python, twin.request().program(), result.variant()));
        result.counter().ifPresent(context.facts()::noteCounter);
        result.processCounts().forEach(context.facts()::addWorkerCount);
        result.mainEnd().ifPresent(context.facts()::noteEnd);
        if (result.failure() != null && !context.control().cancelled()) throw new IllegalStateException(result.failure());
    }

    /// What ran, for the caption: "CPython 3.11 · requests", "CPython 3.13t, GIL off · standard
    /// library", "CPython 3.11" for a program that needs no library.
    static String runtimeNote(PythonInfo python, TwinProgram program, TwinVariant variant) {
        String interpreter = python.implementationName() + " " + python.major() + "." + python.minor()
                + (python.freeThreaded() ? "t" : "") + (python.parallelThreads() ? ", GIL off" : "");
        return program.library().map(library -> interpreter + " · " + (variant == TwinVariant.STDLIB ? "standard library" : library))
                .orElse(interpreter);
    }

    @Override
    public void close() {
        twin.close();
    }
}
