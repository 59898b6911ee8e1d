package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Page;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/// Python's `asyncio` with `aiohttp`: ONE platform thread, `event-loop`, runs the code of every
/// task. A download is sent without blocking ([AsyncHttp]) and the task's next steps become the
/// continuation that the loop runs once the response is there; meanwhile the loop runs other
/// tasks. A CPU step runs on the loop too, so while it runs no other task moves: a long one
/// starves them all, and the diagram shows it.
///
/// Lanes: lane 0 is the loop (WORK while it runs a task's code: a CPU step, or sending a request
/// up to the task's await; IO_WAIT while it has nothing to run but waits are outstanding, nothing
/// when idle). Then one lane per task that waits (a task that only computes, as in the race,
/// has none: all it does is on the loop's lane), for that task's own waits: IO_WAIT from sending a request until its response has arrived (the loop may be
/// busy then), QUEUED while a ready task waits for the loop or for a free connection. Sending a
/// request counts as part of its I/O, as in the blocking models, whose IO_WAIT starts before
/// the request is written.
///
/// Thread-safety: a run's state is confined to its loop thread, except that the thread on which
/// a wait ends (the HTTP client's, a timer's) writes that end on the task's lane: the lane is
/// handed over through the awaited future and handed back through the loop's queue.
public final class EventLoopModel implements ConcurrencyModel {
    /// aiohttp's `TCPConnector` limit.
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    /// How long a stopped loop may take to end before [#run] gives up waiting for it.
    private static final long STOP_BUDGET_MS = 400;

    private final int maxConnections;
    private final AsyncHttp http;

    public EventLoopModel(int maxConnections, AsyncHttp http) {
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be >= 1: " + maxConnections);
        this.maxConnections = maxConnections;
        this.http = http;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.EVENTLOOP;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public void run(RunContext context) throws InterruptedException {
        Loop loop = new Loop(context, maxConnections, http);
        Thread thread = Thread.ofPlatform().name("event-loop").daemon(true).unstarted(loop::run);
        RunControl.Registration stopOnCancel = context.control().onCancel(loop::stop);
        try {
            thread.start();
            thread.join();
        } catch (InterruptedException e) {
            loop.stop();
            context.control().cancel(); // a CPU step on the loop stops at its next checkpoint
            thread.join(STOP_BUDGET_MS);
            throw e;
        } finally {
            stopOnCancel.close();
        }
        loop.rethrowFailure();
    }

    /// One run of the loop: its queue of ready callbacks, its tasks and their lanes.
    ///
    /// Thread-safety: fields marked "loop" are touched by the loop thread only; [#stop] and the
    /// end of a wait may come from any thread.
    private static final class Loop {
        private final TraceRecorder recorder;
        private final RunControl control;
        private final Outcomes outcomes;
        private final SharedCounter counter;
        private final AsyncHttp http;
        private final int maxConnections;
        private final LaneTrack loopLane;
        private final Task[] tasks;
        /// Callbacks ready to run on the loop, queued by any thread.
        private final LinkedBlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
        /// Runs a continuation on the loop thread: what `whenCompleteAsync` hops with.
        private final Executor onLoop = ready::add;
        /// Ends of waits being written down off the loop at this moment.
        private final AtomicInteger ending = new AtomicInteger();
        private volatile boolean stopped;
        private volatile Throwable failure;

        // loop
        private int unfinished;
        private int pendingWaits;
        private int connectionsInUse;
        private final ArrayDeque<Task> waitingForConnection = new ArrayDeque<>();

        Loop(RunContext context, int maxConnections, AsyncHttp http) {
            this.recorder = context.recorder();
            this.control = context.control();
            this.outcomes = context.outcomes();
            this.counter = context.counter();
            this.http = http;
            this.maxConnections = maxConnections;
            this.loopLane = recorder.track(recorder.addLane("event loop", LaneKind.LOOP));
            List<TaskPlan> plans = context.plans();
            this.tasks = new Task[plans.size()];
            for (int i = 0; i < tasks.length; i++) {
                TaskPlan plan = plans.get(i);
                // a lane for the task's waits, if it has any: a race's 5,000 tasks only compute
                LaneTrack lane = waits(plan) ? recorder.track(recorder.addLane("task " + (plan.id() + 1), LaneKind.TASK)) : null;
                tasks[i] = new Task(plan, lane, new TaskContext(loopLane, plan.id(), control));
            }
            this.unfinished = tasks.length;
        }

        private static boolean waits(TaskPlan plan) {
            return plan.steps().stream().anyMatch(s -> s instanceof Step.Fetch || s instanceof Step.Sleep);
        }

        /// Any thread: the loop ends after the callback it is running (a CPU step ends at its
        /// next checkpoint once the run is cancelled).
        void stop() {
            stopped = true;
            ready.add(() -> {});
        }

        void rethrowFailure() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        }

        /// The loop thread's body.
        void run() {
            long start = recorder.clock().now();
            for (Task task : tasks) ready.add(() -> begin(task, start));
            try {
                loop();
            } catch (CancelledException | InterruptedException stoppedDuringCallback) {
                // the run was stopped
            } catch (Throwable bug) {
                failure = bug;
            } finally {
                shutDown();
            }
        }

        // code:event-loop
        /// Takes the next ready callback and runs it, again and again; blocks only when no
        /// callback is ready, i.e. when every unfinished task waits for I/O or a timer.
        private void loop() throws InterruptedException {
            while (!stopped && unfinished > 0) {
                Runnable callback = ready.poll();
                if (callback == null) {
                    if (pendingWaits > 0 && loopLane.state() != State.IO_WAIT) {
                        loopLane.enter(State.IO_WAIT, Segment.NO_TASK, "waiting for I/O: " + pendingWaits + " in flight");
                    }
                    callback = ready.take();
                }
                callback.run();
                if (loopLane.state() == State.WORK) loopLane.idle();
            }
        }

        /// Runs `task`'s steps, on the loop thread, until one has to wait or none is left.
        private void step(Task task) {
            List<Step> steps = task.plan.steps();
            try {
                while (task.next < steps.size()) {
                    Step step = steps.get(task.next++);
                    switch (step) {
                        case Step.Fetch fetch -> {
                            fetch(task, fetch.uri());
                            return;
                        }
                        case Step.Sleep sleep -> {
                            sleep(task, sleep.millis());
                            return;
                        }
                        // runs right here: no other task moves until it is done
                        case Step.Parse _, Step.Crunch _, Step.Compute _, Step.Increment _ ->
                                task.result = CpuSteps.run(step, task.lastPage, task.code, counter);
                    }
                }
                finish(task, TaskOutcome.success(task.plan.id(), task.plan.name(), task.result));
            } catch (StepFailedException e) {
                failStep(task, e.getMessage());
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException bug) {
                failStep(task, bug.getClass().getSimpleName() + (bug.getMessage() == null ? "" : ": " + bug.getMessage()));
            }
        }

        /// `aiohttp`'s `session.get(url)`: waits for a free connection, then sends the request.
        private void fetch(Task task, URI uri) {
            task.uri = uri;
            if (connectionsInUse < maxConnections) {
                connectionsInUse++;
                send(task);
            } else {
                task.lane.enter(State.QUEUED, task.plan.id(), "waiting for a free connection: " + uri);
                waitingForConnection.add(task);
            }
        }

        private void send(Task task) {
            // the task's code runs on the loop up to its await: making the request and handing it
            // to the client is the loop's work, a fraction of a millisecond per request
            task.code.work("send " + task.uri);
            task.lane.enter(State.IO_WAIT, task.plan.id(), task.uri.toString());
            await(task, http.fetch(task.uri));
        }

        /// `await asyncio.sleep(s)`: a timer, not a thread.
        private void sleep(Task task, long millis) {
            task.lane.enter(State.IO_WAIT, task.plan.id(), "sleep " + millis + " ms");
            await(task, new CompletableFuture<>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS));
        }

        /// Leaves `task` until `future` completes; its continuation then runs on the loop.
        private void await(Task task, CompletableFuture<?> future) {
            pendingWaits++;
            task.awaiting.set(future);
            future.whenComplete((value, error) -> waitEnded(task, future, value, error))
                  .whenCompleteAsync((value, error) -> resume(task, value, error), onLoop);
        }

        /// On the loop again: the task goes on from where it waited.
        private void resume(Task task, Object value, Throwable error) {
            pendingWaits--;
            if (task.lane.state() == State.QUEUED) task.lane.idle();
            if (task.uri != null) releaseConnection();
            task.uri = null;
            if (error != null) {
                finish(task, TaskOutcome.failure(task.plan.id(), task.plan.name(), message(error)));
                return;
            }
            if (value instanceof Page page) {
                task.keep(page);
                task.result = Grouped.bytes(page.size());
            }
            step(task);
        }
        // end:event-loop

        /// Any thread, at the instant a wait ends: ends the task's IO_WAIT (with the size, or
        /// the error) and, if it can go on, marks it QUEUED until the loop gets to it.
        private void waitEnded(Task task, CompletableFuture<?> future, Object value, Throwable error) {
            ending.incrementAndGet();
            try {
                if (!task.awaiting.compareAndSet(future, null)) return; // the loop stopped and ended the wait
                if (error != null) {
                    task.lane.fail(message(error));
                    return;
                }
                if (value instanceof Page page) {
                    task.lane.label(page.uri() + " (" + Grouped.bytes(page.size()) + ")");
                }
                task.lane.enter(State.QUEUED, task.plan.id(), "ready, waiting for the loop");
            } finally {
                ending.decrementAndGet();
            }
        }

        /// The first time the loop runs `task`: the time before was spent queued.
        private void begin(Task task, long queuedSince) {
            long now = recorder.clock().now();
            if (now > queuedSince) {
                // a task without a lane of its own waits in the queue, as a pool's tasks do
                recorder.record(Segment.closed(task.lane == null ? Segment.NO_LANE : task.lane.lane(), task.plan.id(),
                        State.QUEUED, queuedSince, now,
                        "waiting for the loop to start it"));
            }
            step(task);
        }

        /// A connection is free again: the longest-waiting task takes it over at once.
        private void releaseConnection() {
            Task next = waitingForConnection.poll();
            if (next == null) {
                connectionsInUse--;
            } else {
                send(next);
            }
        }

        private void failStep(Task task, String error) {
            if (loopLane.state() != State.WORK) task.code.work(task.plan.name());
            task.code.fail(error);
            finish(task, TaskOutcome.failure(task.plan.id(), task.plan.name(), error));
        }

        private void finish(Task task, TaskOutcome outcome) {
            if (task.lane != null) task.lane.idle();
            task.keep(null);
            outcomes.add(outcome);
            unfinished--;
        }

        /// Ends the run: cancels the waits still pending and closes every lane.
        private void shutDown() {
            stopped = true;
            for (Task task : tasks) {
                CompletableFuture<?> pending = task.awaiting.getAndSet(null);
                if (pending != null) pending.cancel(true);
            }
            // a wait that ended on another thread a moment ago may still be writing its lane
            while (ending.get() > 0) Thread.onSpinWait();
            String reason = failure == null ? "cancelled" : message(failure);
            for (Task task : tasks) {
                if (task.lane != null && task.lane.state() != null) task.lane.fail(reason);
            }
            if (unfinished > 0) loopLane.fail(reason);
            else loopLane.idle();
        }

        private static String message(Throwable error) {
            Throwable e = error;
            while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
            if (e instanceof CancellationException) return "cancelled";
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
    }

    /// One task of a run: where its plan is, what it has downloaded, and its lane.
    ///
    /// Thread-safety: confined to the loop thread, but for [#awaiting], which the thread that
    /// ends a wait and the loop race for (whoever takes it writes the end of the wait).
    private static final class Task {
        final TaskPlan plan;
        /// The lane of the task's waits; null for a task that never waits (only computes).
        final LaneTrack lane;
        /// The task's code runs on the loop's lane.
        final TaskContext code;
        final AtomicReference<CompletableFuture<?>> awaiting = new AtomicReference<>();
        int next;
        URI uri;
        Page lastPage;
        String result = "";

        Task(TaskPlan plan, LaneTrack lane, TaskContext code) {
            this.plan = plan;
            this.lane = lane;
            this.code = code;
        }

        /// Makes `page` (or none) the page the task's parse reads; the one before goes back to
        /// the pool of page buffers.
        void keep(Page page) {
            if (lastPage != null) lastPage.release();
            lastPage = page;
        }
    }
}
