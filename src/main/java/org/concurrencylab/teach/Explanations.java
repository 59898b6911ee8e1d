package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Ticks;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// What the lab says about its models, its workloads and the states in a diagram: the
/// comparison table (how a model switches between tasks, how many processors it uses, what it
/// costs, where it bites), each workload's nature, and context help for a clicked segment.
public final class Explanations {

    /// One model, explained. `gil` tells whether the row is the model under the simulated GIL.
    public record ModelExplanation(ModelKind model, boolean gil, String title, String switching, String processors,
                                   String costs, String pitfalls, String python) {
        public ModelExplanation {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(switching, "switching");
            Objects.requireNonNull(processors, "processors");
            Objects.requireNonNull(costs, "costs");
            Objects.requireNonNull(pitfalls, "pitfalls");
            Objects.requireNonNull(python, "python");
        }
    }

    /// One workload, explained.
    ///
    /// @param nature    "I/O-bound", "CPU-bound", …
    /// @param limitedBy what sets its speed
    /// @param text      what a task does and what helps
    public record WorkloadExplanation(WorkloadKind workload, String title, String nature, String limitedBy, String text) {
        public WorkloadExplanation {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(nature, "nature");
            Objects.requireNonNull(limitedBy, "limitedBy");
            Objects.requireNonNull(text, "text");
        }
    }

    private Explanations() {}

    /// The comparison table: every model, and the thread pool and virtual threads again under the GIL.
    public static List<ModelExplanation> comparison() {
        return List.of(forModel(ModelKind.SYNC, false), forModel(ModelKind.THREADS, false),
                forModel(ModelKind.THREADS, true), forModel(ModelKind.EVENTLOOP, false),
                forModel(ModelKind.PROCESSES, false), forModel(ModelKind.VIRTUAL, false),
                forModel(ModelKind.VIRTUAL, true));
    }

    /// How `model` works; with `gil` (and a model that supports it), under the simulated GIL.
    public static ModelExplanation forModel(ModelKind model, boolean gil) {
        boolean underGil = gil && model.supportsGil();
        return switch (model) {
            case SYNC -> new ModelExplanation(model, false, "Synchronous",
                    "Never: a task runs to its end before the next one starts.",
                    "One, and it sits idle whenever the task waits.",
                    "Nothing beyond the one thread.",
                    "Every wait adds to the total: the run takes as long as all its tasks put together.",
                    "A plain for loop.");
            case THREADS -> underGil ? new ModelExplanation(model, true, "Thread pool, GIL on",
                    "The operating system pre-empts threads, but a thread must hold the GIL to run code. It lets go "
                    + "while it waits for I/O and hands it over every switch interval (5 ms).",
                    "One at a time for running code; waits still overlap.",
                    "As the thread pool, plus the hand-overs of the lock (amber).",
                    "CPU-bound work gets no faster, usually a little slower. The GIL keeps the interpreter whole, "
                    + "not your data: a thread can still be switched out between reading and writing a shared value.",
                    "threading / ThreadPoolExecutor in CPython.")
                    : new ModelExplanation(model, false, "Thread pool",
                    "The operating system pre-empts threads at any moment, and runs another as soon as one blocks.",
                    "All of them: Java threads run at the same time, one per core.",
                    "An operating-system thread each, with its own stack (about 1 MB reserved); the pool caps how many.",
                    "Shared data: a read-then-write can be interleaved with another thread's (a race), and locks "
                    + "make threads queue. Past the cores, more threads only take turns on CPU work.",
                    "concurrent.futures.ThreadPoolExecutor (where the GIL runs one thread at a time).");
            case EVENTLOOP -> new ModelExplanation(model, false, "Event loop",
                    "Cooperative: a task gives up the thread only where it awaits (a response, a timer); the loop "
                    + "then runs the next task that is ready.",
                    "One.",
                    "Very little per task: no thread, just a callback and its buffers, so thousands of requests can "
                    + "be in flight. Every library on the path must be non-blocking.",
                    "A task that computes for long, or calls anything that blocks, stops every other task.",
                    "asyncio with aiohttp.");
            case PROCESSES -> new ModelExplanation(model, false, "Process pool",
                    "Processes run side by side; each takes the next task when it is free. Inside, the operating "
                    + "system schedules them like any program.",
                    "All of them: one process per core.",
                    "A whole runtime per process: start-up (grey), memory for each, and every task and result copied "
                    + "between processes.",
                    "Nothing is shared, so shared state must be sent back and merged; tasks must be big enough to "
                    + "pay for sending them.",
                    "multiprocessing.Pool.");
            case VIRTUAL -> underGil ? new ModelExplanation(model, true, "Virtual threads, GIL on",
                    "The JVM parks a virtual thread where it blocks; with the GIL it must also hold the lock to run code.",
                    "One at a time for running code; waits still overlap.",
                    "As virtual threads, plus the hand-overs of the lock.",
                    "As the thread pool with the GIL: computing gets no faster.",
                    "No direct equivalent: one thread per task in CPython.")
                    : new ModelExplanation(model, false, "Virtual threads",
                    "Plain blocking code, but where a virtual thread blocks the JVM parks it and runs another on the "
                    + "same carrier thread, without asking the operating system.",
                    "All of them: the carriers are one platform thread per core.",
                    "A few hundred bytes to a few kilobytes each, growing with the stack: a thousand at once is cheap.",
                    "As threads: shared data needs locks. A long computation occupies its carrier; native calls pin "
                    + "it. With no pool to cap them, limit what they open (connections).",
                    "No direct equivalent: the closest are gevent's greenlets, or a thread per task.");
        };
    }

    /// How the article's own program of `model` runs under CPython, for a run of it: the same
    /// questions answered for the interpreter, whose GIL is real and measured. A model the article
    /// has no program of (virtual threads) is explained as the Java model it is.
    public static ModelExplanation forCPython(ModelKind model) {
        return switch (model) {
            case SYNC -> new ModelExplanation(model, false, "Synchronous, in CPython",
                    "Never: the article's for loop runs one task after another.",
                    "One, and it sits idle whenever the task waits.",
                    "Nothing beyond the one thread. CPython interprets the code, so a CPU step takes longer than "
                    + "the same step compiled by Java's JIT: compare the blue of the two runs.",
                    "Every wait adds to the total: the run takes as long as all its tasks put together.",
                    "This is the article's own program, run by CPython on the same pages or numbers.");
            case THREADS -> new ModelExplanation(model, true, "Thread pool, in CPython: the real GIL",
                    "The operating system pre-empts threads, but only the thread that holds the GIL runs Python "
                    + "code. It lets go while it waits for I/O, and every switch interval (5 ms) when another waits.",
                    "One at a time for Python code; waits still overlap. On a free-threaded build with the GIL off "
                    + "(3.13t), all of them.",
                    "A thread each. The waits for the GIL (amber) are measured, not simulated: the time a thread "
                    + "spent inside a CPU step asleep, from the kernel's view of that thread. A thread woken to take "
                    + "the GIL may then wait for a core (hatched blue): the kernel measures that wait apart.",
                    "CPU-bound work gets no faster, usually a little slower. The GIL does not protect your data: a "
                    + "read-then-write can still be interleaved.",
                    "concurrent.futures.ThreadPoolExecutor: the article's own program.");
            case EVENTLOOP -> new ModelExplanation(model, false, "Event loop, in CPython (asyncio)",
                    "Cooperative, as in Java: a task gives up the loop only where it awaits.",
                    "One.",
                    "A coroutine per task; the requests go through aiohttp when it is installed, else asyncio's own "
                    + "streams (the caption says which ran).",
                    "A task that computes for long, or calls anything that blocks, stops every other task.",
                    "asyncio: the article's own program.");
            case PROCESSES -> new ModelExplanation(model, false, "Process pool, in CPython (multiprocessing)",
                    "Processes run side by side, each with its own interpreter and its own GIL.",
                    "All of them: one process per core.",
                    "A whole interpreter per process: start-up (grey), memory for each, and every task and result "
                    + "pickled between processes.",
                    "Nothing is shared, so shared state must be sent back and merged; tasks must be big enough to "
                    + "pay for sending them.",
                    "multiprocessing.Pool: the article's own program.");
            case VIRTUAL -> forModel(model, false);
        };
    }

    /// The nature of `workload` and what limits it.
    public static WorkloadExplanation forWorkload(WorkloadKind workload) {
        return switch (workload) {
            case DOWNLOAD -> new WorkloadExplanation(workload, workload.title(), "I/O-bound",
                    "How long the server takes to answer, and how many requests are in flight at once.",
                    "Each task sends a request, waits for the page (red), then parses it briefly (blue). Nearly all "
                    + "the time is waiting, so overlapping the waits helps a lot, and more processors hardly at all.");
            case CPU -> new WorkloadExplanation(workload, workload.title(), "CPU-bound",
                    "Processor time: how many cores compute at once.",
                    "Each task sums the squares of millions of numbers with big integers. It never waits (blue only), "
                    + "so only running tasks in parallel on several cores makes the run shorter.");
            case FIB -> new WorkloadExplanation(workload, workload.title(), "CPU-bound",
                    "Processor time: how many cores compute at once.",
                    "The example of the article's 2024 edition: each task computes fib(n) by the naive recursion, "
                    + "fib(35) twenty times by default, millions of plain function calls. Like the sum of squares it "
                    + "never waits (blue only), and the result is the same: under the GIL threads get no faster, "
                    + "only processes, or Java threads without it, compute on several cores at once.");
            case RACE -> new WorkloadExplanation(workload, workload.title(), "CPU-bound, on shared data",
                    "Correctness first: how the shared counter is updated; then contention for it.",
                    "Every task adds one to the same counter many times. Workers that run at once can interleave a "
                    + "read and a write and lose updates, unless the update is locked or atomic.");
            case MIXED -> new WorkloadExplanation(workload, workload.title(), "Mixed: I/O, then CPU",
                    "Both: the waits overlap, the parsing needs processors, and one thread can do only one of them.",
                    "Each task downloads a page (red), then parses it for a set CPU time (blue). On an event loop each "
                    + "parse holds the only thread, so every other task waits for it.");
        };
    }

    /// Context help for a clicked segment: what the worker was doing, and for a wait what it waited
    /// for. `model` and `gil` are those of the run the segment belongs to.
    public static String forSegment(Segment segment, ModelKind model, boolean gil) {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(model, "model");
        String how = Ticks.duration(segment.duration()) + (segment.open() ? " so far" : "");
        String who = segment.task() == Segment.NO_TASK ? "" : "Task " + (segment.task() + 1) + ": ";
        String label = segment.label();
        String text = switch (segment.state()) {
            case IO_WAIT -> ioWait(segment, model, gil, how);
            case LOCK_WAIT -> lockWait(label, gil, how);
            case QUEUED -> queued(segment, model, how);
            case WORK -> work(segment, model, gil, how);
            case READY -> ready(model, how);
            case PAUSED -> "The JVM stopped this " + (model == ModelKind.PROCESSES ? "process's thread" : "thread") + " for "
                    + how + " while it ran code: a garbage collection (or another safepoint) holds every thread that runs "
                    + "Java code until it is done. The kernel's clocks for the thread show it neither ran nor waited for a core.";
            case STARTUP -> "Starting a worker process for " + how + ": a new JVM boots, warms up its code and aligns "
                    + "its clock with the lab's. A pool started inside the run, as the article's `with Pool() as pool:` is, pays "
                    + "this in every run; kept warm between runs, it pays it once.";
        };
        if (segment.failed()) text += " It failed: " + segment.error() + ".";
        return who + text;
    }

    /// A one-line reminder of what a state's colour means, for a legend or a tooltip.
    public static String forState(State state) {
        return switch (state) {
            case WORK -> "Blue: running code on a processor.";
            case READY -> "Pale blue, hatched: ready to run code, but every core was busy (measured by the kernel).";
            case PAUSED -> "Violet: stopped by the JVM, for a garbage collection (measured by the kernel).";
            case IO_WAIT -> "Red: waiting for I/O (a response from the network, a timer).";
            case LOCK_WAIT -> "Amber, hatched: waiting for a lock (the simulated GIL).";
            case STARTUP -> "Grey: starting a worker process.";
            case QUEUED -> "Light: ready, but no worker (or connection, or loop) free to take it yet.";
        };
    }

    private static String ready(ModelKind model, String how) {
        String who = switch (model) {
            case PROCESSES -> "This process";
            case EVENTLOOP -> "The loop";
            case VIRTUAL -> "This virtual thread's carrier";
            default -> "This thread";
        };
        return who + " had code to run but no core for " + how + ": the operating system had every core busy with "
                + "other threads (of this run, or of other programs) and kept it in its run queue. The kernel's clock "
                + "for the thread measured the wait; it is drawn where it was read, within a fraction of a millisecond.";
    }

    private static String ioWait(Segment s, ModelKind model, boolean gil, String how) {
        String label = s.label();
        if (label.startsWith("sleep ")) return "Sleeping (" + label.substring(6) + "), " + how + ": a wait on a timer, neither CPU nor network.";
        String target = label.isEmpty() ? "the server" : label;
        return switch (model) {
            case EVENTLOOP -> s.task() == Segment.NO_TASK
                    ? "The loop had no code to run for " + how + ": every unfinished task was waiting for its response ("
                      + label.replace("waiting for I/O: ", "") + "). It waited in the selector for the first one to arrive."
                    : "This task's request for " + target + " was in flight for " + how + ". The task held no thread "
                      + "meanwhile: its next step waited as a callback, and the loop ran other tasks.";
            case PROCESSES -> "This process waited " + how + " for " + target + ", on its own HTTP client; the other "
                    + "processes went on with their tasks.";
            case SYNC -> "The only thread waited " + how + " for " + target + " to answer: the request was sent and "
                    + "nothing else could happen until the whole page had arrived.";
            case THREADS, VIRTUAL -> {
                String worker = model == ModelKind.VIRTUAL ? "This virtual thread" : "This thread";
                String text = worker + " was blocked " + how + " waiting for " + target + " to answer; other "
                        + (model == ModelKind.VIRTUAL ? "virtual threads ran on its carrier meanwhile." : "threads ran meanwhile.");
                yield gil && model.supportsGil() ? text + " It let go of the GIL while it waited." : text;
            }
        };
    }

    private static String lockWait(String label, boolean gil, String how) {
        if (label.contains("handed over")) {
            return "This thread had run for the switch interval while others waited, so it handed the GIL over at its "
                    + "next checkpoint and queued to get it back: " + how + " without running.";
        }
        if (gil || label.contains("GIL")) {
            return "This thread was ready to run code, but another one held the GIL: it waited " + how + " in the lock's "
                    + "queue, first come, first served.";
        }
        return "This worker waited " + how + " for a lock another one held" + (label.isEmpty() ? "." : " (" + label + ").");
    }

    private static String queued(Segment s, ModelKind model, String how) {
        String label = s.label();
        if (label.contains("free connection")) {
            return "Waiting " + how + " for a free connection: the limit on requests in flight was reached, so this "
                    + "request could not be sent until another one finished.";
        }
        if (label.contains("ready, waiting for the loop")) {
            return "The response had arrived, but the loop was busy with another task's code: this task waited " + how
                    + " for its turn. Long waits here mean some task is holding the loop.";
        }
        if (label.contains("waiting for the loop to start")) {
            return "Created, waiting " + how + " for the loop to start it: the loop starts tasks one by one.";
        }
        String workers = switch (model) {
            case PROCESSES -> "every process was busy with an earlier task";
            case THREADS -> "every thread of the pool was busy with an earlier task";
            default -> "no worker was free yet";
        };
        return String.format(Locale.ROOT, "Submitted, waiting %s in the queue: %s.", how, workers);
    }

    private static String work(Segment s, ModelKind model, boolean gil, String how) {
        String what = s.label().isEmpty() ? "" : " (" + s.label() + ")";
        return switch (model) {
            case EVENTLOOP -> "The loop's thread ran this task's code" + what + " for " + how + ". No other task moved "
                    + "meanwhile: the loop switches only where a task waits.";
            case PROCESSES -> "This process ran code" + what + " for " + how + ", on a processor of its own.";
            default -> {
                String text = "Running code on a processor" + what + " for " + how + ".";
                yield gil && model.supportsGil() ? text + " It held the GIL meanwhile." : text;
            }
        };
    }
}
