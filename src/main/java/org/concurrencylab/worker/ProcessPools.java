package org.concurrencylab.worker;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.PooledModels;

import java.time.Duration;

/// The process pool for the engine (found through `ServiceLoader`): one [WorkerPool], made on
/// first use and shared by every process-pool run until [#close]. A run that does not keep its
/// processes warm starts them in its lease and stops them when it ends.
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
    public synchronized ConcurrencyModel create(int workers, boolean keepWarm) {
        if (closed) throw new IllegalStateException("the process pool is closed");
        if (pool == null) pool = new WorkerPool();
        return new ProcessPoolModel(workers, pool, keepWarm);
    }

    @Override
    public boolean prepareStartUp(Duration budget) throws InterruptedException {
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
