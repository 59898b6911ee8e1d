package org.concurrencylab.core.model;

import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunPhase;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// A model handed a run that was stopped before it began (the user pressed Stop between the
/// engine's last check and the model's start): it must return at once, run nothing, and not throw.
@Timeout(30)
class StoppedBeforeStartTest {

    private static RunContext stoppedContext() {
        List<TaskPlan> plans = new SumOfSquares(4, 1_000).plan(List.of());
        RunControl control = new RunControl();
        control.cancel();
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), control, null,
                new Outcomes(plans.size()));
    }

    private static void assertNothingRan(RunContext context) {
        assertThat(context.outcomes().done()).isZero();
        assertThat(context.recorder().openNow()).isEmpty();
    }

    @Test
    void the_synchronous_model_runs_nothing_once_stopped() {
        RunContext context = stoppedContext();

        new SyncModel().run(context);

        assertNothingRan(context);
    }
    @Test
    void a_thread_pool_runs_nothing_once_stopped() throws Exception {
        RunContext context = stoppedContext();

        new ThreadPoolModel(2).run(context);

        assertNothingRan(context);
    }
    @Test
    void virtual_threads_run_nothing_once_stopped() throws Exception {
        RunContext context = stoppedContext();

        new VirtualThreadModel(10, null).run(context);

        assertNothingRan(context);
    }
    @Test
    void a_download_run_stopped_during_its_warm_up_ends_cancelled() throws Exception {
        try (RunEngine engine = new RunEngine()) {
            RunHandle handle = engine.start(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withTasks(4));
            handle.cancel();

            RunResult result = handle.result().get(30, TimeUnit.SECONDS);

            assertThat(result.cancelled()).isTrue();
            assertThat(result.outcomes()).isEmpty();
            assertThat(handle.phase()).isEqualTo(RunPhase.CANCELLED);
        }
    }
}
