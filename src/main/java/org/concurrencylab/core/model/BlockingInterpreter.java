package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.FetchException;
import org.concurrencylab.net.Http;
import org.concurrencylab.net.Page;


/// Runs a task plan's steps in order on the calling thread, blocking on I/O: the interpreter
/// of the synchronous model and of the thread pool.
///
/// Thread-safety: stateless apart from the shared, thread-safe client and recorder; one
/// instance serves every worker of a run.
public final class BlockingInterpreter {
    private final TraceRecorder recorder;
    private final Http http;
    private final SharedCounter counter;

    public BlockingInterpreter(TraceRecorder recorder, Http http, SharedCounter counter) {
        this.recorder = recorder;
        this.http = http;
        this.counter = counter;
    }

    /// An interpreter for `context`'s run.
    public static BlockingInterpreter of(RunContext context) {
        return new BlockingInterpreter(context.recorder(), context.http(), context.counter());
    }

    /// Runs `plan` for a worker, recording its states through `context`. Never throws for a
    /// failing step: the failure is marked on its segment and returned in the outcome. Throws
    /// [CancelledException] if the run is stopped before or during the task.
    public TaskOutcome run(TaskPlan plan, TaskContext context, long queuedSince) {
        context.control().checkpoint();
        long pickedUp = recorder.clock().now();
        if (pickedUp > queuedSince) {
            recorder.record(Segment.closed(Segment.NO_LANE, plan.id(), State.QUEUED, queuedSince, pickedUp, plan.name()));
        }
        Page lastPage = null;
        String result = "";
        try {
            // code:blocking-task
            for (Step step : plan.steps()) {
                switch (step) {
                    case Step.Fetch fetch -> {
                        context.acquireConnection(fetch.uri().toString());
                        context.ioWait(fetch.uri().toString());
                        if (lastPage != null) lastPage.release(); // its buffer serves another download
                        lastPage = fetch(fetch, context);
                        String size = Grouped.bytes(lastPage.size());
                        context.label(fetch.uri() + " (" + size + ")");
                        // the lane leaves I/O before the connection is freed, so the trace never
                        // shows more downloads in flight than there are connections
                        context.ioDone();
                        context.releaseConnection();
                        result = size;
                    }
                    case Step.Parse _, Step.Crunch _, Step.Compute _, Step.Increment _ ->
                            result = CpuSteps.run(step, lastPage, context, counter);
                    case Step.Sleep sleep -> {
                        context.ioWait("sleep " + sleep.millis() + " ms");
                        sleep(sleep.millis());
                    }
                }
            }
            context.finish();
            return TaskOutcome.success(plan.id(), plan.name(), result);
            // end:blocking-task
        } catch (StepFailedException failure) {
            context.fail(failure.getMessage());
            return TaskOutcome.failure(plan.id(), plan.name(), failure.getMessage());
        } catch (CancelledException cancelled) {
            context.fail("cancelled");
            throw cancelled;
        } catch (Exception bug) {
            // a runtime exception, or a checked one a library threw without declaring it: the
            // task fails with it, its segment marked, and the run goes on
            if (bug instanceof InterruptedException) Thread.currentThread().interrupt();
            String message = bug.getClass().getSimpleName() + (bug.getMessage() == null ? "" : ": " + bug.getMessage());
            context.fail(message);
            return TaskOutcome.failure(plan.id(), plan.name(), message);
        } finally {
            if (lastPage != null) lastPage.release();
        }
    }

    private Page fetch(Step.Fetch fetch, TaskContext context) {
        AutoCloseable[] registration = new AutoCloseable[1];
        try {
            return http.fetch(fetch.uri(), call -> registration[0] = context.control().whileBlocked(call));
        } catch (FetchException e) {
            context.control().checkpoint();
            throw new StepFailedException(e.getMessage());
        } finally {
            closeQuietly(registration[0]);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // unregistering cannot fail
        }
    }
}
