package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.workload.TaskPlan;

/// The plain loop: the run's own background thread runs every task in turn.
public final class SyncModel implements ConcurrencyModel {

    @Override
    public ModelKind kind() {
        return ModelKind.SYNC;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public void run(RunContext context) {
        LaneTrack lane = context.recorder().track(context.recorder().addLane("main", LaneKind.THREAD));
        BlockingInterpreter interpreter = BlockingInterpreter.of(context);
        Thread runner = Thread.currentThread();
        try (RunControl.Registration interruptOnStop = context.control().onCancel(runner::interrupt)) {
            // code:sync-model
            for (TaskPlan plan : context.plans()) {
                TaskContext task = new TaskContext(lane, plan.id(), context.control());
                context.outcomes().add(interpreter.run(plan, task, 0));
            }
            // end:sync-model
        } catch (CancelledException stopped) {
            // the remaining tasks are not run
        } finally {
            lane.idle();
            Thread.interrupted();
        }
    }
}
