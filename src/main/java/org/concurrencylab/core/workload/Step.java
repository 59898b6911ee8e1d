package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.Objects;

/// One step of a task plan. Steps are plain data, so every model can interpret them, including
/// a child process that receives them as text.
public sealed interface Step {

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
        }
    }

    /// Sleeps `millis` (a wait that is neither CPU nor network: drawn as I/O wait).
    record Sleep(long millis) implements Step {
        public Sleep {
            if (millis < 0) throw new IllegalArgumentException("millis must be >= 0: " + millis);
        }
    }

    /// The kinds of computation a [Compute] step can do.
    enum ComputeKind {
        /// `sum(i * i for i in range(n))`, exactly, with big integers.
        SUM_OF_SQUARES
    }
}
