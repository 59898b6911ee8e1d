package org.concurrencylab.core.model;

import java.time.Duration;

/// Makes the models of one kind whose workers may outlive a run: the process pool can keep its
/// worker processes between runs. The engine finds the implementation with `ServiceLoader`, so core does
/// not depend on the package that provides it (the process pool lives in `worker`).
///
/// Thread-safety: implementations are thread-safe.
public interface PooledModels extends AutoCloseable {
    /// The kind of model this makes.
    ModelKind kind();

    /// A model for one run with `workers` workers. With `keepWarm` it reuses the workers of
    /// earlier runs and leaves its own for later ones; without, it starts its workers inside
    /// the run and stops them at its end.
    ConcurrencyModel create(int workers, boolean keepWarm);

    /// Readies, ahead of any run, what makes this kind's workers start fast (the process pool
    /// records the JDK's AOT cache for its processes, which it otherwise does in the background
    /// while runs go on), waiting up to `budget`. True if it is ready; false if there is nothing
    /// to ready here (a development build's class folders cannot be cached), it failed, or the
    /// budget ran out.
    default boolean prepareStartUp(Duration budget) throws InterruptedException {
        return false;
    }

    /// Releases what the models kept (stops the worker processes).
    @Override
    void close();
}
