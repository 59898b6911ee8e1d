package org.concurrencylab.python;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.TwinModels;
import org.concurrencylab.core.workload.TaskPlan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The engine's runs on [RuntimeKind#PYTHON] (found through `ServiceLoader`): the Python twin of
/// the run's model and workload, with the Java run's own inputs, its pool as large, its
/// connection limit and timeouts, under the interpreter asked for.
///
/// Thread-safety: stateless.
public final class PythonModels implements TwinModels {
    @Override
    public RuntimeKind runtime() {
        return RuntimeKind.PYTHON;
    }

    @Override
    public ConcurrencyModel prepare(RunSpec spec, List<TaskPlan> plans, Optional<Path> executable, RunControl control)
            throws InterruptedException {
        PythonInfo python = switch (executable.map(PythonRuntime::at).orElseGet(PythonRuntime::find)) {
            case PythonRuntime.Found(PythonInfo info) -> info;
            case PythonRuntime.Missing(String reason) -> throw new IllegalStateException(reason);
        };
        TwinRequest request = request(spec, plans);
        PreparedTwin twin = new PythonTwin(python).prepare(request, control);
        if (twin.failure().isPresent()) {
            twin.close();
            throw new IllegalStateException(twin.failure().get());
        }
        return new TwinModel(python, twin);
    }

    /// What the twin of `spec` runs: the program, the inputs of `plans`, the pool's size, the
    /// connection limit and the timeouts.
    static TwinRequest request(RunSpec spec, List<TaskPlan> plans) {
        TwinProgram program = TwinProgram.of(spec.model(), spec.workload()).orElseThrow(() -> new IllegalArgumentException(
                "the " + spec.model().title().toLowerCase(Locale.ROOT) + " has no Python program to run"));
        TwinInputs inputs = TwinInputs.fromPlans(program.workload(), plans);
        return TwinRequest.of(program, inputs, spec.workers()).withMaxConnections(spec.maxConnections())
                .withTimeouts(Duration.ofMillis(spec.connectTimeoutMs()), Duration.ofMillis(spec.readTimeoutMs()));
    }
}
