package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.LaneKind;

import java.util.Set;
import java.util.function.IntSupplier;

/// What the rest of the lab needs to know about a model, declared once on its [ModelKind] so
/// that no code outside this package switches on the kind: how its workers are counted and named,
/// whether the simulated GIL and a connection limit apply, how many requests it has in flight and
/// how many tasks it computes at once, how the engine warms it and makes it, and the lanes it draws.
///
/// @param workers        how many workers it has: a fixed count, or a count the user chooses
/// @param gil            whether the simulated GIL ("Python mode") applies
/// @param connectionLimit whether a limit of requests in flight applies (the event loop and
///                       virtual threads start every task at once)
/// @param inFlight       how many requests it has in flight at once
/// @param parallel       how many tasks can compute at once
/// @param warmup         which code paths the engine warms before a download run
/// @param warmsItself    whether its workers warm themselves for CPU work (worker processes:
///                       warming this JVM would not help them)
/// @param pooled         whether its models are made by a [PooledModels] found with
///                       `ServiceLoader` (their workers outlive a run)
/// @param phrase         how a sentence names it: "the thread pool", "processes"
/// @param plural         whether [#phrase] takes a plural verb
/// @param laneKinds      the kinds of lane its runs draw
/// @param pythonTwin     whether the article has a Python program of it that the lab runs under
///                       CPython (Python has no virtual threads: their program is shown, not run)
public record ModelTraits(Workers workers, boolean gil, boolean connectionLimit, InFlight inFlight, Parallel parallel,
                          Warmup warmup, boolean warmsItself, boolean pooled, String phrase, boolean plural,
                          Set<LaneKind> laneKinds, boolean pythonTwin) {
    public ModelTraits {
        laneKinds = Set.copyOf(laneKinds);
    }

    /// How a model's workers are counted.
    public sealed interface Workers {
        /// The fewest workers.
        default int min() {
            return 1;
        }

        int max();

        int defaultCount();

        /// Whether the user chooses the count.
        boolean chosen();

        /// The workers in words, singular or plural: "thread", "processes".
        String noun(int count);
    }

    /// A model that always has `count` workers, named `singular`.
    public record Fixed(int count, String singular) implements Workers {
        @Override public int max() { return count; }

        @Override public int defaultCount() { return count; }

        @Override public boolean chosen() { return false; }

        @Override public String noun(int n) { return singular; }
    }

    /// A model whose worker count the user chooses, from 1 to `max`.
    ///
    /// @param singular     "thread", "process"
    /// @param plural       "threads", "processes"
    /// @param setting      the name its count is remembered by between launches
    /// @param defaults     the count when the user has chosen none
    /// @param max          the most workers a run may have
    public record Chosen(String singular, String plural, String setting, IntSupplier defaults, int max) implements Workers {
        @Override public int defaultCount() { return Math.min(defaults.getAsInt(), max); }

        @Override public boolean chosen() { return true; }

        @Override public String noun(int n) { return n == 1 ? singular : plural; }
    }

    /// Requests in flight at once.
    public enum InFlight {
        /// One at a time.
        ONE,
        /// One per worker.
        WORKERS,
        /// Up to the connection limit.
        CONNECTIONS;

        public int of(int workers, int maxConnections) {
            return switch (this) {
                case ONE -> 1;
                case WORKERS -> workers;
                case CONNECTIONS -> maxConnections;
            };
        }
    }

    /// Tasks computing at once.
    public enum Parallel {
        /// One thread runs all code.
        ONE,
        /// One per worker, at most one per core.
        WORKERS,
        /// One per core (virtual threads' carriers).
        CORES;

        /// How many compute at once with `workers` workers on `cores` cores; one while the GIL is on.
        public int of(int workers, int cores, boolean gilOn) {
            if (gilOn) return 1;
            return switch (this) {
                case ONE -> 1;
                case WORKERS -> Math.min(workers, cores);
                case CORES -> cores;
            };
        }
    }

    /// The client code path the engine warms before a timed download run.
    public enum Warmup {
        /// The blocking client on a small pool.
        BLOCKING,
        /// The blocking client on a thousand virtual threads.
        VIRTUAL_THREADS,
        /// The non-blocking client on an event loop.
        EVENT_LOOP
    }
}
