package org.concurrencylab.core.model;

import org.concurrencylab.core.workload.Kernels;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.net.Page;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/// The CPU steps (parse, compute, crunch, increment), run on the calling thread by every
/// interpreter: blocking workers, the event loop's thread, a child process.
public final class CpuSteps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /// The shortest wait for a `synchronized` lock that is recorded: an uncontended lock is taken
    /// in tens of nanoseconds, a thread the lock keeps waiting spins or parks for microseconds.
    public static final long DRAWN_LOCK_WAIT_NANOS = 2_000;

    private CpuSteps() {}

    /// Runs `step` (a CPU step), entering WORK through `context`, and returns its result as text.
    /// `lastPage` is the page the task downloaded last (null if none); `counter` is the run's.
    public static String run(Step step, Page lastPage, TaskContext context, SharedCounter counter) {
        return switch (step) {
            case Step.Parse parse -> {
                context.work("parse " + path(lastPage));
                byte[] html = buffer(lastPage);
                Kernels.PageSummary summary = null;
                for (int r = 0; r < parse.rounds(); r++) summary = Kernels.parsePage(html, lastPage.size(), context);
                yield Grouped.bytes(lastPage.size()) + ", " + summary.links() + " links, " + Grouped.of(summary.words()) + " words";
            }
            case Step.Crunch crunch -> {
                context.work("heavy parse of " + path(lastPage) + ", " + crunch.millis() + " ms of CPU");
                byte[] html = buffer(lastPage);
                long rounds = crunch(html, lastPage.size(), crunch.millis(), context);
                yield Grouped.bytes(lastPage.size()) + " parsed " + Grouped.of(rounds) + " times";
            }
            case Step.Compute compute -> switch (compute.kind()) {
                case SUM_OF_SQUARES -> {
                    context.work("n = " + Grouped.of(compute.n()));
                    yield Kernels.sumOfSquares(compute.n(), context).toString();
                }
                case FIBONACCI -> {
                    context.work("fib(" + compute.n() + ")");
                    yield Long.toString(Kernels.fibonacci(Math.toIntExact(compute.n()), context));
                }
            };
            // code:race-task
            case Step.Increment increment -> {
                context.work("counter += 1, " + Grouped.of(increment.times()) + " times (" + increment.mode().id() + ")");
                boolean locked = increment.mode() == Step.CounterMode.SYNCHRONIZED;
                for (int i = 0; i < increment.times(); i++) {
                    if (locked) {
                        long end = System.nanoTime();
                        long waited = counter.incrementSynchronizedTimed();
                        // a wait for the lock long enough to see: another thread held it
                        if (waited >= DRAWN_LOCK_WAIT_NANOS) context.waited(end, waited, "waiting for the counter's lock");
                    } else {
                        counter.increment(increment.mode());
                    }
                    if ((i & 63) == 63) context.check();
                }
                yield Grouped.of(increment.times()) + " increments";
            }
            // end:race-task
            case Step.Fetch fetch -> throw new IllegalArgumentException("not a CPU step: " + fetch);
            case Step.Sleep sleep -> throw new IllegalArgumentException("not a CPU step: " + sleep);
        };
    }

    private static String path(Page page) {
        if (page == null) throw new StepFailedException("nothing to parse: no page was downloaded");
        return page.uri().getPath();
    }

    /// The buffer of `page`'s bytes, the first [Page#size] of it.
    private static byte[] buffer(Page page) {
        if (page == null) throw new StepFailedException("nothing to parse: no page was downloaded");
        return page.buffer();
    }

    /// Parses the first `size` bytes of `html` again and again until this thread has spent
    /// `millis` ms parsing: its CPU time where the JVM measures it, else (a virtual thread's CPU
    /// time reads -1) the wall time of the parses alone, so time spent waiting at a checkpoint
    /// (for the GIL) never counts. Returns the number of rounds.
    private static long crunch(byte[] html, int size, long millis, TaskContext context) {
        // code:heavy-parse
        boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.getCurrentThreadCpuTime() >= 0;
        long budget = millis * 1_000_000L;
        long spent = 0;
        long rounds = 0;
        do {
            long before = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            Kernels.parsePage(html, size, Kernels.Checkpoint.NONE);
            spent += (cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - before;
            rounds++;
            context.check();
        } while (spent < budget);
        return rounds;
        // end:heavy-parse
    }
}
