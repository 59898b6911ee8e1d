package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.TaskPlan;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// A fixed pool of N platform threads taking tasks from a queue: Python's `ThreadPoolExecutor`.
/// Each pool thread has its own lane.
public final class ThreadPoolModel implements ConcurrencyModel {
    public static final int DEFAULT_WORKERS = 5;
    public static final int MAX_WORKERS = 1024;

    private final int workers;
    private final Gil gil;

    public ThreadPoolModel(int workers) {
        this(workers, null);
    }

    /// A pool whose threads share `gil` (null: no GIL, Java's own free-running threads).
    public ThreadPoolModel(int workers, Gil gil) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", was " + workers);
        }
        this.workers = workers;
        this.gil = gil;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.THREADS;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void run(RunContext context) throws InterruptedException {
        TraceRecorder recorder = context.recorder();
        LaneTrack[] lanes = new LaneTrack[workers];
        for (int i = 0; i < workers; i++) lanes[i] = recorder.track(recorder.addLane("pool-" + (i + 1), LaneKind.THREAD));
        ThreadLocal<LaneTrack> laneOfThread = new ThreadLocal<>();
        BlockingInterpreter interpreter = BlockingInterpreter.of(context);

        // code:thread-pool
        ExecutorService pool = Executors.newFixedThreadPool(workers, laneBinding(lanes, laneOfThread));
        RunControl.Registration stopPool = context.control().onCancel(pool::shutdownNow);
        for (TaskPlan plan : context.plans()) {
            if (context.control().cancelled()) break;
            long submitted = recorder.clock().now();
            submit(pool, () -> {
                TaskContext task = new TaskContext(laneOfThread.get(), plan.id(), context.control(), gil, null);
                try {
                    context.outcomes().add(interpreter.run(plan, task, submitted));
                } catch (CancelledException stopped) {
                    // the run was stopped: this task does not count
                }
            });
        }
        pool.shutdown();
        // end:thread-pool
        try {
            while (!pool.awaitTermination(50, TimeUnit.MILLISECONDS)) {
                if (context.control().cancelled()) pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            stopPool.close();
        }
    }

    /// Hands `task` to `pool`, unless a stop has shut the pool down meanwhile.
    static void submit(ExecutorService pool, Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the run was stopped while tasks were being submitted: the rest are not run
        }
    }

    /// Names pool threads `pool-1`… and binds each to its lane for its whole life. A thread that
    /// dies (an `Error` escaped a task) gives its lane back, and the pool's replacement takes it.
    private static ThreadFactory laneBinding(LaneTrack[] lanes, ThreadLocal<LaneTrack> laneOfThread) {
        AtomicInteger next = new AtomicInteger();
        Queue<Integer> freed = new ConcurrentLinkedQueue<>();
        return runnable -> {
            Integer reused = freed.poll();
            int index = reused != null ? reused : Math.min(next.getAndIncrement(), lanes.length - 1);
            Thread thread = new Thread(() -> {
                laneOfThread.set(lanes[index]);
                try {
                    runnable.run();
                } finally {
                    lanes[index].idle();
                    freed.add(index);
                }
            }, "pool-" + (index + 1));
            thread.setDaemon(true);
            return thread;
        };
    }
}
