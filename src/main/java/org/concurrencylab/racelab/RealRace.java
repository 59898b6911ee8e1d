package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/// The race for real: platform threads on an [ExecutorService] increment one shared counter,
/// and every increment records what it read, what it wrote, and the clock around the read and
/// around the write, into arrays allocated before the start (the hot path takes no lock and
/// allocates nothing). [#detect] finds the real lost updates in the records; [Reenactment]
/// turns the first into a program and a schedule of the step engine, so the learner can step
/// through what the CPU really did.
///
/// Thread-safety: stateless; each run uses its own counter and threads.
public final class RealRace {

    /// How the threads increment the counter.
    public enum Mode {
        /// A read of a volatile field, then a write: updates can be lost.
        UNSAFE,
        /// The read and the write inside one `synchronized` block.
        SYNCHRONIZED,
        /// `AtomicInteger.incrementAndGet`.
        ATOMIC
    }

    private RealRace() {}

    /// The counter of one run.
    ///
    /// Thread-safety: that is the lesson; `unsafe` is volatile, so each read and write goes to
    /// memory where it stands in the code, yet two threads can read the same value.
    private static final class Counter {
        volatile int unsafe;
        int locked;
        final AtomicInteger atomic = new AtomicInteger();
    }

    /// One thread's records, allocated before the run; only that thread writes them.
    private record Log(int[] read, long[] readStart, long[] readEnd, long[] writeStart, long[] writeEnd) {
        Log(int increments) {
            this(new int[increments], new long[increments], new long[increments], new long[increments], new long[increments]);
        }

        /// Keeps what increment `i` read and when it read and wrote, after the fact.
        void note(int i, int seen, long readStart, long readEnd, long writeStart, long writeEnd) {
            read[i] = seen;
            this.readStart[i] = readStart;
            this.readEnd[i] = readEnd;
            this.writeStart[i] = writeStart;
            this.writeEnd[i] = writeEnd;
        }
    }

    /// Runs `threads` platform threads, released together, each incrementing the counter
    /// `increments` times the way `mode` says.
    public static RealRun run(Mode mode, int threads, int increments) throws InterruptedException {
        if (threads < 1 || threads > Machine.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + Machine.MAX_THREADS + ", was " + threads);
        }
        if (increments < 1) throw new IllegalArgumentException("increments must be >= 1, was " + increments);
        Counter counter = new Counter();
        Log[] logs = new Log[threads];
        for (int t = 0; t < threads; t++) logs[t] = new Log(increments);
        // a spinning start: each thread counts itself in and spins until all are in, so they leave
        // within nanoseconds of each other (a blocking barrier wakes the waiters one by one, tens
        // of microseconds apart: as long as a thread's thousand increments take)
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger names = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "race-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Log log = logs[t];
                done.add(pool.submit(() -> {
                    arrived.incrementAndGet();
                    while (arrived.get() < threads) Thread.onSpinWait();
                    increment(mode, counter, log);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a racing thread failed", e.getCause());
                }
            }
        }
        int finalCount = switch (mode) {
            case UNSAFE -> counter.unsafe;
            case SYNCHRONIZED -> {
                synchronized (counter) {
                    yield counter.locked;
                }
            }
            case ATOMIC -> counter.atomic.get();
        };
        List<RealRecord> records = new ArrayList<>(threads * increments);
        for (int t = 0; t < threads; t++) {
            Log log = logs[t];
            for (int i = 0; i < increments; i++) {
                records.add(new RealRecord(t, i, log.read[i], log.read[i] + 1, log.readStart[i], log.readEnd[i], log.writeStart[i],
                        log.writeEnd[i]));
            }
        }
        return new RealRun(mode, threads, increments, finalCount, records);
    }

    private static void increment(Mode mode, Counter counter, Log log) {
        int n = log.read.length;
        switch (mode) {
            case UNSAFE -> {
                for (int i = 0; i < n; i++) {
                    long readStart = System.nanoTime();
                    int seen = counter.unsafe;
                    long readEnd = System.nanoTime();
                    int next = seen + 1;
                    long writeStart = System.nanoTime();
                    counter.unsafe = next;
                    long writeEnd = System.nanoTime();
                    log.note(i, seen, readStart, readEnd, writeStart, writeEnd);
                }
            }
            case SYNCHRONIZED -> {
                for (int i = 0; i < n; i++) {
                    synchronized (counter) {
                        long readStart = System.nanoTime();
                        int seen = counter.locked;
                        long readEnd = System.nanoTime();
                        int next = seen + 1;
                        long writeStart = System.nanoTime();
                        counter.locked = next;
                        long writeEnd = System.nanoTime();
                        log.note(i, seen, readStart, readEnd, writeStart, writeEnd);
                    }
                }
            }
            case ATOMIC -> {
                for (int i = 0; i < n; i++) {
                    long before = System.nanoTime();
                    int next = counter.atomic.incrementAndGet();
                    long after = System.nanoTime();
                    log.note(i, next - 1, before, after, after, after);
                }
            }
        }
    }

    /// The lost updates in `records`: every increment that wrote a value another increment had
    /// written before it (by the clock before the write) is one, paired with the write before it
    /// of that value. The count needs no clock: it is the number of writes minus the number of
    /// distinct values written; only the pairing uses the clock.
    public static RealDetection detect(List<RealRecord> records) {
        Map<Integer, List<RealRecord>> byValue = new TreeMap<>();
        int max = 0;
        for (RealRecord r : records) {
            byValue.computeIfAbsent(r.written(), v -> new ArrayList<>()).add(r);
            max = Math.max(max, r.written());
        }
        Comparator<RealRecord> byWrite = Comparator.comparingLong(RealRecord::writeStart).thenComparingInt(RealRecord::thread)
                .thenComparingInt(RealRecord::index);
        List<RealLostUpdate> lost = new ArrayList<>();
        for (List<RealRecord> same : byValue.values()) {
            same.sort(byWrite);
            for (int i = 1; i < same.size(); i++) lost.add(new RealLostUpdate(same.get(i - 1), same.get(i)));
        }
        lost.sort(Comparator.comparing(RealLostUpdate::later, byWrite));
        return new RealDetection(records.size(), byValue.size(), max, lost);
    }

    /// In how many of `runs` unsafe runs of 2 threads × `increments` at least one update was lost.
    public static int losingRuns(int runs, int increments) throws InterruptedException {
        int losing = 0;
        for (int i = 0; i < runs; i++) if (run(Mode.UNSAFE, 2, increments).detect().lostUpdates() > 0) losing++;
        return losing;
    }

    /// Prints in how many of 20 real unsafe runs of 2 threads × 1,000 increments an update was
    /// lost, on this machine.
    public static void main(String[] args) throws InterruptedException {
        int runs = 20;
        System.out.println(losingRuns(runs, 1_000) + " of " + runs + " real unsafe runs of 2 threads x 1000 increments lost an update");
    }
}
