package org.concurrencylab.core.run;

import org.concurrencylab.core.model.EventLoopModel;
import org.concurrencylab.core.model.VirtualThreadModel;
import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.SyncModel;
import org.concurrencylab.core.model.ThreadPoolModel;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.DownloadSites;
import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.Kernels;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Http;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/// Warms the code paths a timed run uses, once per process, so the first run is not measured on
/// a cold JVM. A cold JVM runs the sum of squares about 1.7× slower than a warm one, and a
/// first task also pays for class loading (formatting, locale data, HTTP client set-up).
/// The warm-up runs the real interpreter on small plans, recording as a timed run does (the
/// trace is thrown away): a first run whose recording code is cold spends some milliseconds
/// more, which the event loop's 160 downloads in about 0.23 s would show.
///
/// Thread-safety: thread-safe; each part runs at most once per process, the first caller doing it.
final class Warmup {
    /// Just under 2^64: the warm-up sums cross into the three-word magnitudes the real sums have.
    private static final BigInteger NEAR_2_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE.shiftLeft(44));
    private static final long SUM_N = 300_000;
    private static final int SUM_ROUNDS = 5;
    /// Some fib(27) as tasks, a few milliseconds in all: the recursion is compiled within the first.
    private static final int FIB_N = 27;
    private static final int FIB_ROUNDS = 4;
    private static final int FETCHES = 48;
    /// The event loop's client only gets fast after some thousand responses (its receive path is
    /// long), and a run with a thousand connections should not open them while timed.
    private static final int LOOP_FETCHES = 2_000;
    private static final int LOOP_CONNECTIONS = 1_000;
    /// Rounds of [#LOOP_FETCHES] for virtual threads: OkHttp's blocking path on a thousand
    /// virtual threads is still being compiled after one round (the compilers' queue is long on
    /// two cores). Fresh runs of 5,000 pages at 1,000 connections, interleaved: 1.5 s median
    /// after one round, 1.16–1.24 s after three, on one 2-core machine; 1.25 s and 1.03 s on a
    /// quicker one, where five rounds gave 1.01 s. Each round adds about 0.3 s of untimed
    /// warm-up; the event loop gained nothing from more rounds.
    private static final int VIRTUAL_ROUNDS = 3;

    private final AtomicBoolean computeDone = new AtomicBoolean();
    private final AtomicBoolean httpDone = new AtomicBoolean();
    private final AtomicBoolean eventLoopDone = new AtomicBoolean();
    private final AtomicBoolean virtualDone = new AtomicBoolean();

    /// Warms the sum of squares' kernel on every core, then the interpreter's compute path with
    /// both computations (the sums and fib).
    void compute(Http http, RunControl control) throws InterruptedException {
        once(computeDone, control, () -> {
            int threads = Runtime.getRuntime().availableProcessors();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("warmup-" + t).start(() -> {
                    try {
                        for (int r = 0; r < SUM_ROUNDS; r++) Kernels.sumOfSquaresOnto(NEAR_2_64, SUM_N, control::checkpoint);
                    } catch (RuntimeException stopped) {
                        // a stop during warm-up: leave it unfinished
                    }
                }));
            }
            for (Thread worker : workers) worker.join();
            List<TaskPlan> plans = new SumOfSquares(4, 20_000).plan(List.of());
            new SyncModel().run(throwaway(plans, http, control));
            new SyncModel().run(throwaway(new Fibonacci(FIB_ROUNDS, FIB_N).plan(List.of()), http, control));
        });
    }

    /// Warms the HTTP client, the page parser and the demo sites with latency-free requests run
    /// through the real interpreter on a small pool.
    void http(Http http, List<URI> demoPages, RunControl control) throws InterruptedException {
        if (demoPages.isEmpty()) return;
        once(httpDone, control, () ->
                new ThreadPoolModel(4).run(throwaway(instantPlans(demoPages, FETCHES), http, control)));
    }

    /// Warms the blocking client on virtual threads as the event loop's is warmed: a thousand
    /// requests in flight, so a timed run does not pay for compiling that path or for opening a
    /// thousand connections (measured: 1.96 s for the first 5,000 requests, 1.27 s after), in
    /// [#VIRTUAL_ROUNDS] rounds.
    void virtualThreads(Http http, List<URI> demoPages, RunControl control) throws InterruptedException {
        if (demoPages.isEmpty()) return;
        once(virtualDone, control, () -> {
            for (int r = 0; r < VIRTUAL_ROUNDS && !control.cancelled(); r++) {
                new VirtualThreadModel(LOOP_CONNECTIONS, null).run(throwaway(instantPlans(demoPages, LOOP_FETCHES), http, control));
            }
        });
    }

    /// Warms the event loop's client, its loop and the page parser with latency-free requests,
    /// leaving up to a thousand connections open in the client's pool.
    void eventLoop(AsyncHttp http, List<URI> demoPages, RunControl control) throws InterruptedException {
        if (demoPages.isEmpty()) return;
        once(eventLoopDone, control, () -> new EventLoopModel(LOOP_CONNECTIONS, http)
                .run(throwaway(instantPlans(demoPages, LOOP_FETCHES), null, control)));
    }

    /// One part of the warm-up.
    @FunctionalInterface
    private interface Part {
        void run() throws InterruptedException;
    }

    /// Runs `part` unless it already ran to the end in this process; the first caller does it,
    /// the others wait for it. A part stopped midway counts as not done.
    ///
    /// The part's garbage is collected before the timed run starts: a thousand requests' worth
    /// nearly fills the young generation, so the timed run's first collection came in its
    /// middle, with a thousand pages in flight to copy (measured: a 106 ms pause in a fresh
    /// 5,000-page run on the event loop). The run still pays for the collections of what it
    /// allocates itself.
    private static void once(AtomicBoolean done, RunControl control, Part part) throws InterruptedException {
        if (done.get()) return;
        synchronized (done) {
            if (done.get()) return;
            part.run();
            // a stopped warm-up ends at once: the stop is not kept waiting for a collection
            if (control.cancelled()) return;
            done.set(true);
            System.gc();
        }
    }

    /// `count` downloads of the demo pages with no latency.
    private static List<TaskPlan> instantPlans(List<URI> demoPages, int count) {
        List<URI> instant = demoPages.stream().map(page -> URI.create(page + "?latency=0")).toList();
        return new DownloadSites(count, instant).plan(List.of());
    }

    private static RunContext throwaway(List<TaskPlan> plans, Http http, RunControl control) {
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), control, http, new Outcomes(plans.size()));
    }
}
