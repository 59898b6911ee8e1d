package org.concurrencylab.python;

import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.Objects;

/// Runs a Java run's Python twin: the article's own program for the same model and workload,
/// under a real CPython, with the same inputs, drawn on the same kind of diagram. The GIL is
/// measured, not simulated: a CPU step's time splits into running and waiting for the GIL as
/// the kernel saw the thread (see `harness.py`, whose relay samples the threads' states).
///
/// The engine calls, for a run of `model` × `workload` with `workers` and the run's task plans:
///
/// ```java
/// TwinProgram program = TwinProgram.of(model, workload).orElseThrow();      // none for virtual threads
/// TwinInputs inputs = TwinInputs.fromPlans(program.workload(), plans);     // the Java run's inputs
/// TwinRequest request = TwinRequest.of(program, inputs, workers).withMaxConnections(max);
/// TwinResult result = new PythonTwin(python).run(request, recorder, control, outcomes);
/// ```
///
/// or [#prepare] first (outside the run's clock) and [PreparedTwin#run] when the run starts.
///
/// Thread-safety: immutable; every call makes a twin of its own.
public final class PythonTwin {
    private final PythonInfo python;

    public PythonTwin(PythonInfo python) {
        this.python = Objects.requireNonNull(python, "python");
    }

    public PythonInfo python() {
        return python;
    }

    /// Starts the interpreter and loads the program, ready to run. Never throws for a problem
    /// of Python's: [PreparedTwin#failure] says it, and [PreparedTwin#run] fails with it. Close
    /// the twin if it is not run.
    public PreparedTwin prepare(TwinRequest request) throws InterruptedException {
        return prepare(request, new RunControl());
    }

    /// [#prepare], stopped through `control`.
    public PreparedTwin prepare(TwinRequest request, RunControl control) throws InterruptedException {
        return PreparedTwin.start(python, request, null, control);
    }

    /// Prepares `request` with `code` in place of the program's text: for tests of broken programs.
    PreparedTwin prepare(TwinRequest request, String code, RunControl control) throws InterruptedException {
        return PreparedTwin.start(python, request, code, control);
    }

    /// Prepares and runs the twin of `request`, recording on `recorder` and `outcomes`.
    public TwinResult run(TwinRequest request, TraceRecorder recorder, RunControl control, Outcomes outcomes)
            throws InterruptedException {
        try (PreparedTwin twin = prepare(request, control)) {
            return twin.run(recorder, control, outcomes);
        }
    }
}
