package org.concurrencylab.core.trace;

/// What a worker (or a task) is doing during a segment of time.
///
/// Every name the user reads for a state comes from this one table: the hover text's
/// [#title()], the summary strip's [#shortTitle()], the legend's [#legend()] and the exported
/// files' [#label()].
public enum State {
    /// Running our code on a CPU.
    WORK("CPU (running code)", "CPU", "CPU (running code)", "CPU"),
    /// Ready to run code, but every core was busy: the thread waited in the kernel's run queue
    /// (measured on Linux from the thread's scheduler clock; elsewhere it reads as WORK).
    READY("ready, waiting for a core", "ready", "ready, waiting for a core", "ready wait"),
    /// Stopped by the JVM while running code: a garbage collection (or another safepoint) holds
    /// every thread that runs Java code; the thread neither ran nor waited for a core (measured,
    /// like READY, from the kernel's clocks for the thread).
    PAUSED("paused by the JVM (garbage collection)", "GC", "paused by the JVM (garbage collection)", "JVM pause"),
    /// Blocked on network or disk.
    IO_WAIT("waiting for I/O", "I/O", "waiting for I/O", "I/O wait"),
    /// Waiting for a lock or for the simulated GIL.
    LOCK_WAIT("waiting for a lock or the GIL", "lock", "waiting for a lock or the GIL", "lock wait"),
    /// Starting a process or a session.
    STARTUP("starting up", "start-up", "starting up", "start-up"),
    /// Submitted, no worker free yet.
    QUEUED("queued", "queued", "queued, waiting for a worker or a connection", "queued");

    private final String title;
    private final String shortTitle;
    private final String legend;
    private final String label;

    State(String title, String shortTitle, String legend, String label) {
        this.title = title;
        this.shortTitle = shortTitle;
        this.legend = legend;
        this.label = label;
    }

    /// What the state means, as the hover text over a segment says it: "waiting for I/O".
    public String title() {
        return title;
    }

    /// A word or two, as the summary strip says it: "I/O".
    public String shortTitle() {
        return shortTitle;
    }

    /// The legend's wording, which says what a queued task waits for, in words true of every
    /// model (a thread, a process or the loop is the worker): "queued, waiting for a worker or
    /// a connection". The hover text says which one.
    public String legend() {
        return legend;
    }

    /// The name in exported files: a Chrome trace event's name, an SVG segment's tooltip
    /// ("I/O wait").
    public String label() {
        return label;
    }
}
