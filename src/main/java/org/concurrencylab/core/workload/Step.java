package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.Objects;

/// One step of a task plan. Steps are plain data, so every model can interpret them, including
/// a child process that receives them as text.
public sealed interface Step {

    /// Whether the step runs our code on the CPU (rather than waiting).
    default boolean isCpu() {
        return !(this instanceof Fetch) && !(this instanceof Sleep);
    }

    /// Downloads `uri` (I/O); the body is kept for the next [Parse].
    record Fetch(URI uri) implements Step {
        public Fetch {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /// Parses the last downloaded page `rounds` times (CPU): counts its links and words.
    record Parse(int rounds) implements Step {
        public Parse {
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1: " + rounds);
        }
    }

    /// A CPU-bound computation.
    record Compute(ComputeKind kind, long n) implements Step {
        public Compute {
            Objects.requireNonNull(kind, "kind");
            if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
            if (kind == ComputeKind.FIBONACCI && n > ComputeKind.MAX_FIB_N) {
                throw new IllegalArgumentException("fib(n) fits in a long up to n = " + ComputeKind.MAX_FIB_N + ": " + n);
            }
        }
    }

    /// Sleeps `millis` (a wait that is neither CPU nor network: drawn as I/O wait).
    record Sleep(long millis) implements Step {
        public Sleep {
            if (millis < 0) throw new IllegalArgumentException("millis must be >= 0: " + millis);
        }
    }

    /// Parses the last downloaded page over and over for `millis` ms of this thread's CPU time:
    /// a heavy parse, the task that does not cooperate.
    record Crunch(long millis) implements Step {
        public Crunch {
            if (millis < 1 || millis > 60_000) throw new IllegalArgumentException("CPU time must be between 1 and 60000 ms, was " + millis);
        }
    }

    /// Adds one to the run's shared counter `times` times, the way `mode` says.
    record Increment(int times, CounterMode mode) implements Step {
        public Increment {
            if (times < 1) throw new IllegalArgumentException("times must be >= 1: " + times);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /// How an [Increment] updates the shared counter.
    enum CounterMode {
        /// Read, then write: two threads can read the same value and one update is lost.
        UNSAFE("unsafe"),
        /// Inside a `synchronized` block: one thread at a time.
        SYNCHRONIZED("synchronized"),
        /// One atomic instruction (`AtomicLong.incrementAndGet`).
        ATOMIC("atomic");

        private final String id;

        CounterMode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /// The kinds of computation a [Compute] step can do.
    enum ComputeKind {
        /// `sum(i * i for i in range(n))`, exactly, with big integers.
        SUM_OF_SQUARES,
        /// `fib(n)`, by the naive recursive definition: `n if n < 2 else fib(n - 2) + fib(n - 1)`.
        FIBONACCI;

        /// The largest `n` whose fib(n) is a `long`.
        public static final int MAX_FIB_N = 92;
    }
}
