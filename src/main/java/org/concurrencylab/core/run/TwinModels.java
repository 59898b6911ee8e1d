package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.workload.TaskPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Makes the models of a run whose tasks another language runs: the article's own Python
/// program for the run's model and workload, under a real interpreter. The engine finds the
/// implementation with `ServiceLoader` (it lives in the `python` package), so core does not
/// depend on it.
///
/// Thread-safety: implementations are thread-safe.
public interface TwinModels {
    /// The runtime this makes models for.
    RuntimeKind runtime();

    /// A model that runs `plans` (the Java run's own inputs) as `spec`'s twin under the
    /// interpreter at `executable` (empty: the one on the PATH), made ready before the run's
    /// clock starts: the interpreter started and the program loaded. The model is
    /// [AutoCloseable]: closing it without running it ends what it started.
    ///
    /// @throws IllegalStateException with one sentence saying why, if the interpreter is
    ///                               missing or cannot run the program
    ConcurrencyModel prepare(RunSpec spec, List<TaskPlan> plans, Optional<Path> executable, RunControl control)
            throws InterruptedException;
}
