package org.concurrencylab.worker;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.PooledModels;

/// The process pool for the engine (found through `ServiceLoader`): one [WorkerPool], started
/// on first use and shared by every process-pool run until [#close].
///
/// Thread-safety: thread-safe.
public final class ProcessPools implements PooledModels {
    private WorkerPool pool;
    private boolean closed;

    @Override
    public ModelKind kind() {
        return ModelKind.PROCESSES;
    }

    @Override
    public synchronized ConcurrencyModel create(int workers) {
        if (closed) throw new IllegalStateException("the process pool is closed");
        if (pool == null) pool = new WorkerPool();
        return new ProcessPoolModel(workers, pool);
    }

    @Override
    public boolean prepareStartUp(java.time.Duration budget) throws InterruptedException {
        WorkerPool p;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the process pool is closed");
            if (pool == null) pool = new WorkerPool();
            p = pool;
        }
        return p.prepareCache(budget.toMillis());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) pool.close();
        pool = null;
    }
}
