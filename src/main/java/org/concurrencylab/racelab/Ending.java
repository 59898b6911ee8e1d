package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// How a run ended: no thread can take another step.
public sealed interface Ending {

    /// The ending in words, for the learner.
    String text();

    /// Every thread is done.
    record Finished(String text) implements Ending {
        public Finished {
            Objects.requireNonNull(text, "text");
        }
    }

    /// Threads wait for each other in a cycle: `cycle` starts at the lowest-numbered thread of
    /// the cycle, and each link's owner is the next link's thread.
    record Deadlock(List<WaitLink> cycle, String text) implements Ending {
        public Deadlock {
            cycle = List.copyOf(cycle);
            Objects.requireNonNull(text, "text");
        }
    }

    /// Threads wait for locks that no thread will give back (a thread finished holding one), with
    /// no cycle: `waits` lists every waiting thread.
    record Stuck(List<WaitLink> waits, String text) implements Ending {
        public Stuck {
            waits = List.copyOf(waits);
            Objects.requireNonNull(text, "text");
        }
    }
}
