package org.concurrencylab.worker;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.Span;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;

import java.io.IOException;

/// One worker process's lane during a run, and what the dispatcher knows of the process: its
/// status, its task in flight, and the state the child reported last.
///
/// The child's states become segments at the child's own times, mapped onto the run clock. A
/// state that ends within [#LIVE_AFTER_NANOS] of its start is recorded once it ended, with both
/// of its times exact; a longer one is drawn while it lasts (an open span from its exact start),
/// and is ended at its exact end once the parent hears of it (a millisecond or so later, as the
/// child looks at its states a millisecond after they change, [StateReporter#DELAY_NANOS]), so
/// the short state after it keeps its own length. A lane's segments never overlap: each starts
/// at or after the end of the one before.
///
/// Thread-safety: confined to the run's dispatcher thread.
final class ProcessLane {
    /// How long a child's state must last before it is drawn while open.
    static final long LIVE_AFTER_NANOS = 10_000_000;

    enum Status {
        /// The JVM is starting and warming up.
        STARTING,
        /// Started; waiting for the answer to this run's reset (and any warm-up it needs).
        PREPARING,
        /// Ready for a task.
        IDLE,
        /// Running a task.
        BUSY,
        /// Gone: exited, killed, or never started.
        DEAD
    }

    /// The state the child reported last, open on its side.
    private static final class Current {
        final int task;
        final State state;
        final long childStart;
        final long start;
        String label;
        Span live;

        Current(int task, State state, long childStart, long start, String label) {
            this.task = task;
            this.state = state;
            this.childStart = childStart;
            this.start = start;
            this.label = label;
        }
    }

    private final TraceRecorder recorder;
    private final WorkerProcess worker;
    private final int slot;
    private final int lane;
    private Status status;
    private Span startup;
    private long startupSince;
    private long cursor;
    private TaskPlan task;
    private long taskSent;
    private int stepsEnded;
    private Current current;
    private String killReason;
    private String deathReason;

    ProcessLane(TraceRecorder recorder, WorkerProcess worker, int slot, int lane) {
        this.recorder = recorder;
        this.worker = worker;
        this.slot = slot;
        this.lane = lane;
        this.status = worker == null ? Status.DEAD : Status.STARTING;
    }

    /// Marks a lane whose process could not even be started.
    void notStarted(String error) {
        status = Status.DEAD;
        deathReason = error;
    }

    WorkerProcess worker() {
        return worker;
    }

    int slot() {
        return slot;
    }

    Status status() {
        return status;
    }

    TaskPlan task() {
        return task;
    }

    String deathReason() {
        return deathReason;
    }

    long startupSince() {
        return startupSince;
    }

    /// Opens the lane at the start of a run. A process still starting gets a STARTUP segment from
    /// its spawn; a started one is reset for the run, with a STARTUP segment only if the reset
    /// has work to do (warming the HTTP client).
    void open(Protocol.Reset reset, long now) {
        if (worker.exited() || !worker.usable()) {
            status = Status.DEAD;
            deathReason = worker.describe() + " exited with code " + worker.exitCode() + " before the run";
        } else if (worker.started()) {
            if (reset.http() && !worker.httpWarm()) beginStartup(now, "warming up the HTTP client of " + worker.describe());
            reset(reset);
        } else {
            long spawned = Math.max(0, recorder.clock().fromNanoTime(worker.spawnNanoTime()));
            beginStartup(Math.min(spawned, now), "starting " + worker.describe() + ": JVM start, warm-up, clock handshake");
        }
        cursor = Math.max(cursor, now);
    }

    /// The child has started (its clock is aligned): reset it for the run.
    void started(Protocol.Reset reset) {
        if (status == Status.STARTING) reset(reset);
    }

    /// The child answered the reset: ready for tasks.
    void prepared(long now) {
        if (status != Status.PREPARING) return;
        if (startup != null) startup.end();
        startup = null;
        cursor = Math.max(cursor, now);
        status = Status.IDLE;
    }

    private void reset(Protocol.Reset reset) {
        status = Status.PREPARING;
        try {
            worker.send(reset);
            if (reset.http()) worker.httpWarmed();
        } catch (IOException e) {
            kill("could not reach " + worker.describe() + ": " + e.getMessage());
        }
    }

    private void beginStartup(long start, String label) {
        startupSince = start;
        startup = recorder.beginAt(lane, Segment.NO_TASK, State.STARTUP, label, start);
    }

    boolean idle() {
        return status == Status.IDLE;
    }

    /// Sends `plan` to the child: its one task in flight.
    void send(TaskPlan plan, long now) {
        task = plan;
        taskSent = now;
        stepsEnded = 0;
        cursor = Math.max(cursor, now);
        status = Status.BUSY;
        try {
            worker.send(new Protocol.Run(plan));
        } catch (IOException e) {
            // the child's stdin is closed: it is exiting, and its exit fails the task
            kill(worker.describe() + " stopped reading while task " + plan.id() + " was sent to it");
        }
    }

    void began(Protocol.Began began) {
        if (task == null || began.task() != task.id()) return;
        // the same state announced again changes nothing: it must not cut the state in two
        if (current != null && current.task == began.task() && current.state == began.state()
                && current.childStart == began.time()) {
            return;
        }
        long start = toRunTime(began.time());
        if (current != null) close(current, Math.max(start, cursor), null);
        current = new Current(began.task(), began.state(), began.time(), start, began.label());
    }

    void ended(Protocol.Ended ended) {
        if (task == null || ended.task() != task.id()) return;
        stepsEnded++;
        Current open = current;
        current = null;
        if (open != null && open.state == ended.state() && open.childStart == ended.start()) {
            if (open.live != null) {
                open.live.relabel(ended.label());
                long end = Math.max(toRunTime(ended.end()), Math.max(open.start, cursor));
                open.live.endAt(end, ended.error());
                cursor = end;
                return;
            }
        } else if (open != null) {
            close(open, Math.max(open.start, cursor), null);
        }
        long start = Math.max(toRunTime(ended.start()), cursor);
        long end = Math.max(toRunTime(ended.end()), start);
        recorder.record(new Segment(lane, ended.task(), ended.state(), start, end, ended.label(), ended.error(), false));
        cursor = end;
    }

    /// The task's outcome: the task is done and the lane idle. Null if it is not this lane's task.
    TaskOutcome outcome(Protocol.Outcome outcome) {
        if (task == null || outcome.task() != task.id()) return null;
        if (current != null) close(current, recorder.clock().now(), null);
        current = null;
        TaskOutcome result = new TaskOutcome(task.id(), task.name(), outcome.ok(), outcome.error(), outcome.result());
        task = null;
        status = Status.IDLE;
        return result;
    }

    /// Opens the span of a long state so it is drawn while it lasts.
    void tick(long now) {
        if (current != null && current.live == null && now - current.start >= LIVE_AFTER_NANOS) {
            current.live = recorder.beginAt(lane, current.task, current.state, current.label, Math.max(current.start, cursor));
        }
    }

    /// When [#tick] has something to do next, in run time; `Long.MAX_VALUE` if never.
    long nextTick() {
        return current != null && current.live == null ? current.start + LIVE_AFTER_NANOS : Long.MAX_VALUE;
    }

    /// Kills the child; `reason` is what its task and lane will say when it has exited.
    void kill(String reason) {
        if (killReason == null) killReason = reason;
        worker.kill();
    }

    /// What the death of the child means to the lane, given its exit `code`.
    String exitMessage(int code) {
        if (killReason != null) return killReason;
        String what = worker.describe() + " exited with code " + code;
        return switch (status) {
            case BUSY -> what + " while running task " + task.id();
            case STARTING, PREPARING -> what + " during start-up" + tail();
            case IDLE, DEAD -> what;
        };
    }

    private String tail() {
        String tail = worker.stderrTail();
        return tail.isEmpty() ? "" : ": " + tail;
    }

    /// The lane is dead (or the run stopped): ends what is open with `error` and returns the task
    /// in flight, if any, which has then failed.
    TaskPlan die(String error, long now) {
        if (startup != null) startup.fail(error);
        startup = null;
        TaskPlan failed = task;
        if (failed != null) {
            if (current != null && current.live != null) {
                current.live.fail(error);
            } else if (current != null) {
                close(current, now, error);
            } else {
                // the child had not reported the state it was in: it is the state of its next step
                long start = Math.max(cursor, taskSent);
                recorder.record(new Segment(lane, failed.id(), stateOfStep(failed, stepsEnded), start, Math.max(start, now), "", error, false));
            }
        }
        current = null;
        task = null;
        cursor = Math.max(cursor, now);
        if (status != Status.DEAD) deathReason = error;
        status = Status.DEAD;
        return failed;
    }

    /// Ends a still-running start-up at the end of a run that did not need this process.
    void endStartup() {
        if (startup != null) startup.end();
        startup = null;
    }

    private void close(Current state, long end, String error) {
        long start = Math.max(state.start, cursor);
        long stop = Math.max(end, start);
        if (state.live != null) {
            state.live.endAt(stop, error);
        } else {
            recorder.record(new Segment(lane, state.task, state.state, start, stop, state.label, error, false));
        }
        cursor = stop;
    }

    private static State stateOfStep(TaskPlan plan, int index) {
        Step step = plan.steps().get(Math.min(index, plan.steps().size() - 1));
        return step.isCpu() ? State.WORK : State.IO_WAIT;
    }

    private long toRunTime(long childTime) {
        return recorder.clock().fromNanoTime(worker.toLocalNanoTime(childTime));
    }
}
