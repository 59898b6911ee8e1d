package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.TaskPlan;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/// One virtual thread per task: blocking code, yet a blocked virtual thread parks and frees its
/// carrier (a platform thread of a small ForkJoinPool), so thousands of tasks cost little.
/// Downloads share a connection limit, like the event loop's. Each task has its own lane.
public final class VirtualThreadModel implements ConcurrencyModel {
    private final int maxConnections;
    private final Gil gil;

    /// `gil` may be null (no GIL).
    public VirtualThreadModel(int maxConnections, Gil gil) {
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be >= 1: " + maxConnections);
        this.maxConnections = maxConnections;
        this.gil = gil;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.VIRTUAL;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public void run(RunContext context) throws InterruptedException {
        TraceRecorder recorder = context.recorder();
        LaneTrack[] lanes = new LaneTrack[context.plans().size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = recorder.track(recorder.addLane("vthread " + (i + 1), LaneKind.VIRTUAL_THREAD));
        }
        Semaphore connections = new Semaphore(maxConnections, true);
        BlockingInterpreter interpreter = BlockingInterpreter.of(context);

        // code:virtual-threads
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        RunControl.Registration stop = context.control().onCancel(executor::shutdownNow);
        try {
            for (TaskPlan plan : context.plans()) {
                if (context.control().cancelled()) break;
                long submitted = recorder.clock().now();
                ThreadPoolModel.submit(executor, () -> {
                    context.facts().noteCarrier();
                    TaskContext task = new TaskContext(lanes[plan.id()], plan.id(), context.control(), gil, connections);
                    try {
                        context.outcomes().add(interpreter.run(plan, task, submitted));
                    } catch (CancelledException stopped) {
                        // the run was stopped: this task does not count
                    } finally {
                        context.facts().noteCarrier();
                    }
                });
            }
            executor.shutdown();
            // end:virtual-threads
            while (!executor.awaitTermination(50, TimeUnit.MILLISECONDS)) {
                if (context.control().cancelled()) executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            throw e;
        } finally {
            stop.close();
        }
    }
}
