package org.concurrencylab.core.run;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The tests' way to run a spec on an engine: started, awaited, and checked to have finished
/// as a clean run does (not cancelled, no task failed, every task completed).
public final class EngineRuns {
    private EngineRuns() {}

    /// Runs `spec` on `engine` and returns its result once it finished cleanly within `seconds`.
    public static RunResult finished(RunEngine engine, RunSpec spec, long seconds) throws Exception {
        RunHandle handle = engine.start(spec);
        RunResult result = handle.result().get(seconds, TimeUnit.SECONDS);
        String what = spec.model() + " " + result.summaryLine();
        assertThat(handle.phase()).as(what).isEqualTo(RunPhase.FINISHED);
        assertThat(result.cancelled()).as(what).isFalse();
        assertThat(result.errors()).as(what).isZero();
        assertThat(result.completed()).as(what).isEqualTo(spec.tasks());
        return result;
    }
}
