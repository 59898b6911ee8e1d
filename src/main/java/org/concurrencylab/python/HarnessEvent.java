package org.concurrencylab.python;

import org.concurrencylab.core.trace.State;

/// What the harness's relay says to the app, one JSON object per line on its stdout: the shape
/// of the worker processes' protocol (`began`, `ended`, `outcome`, `ping`/`pong`), plus a `lane`
/// on the state changes, since one Python process has many lanes. Times are nanoseconds of the
/// harness's `time.perf_counter_ns()`, mapped onto the run clock with the offset of the ping
/// handshake.
///
/// A conversation: `hello` → the app's `ping`s, each answered by a `pong` → `ready` once the
/// program is loaded (or `failed` with `where` = `load`) → the app's `go` → `main` → state
/// changes, outcomes, `gil` totals and the program's `print`s → `done` (or `failed`) → `exit`
/// with the program's exit code, after which the relay exits.
///
/// Lanes are named by key: `main` (the synchronous loop's thread), `thread:TID` (a pool thread),
/// `loop` (the event loop's thread), `task:I` (task I's own waits on the event loop),
/// `process:PID` (a pool process). A `null` lane is a task-only segment (QUEUED).
///
/// Reading is strict, as the worker protocol's: an unknown type, a missing, doubled or unknown
/// field, or a value of the wrong kind makes the line unreadable ([HarnessLines#read]).
///
/// Thread-safety: immutable records.
sealed interface HarnessEvent {
    record Hello(long pid, long time, String python) implements HarnessEvent {}

    record Pong(long id, long time) implements HarnessEvent {}

    /// The program is loaded and instrumented; `variant` is `library` or `stdlib`.
    record Ready(String variant, String program, String startMethod) implements HarnessEvent {}

    /// `main()` is called.
    record Main(long time) implements HarnessEvent {}

    record Began(String lane, int task, State state, String label, long time) implements HarnessEvent {}

    record Ended(String lane, int task, State state, long start, long end, String label, String error)
            implements HarnessEvent {}

    /// A task's outcome; `count` is a pool process's own race counter after the task, else null.
    record Outcome(String lane, int task, boolean ok, String result, String error, Long count) implements HarnessEvent {}

    /// A measured CPU step's totals: wall, on-CPU, runqueue and blocked time, i.e. the GIL wait
    /// (ns; `wait` on the wire), the LOCK_WAIT drawn,
    /// whether the thread's states were sampled, and the sampling period.
    record Gil(String lane, int task, long wall, long cpu, long runq, long blocked, long drawn, boolean sampled, long period)
            implements HarnessEvent {}

    /// A line the program printed.
    record Print(String text) implements HarnessEvent {}

    /// `main()` returned; `counter` is the race's module counter afterwards, else null.
    record Done(long time, long wall, Long counter) implements HarnessEvent {}

    /// The program, or the harness, failed; `where` is `load`, `main`, `events` or `relay`.
    record Failed(String where, String error, String trace) implements HarnessEvent {}

    /// The program's process exited with `code` (negative: killed by that signal).
    record Exit(int code, String stderr) implements HarnessEvent {}
}
