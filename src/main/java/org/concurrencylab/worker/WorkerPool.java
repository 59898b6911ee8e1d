package org.concurrencylab.worker;

import org.concurrencylab.core.model.CancelledException;
import org.concurrencylab.core.model.RunControl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/// The worker processes of the process pool, kept alive between runs while the app is open, so
/// that only a run that needs new processes pays for their start-up (as a `multiprocessing.Pool`
/// kept open would). A run leases the first N; dead, garbled or killed processes are replaced by
/// new ones at the next lease.
///
/// No child outlives the app: [#close] kills them all, a JVM shutdown hook kills any still alive,
/// and a child whose stdin ends (its parent died) exits by itself.
///
/// Thread-safety: thread-safe. One run at a time holds the lease (another waits for it); changes
/// to the slots are made under `this`, and the slot list can be read without it (the shutdown hook).
public final class WorkerPool implements AutoCloseable {
    /// The most processes a pool starts.
    public static final int MAX_WORKERS = 64;

    private final ChildJvm jvm;
    private final AotCache cache;
    private final List<WorkerProcess> slots = new CopyOnWriteArrayList<>();
    private final Set<WorkerProcess> startedWithCache = ConcurrentHashMap.newKeySet();
    private final Semaphore lease = new Semaphore(1);
    private final Thread shutdownHook;
    private boolean cacheFailed;
    private boolean closed;

    /// A pool of [WorkerMain] processes on this app's java and class path.
    public WorkerPool() {
        this(ChildJvm.ofThisApp());
    }

    /// A pool whose processes are started as `jvm` says (tests start fake workers this way).
    WorkerPool(ChildJvm jvm) {
        this.jvm = jvm;
        this.cache = AotCache.forJvm(jvm).orElse(null);
        this.shutdownHook = new Thread(this::killAll, "worker-pool-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // so that the processes' first messages are not read cold. Here, before any run's clock
        // starts, rather than beside the starting processes: it takes about 70 ms of CPU in a
        // cold JVM, which on two cores was taken from the processes' own start-up.
        Protocol.warm();
    }

    /// Starts processes so that `n` are alive, in the background: a run that comes later finds
    /// them ready and draws no start-up. Returns at once.
    public synchronized void prestart(int n) {
        if (n < 1 || n > MAX_WORKERS) throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", was " + n);
        if (closed) throw new IllegalStateException("the worker pool is closed");
        ensure(n);
    }

    /// The processes alive now.
    public synchronized List<ProcessHandle> processes() {
        return slots.stream().filter(w -> w != null && w.handle().isAlive()).map(WorkerProcess::handle).toList();
    }

    /// The exclusive use of the first `n` processes for one run; close it when the run ends.
    final class Lease implements AutoCloseable {
        private final List<WorkerProcess> workers;
        private final List<String> startErrors;
        private final boolean fresh;
        private boolean released;

        private Lease(List<WorkerProcess> workers, List<String> startErrors, boolean fresh) {
            this.workers = workers;
            this.startErrors = startErrors;
            this.fresh = fresh;
        }

        /// The process of `slot`, or null if it could not be started ([#startError] says why).
        WorkerProcess worker(int slot) {
            return workers.get(slot);
        }

        String startError(int slot) {
            return startErrors.get(slot);
        }

        int size() {
            return workers.size();
        }

        /// Kills every process of the lease (a stopped run); the next lease starts new ones.
        void killAll() {
            for (WorkerProcess worker : workers) {
                if (worker != null) worker.kill();
            }
        }

        @Override
        public void close() {
            synchronized (WorkerPool.this) {
                if (released) return;
                released = true;
                if (fresh) stopAll();
            }
            lease.release();
        }
    }

    /// Waits for the pool (another run may hold it), then leases its first `n` processes,
    /// starting those missing. Throws [CancelledException] if the run is stopped while waiting.
    Lease lease(int n, RunControl control) throws InterruptedException {
        return lease(n, control, false);
    }

    /// As [#lease(int, RunControl)]; `fresh` stops every process first, so the lease starts new
    /// ones, and stops them again as it is closed (a pool started inside the run).
    Lease lease(int n, RunControl control, boolean fresh) throws InterruptedException {
        if (n < 1 || n > MAX_WORKERS) throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", was " + n);
        while (!lease.tryAcquire(20, TimeUnit.MILLISECONDS)) control.checkpoint();
        try {
            synchronized (this) {
                if (closed) throw new IllegalStateException("the worker pool is closed");
                if (fresh) stopAll();
                List<String> errors = ensure(n);
                return new Lease(Collections.unmodifiableList(new ArrayList<>(slots.subList(0, n))), errors, fresh);
            }
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    /// Makes the first `n` slots hold usable processes; returns the start errors by slot (null
    /// where the process is fine). Processes beyond `n` stay for a later run with more, up to one
    /// per CPU (or `n`, if more): idle ones cost memory, not time.
    private List<String> ensure(int n) {
        List<String> errors = new ArrayList<>(Collections.nCopies(n, null));
        int keep = Math.max(n, Runtime.getRuntime().availableProcessors());
        while (slots.size() > keep) {
            WorkerProcess extra = slots.removeLast();
            if (extra != null) extra.kill();
        }
        for (int slot = 0; slot < n; slot++) {
            WorkerProcess worker = slot < slots.size() ? slots.get(slot) : null;
            if (worker != null && worker.usable()) continue;
            if (worker != null) retire(worker);
            WorkerProcess fresh = null;
            try {
                fresh = start(slot);
            } catch (IOException e) {
                errors.set(slot, "could not start a worker process: " + e.getMessage());
            }
            if (slot < slots.size()) slots.set(slot, fresh);
            else slots.add(fresh);
        }
        return errors;
    }

    private WorkerProcess start(int slot) throws IOException {
        ChildJvm child = jvm;
        boolean withCache = false;
        if (cache != null && !cacheFailed) {
            List<String> options = cache.options();
            withCache = !options.isEmpty();
            child = jvm.withOptions(options);
            if (!withCache) cache.trainIfMissing(jvm);
        }
        WorkerProcess worker = WorkerProcess.start(child, slot);
        if (withCache) startedWithCache.add(worker);
        return worker;
    }

    /// Records the AOT cache now if there is none, waiting up to `millis` for it; true if the
    /// processes started from now on map it.
    boolean prepareCache(long millis) throws InterruptedException {
        if (cache == null) return false;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the worker pool is closed");
            if (cacheFailed) return false;
        }
        return cache.trainAndWait(jvm, millis);
    }

    /// Drops a process that cannot be reused; one that died while starting on the AOT cache
    /// takes the cache with it, so the next ones start without it.
    private void retire(WorkerProcess worker) {
        worker.kill();
        if (startedWithCache.remove(worker) && !worker.started() && !worker.killed() && cache != null) {
            cacheFailed = true;
            cache.discard();
        }
    }

    /// Kills every process and any cache training run; the pool cannot be used afterwards.
    @Override
    public void close() {
        killAll();
        synchronized (this) {
            closed = true;
            slots.clear();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills the same processes
        }
    }

    /// Stops every process; the next lease starts new ones. Called with the pool's lock held.
    private void stopAll() {
        for (WorkerProcess worker : slots) {
            if (worker != null) worker.kill();
        }
        slots.clear();
    }

    /// Kills without taking the pool's lock: also runs from the shutdown hook.
    private void killAll() {
        for (WorkerProcess worker : slots) {
            if (worker != null) worker.kill();
        }
        if (cache != null) cache.stopTraining();
    }

    /// Waits up to `millis` until the first `n` processes have started (tests use it to begin a
    /// run with every process ready); true if they have.
    boolean awaitStarted(int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            List<WorkerProcess> now = List.copyOf(slots);
            if (now.size() >= n && now.subList(0, n).stream().allMatch(w -> w != null && w.started() && w.usable())) return true;
            if (System.nanoTime() >= deadline) return false;
            Thread.sleep(10);
        }
    }

    Optional<AotCache> cache() {
        return Optional.ofNullable(cache);
    }
}
