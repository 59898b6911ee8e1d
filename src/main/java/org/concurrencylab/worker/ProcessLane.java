package org.concurrencylab.worker;

import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.Span;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.FetchException;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
/// A process that has work (a task, or the run's reset) is watched: silent for [#PING_AFTER_NANOS]
/// it is pinged (its stdin thread answers at once, whatever its task is doing); silent for
/// [#SILENT_NANOS], or still on a task past what the task allows ([#allowance]), it is lost.
///
/// Thread-safety: confined to the run's dispatcher thread.
final class ProcessLane {
    /// How long a child's state must last before it is drawn while open.
    static final long LIVE_AFTER_NANOS = 10_000_000;
    /// How long a process with work may be silent before it is pinged.
    static final long PING_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /// How long a process with work may be silent, pings unanswered, before it is lost: stopped
    /// (SIGSTOP), frozen, or no longer reading its commands. Five pings' worth, so that a busy
    /// machine's slow moment is not taken for a death.
    static final long SILENT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /// What a task's allowance adds to the time its steps may take: start, messages, a slow moment.
    static final long TASK_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);

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
    private final long deadlineNanos;
    private Status status;
    private long heardAt;
    private long pingedAt;
    private long pings;
    private long allowance = Long.MAX_VALUE;
    private Span startup;
    private long startupSince;
    private long cursor;
    private TaskPlan task;
    private long taskSent;
    private int stepsEnded;
    private Current current;
    private String killReason;
    private String deathReason;

    /// The lane `lane` of `worker` (null: it could not be started), the process of pool slot
    /// `slot`, whose downloads each have `deadlineMs`.
    ProcessLane(TraceRecorder recorder, WorkerProcess worker, int slot, int lane, int deadlineMs) {
        this.recorder = recorder;
        this.worker = worker;
        this.slot = slot;
        this.lane = lane;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMs);
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
        heard(recorder.clock().now());
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
        allowance = allowance(plan, deadlineNanos);
        heard(now);
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
                open.live.endAt(end, FetchException.readable(ended.error()));
                cursor = end;
                return;
            }
        } else if (open != null) {
            close(open, Math.max(open.start, cursor), null);
        }
        long start = Math.max(toRunTime(ended.start()), cursor);
        long end = Math.max(toRunTime(ended.end()), start);
        recorder.record(new Segment(lane, ended.task(), ended.state(), start, end, ended.label(),
                FetchException.readable(ended.error()), false));
        cursor = end;
    }

    /// The task's outcome: the task is done and the lane idle. Null if it is not this lane's task.
    TaskOutcome outcome(Protocol.Outcome outcome) {
        if (task == null || outcome.task() != task.id()) return null;
        if (current != null) close(current, recorder.clock().now(), null);
        current = null;
        // what a child says of a failure is shown as text: nothing it sends may garble it
        TaskOutcome result = new TaskOutcome(task.id(), task.name(), outcome.ok(), FetchException.readable(outcome.error()),
                outcome.result());
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

    /// The child sent something at `now` (run time).
    void heard(long now) {
        heardAt = Math.max(heardAt, now);
    }

    /// Watches a process with work at `now`: pings it when it has been silent a while, and
    /// returns why it is lost (`then` says what becomes of it), or null while it is fine. A process
    /// whose output has ended is exiting, and is left to the reader that waits for its exit.
    String lost(long now, String then) {
        if ((status != Status.BUSY && status != Status.PREPARING) || worker.outputEnded()) return null;
        String doing = task == null ? "while it prepared the run" : "while it ran task " + task.id();
        if (now - heardAt >= SILENT_NANOS) {
            return worker.describe() + " was lost: nothing heard from it for " + seconds(SILENT_NANOS) + " s " + doing + "; " + then;
        }
        if (task != null && now - taskSent > allowance) {
            return worker.describe() + " was lost: task " + task.id() + " ran longer than it may (" + seconds(allowance)
                    + " s); " + then;
        }
        if (now - heardAt >= PING_AFTER_NANOS && now - pingedAt >= PING_AFTER_NANOS) {
            pingedAt = now;
            try {
                worker.send(new Protocol.Ping(++pings));
            } catch (IOException e) {
                // its stdin is closed: it is exiting, and its exit says so
            }
        }
        return null;
    }

    /// How long `plan` may keep a process, at most: each download its deadline, each sleep its
    /// time, plus [#TASK_SLACK_NANOS]. A task with a CPU step has no such bound (CPU time on a
    /// shared machine has no limit in wall time): only its process's silence counts.
    static long allowance(TaskPlan plan, long deadlineNanos) {
        long nanos = TASK_SLACK_NANOS;
        for (Step step : plan.steps()) {
            long more = switch (step) {
                case Step.Fetch _ -> deadlineNanos;
                case Step.Sleep sleep -> TimeUnit.MILLISECONDS.toNanos(sleep.millis());
                default -> Long.MAX_VALUE;
            };
            if (more >= Long.MAX_VALUE - nanos) return Long.MAX_VALUE;
            nanos += more;
        }
        return nanos;
    }

    private static String seconds(long nanos) {
        long tenths = Math.round(nanos / 1e8);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
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
