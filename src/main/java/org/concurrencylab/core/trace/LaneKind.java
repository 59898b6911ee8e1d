package org.concurrencylab.core.trace;

/// What a lane of the diagram stands for.
public enum LaneKind {
    /// A platform thread (the synchronous runner, a pool thread).
    THREAD,
    /// A virtual thread.
    VIRTUAL_THREAD,
    /// The single thread of an event loop.
    LOOP,
    /// A child process.
    PROCESS,
    /// One task (the by-task view of models whose tasks have no worker of their own).
    TASK
}
