package org.concurrencylab.racelab;

import java.util.Arrays;
import java.util.Optional;

/// Who may take the next step.
public enum Rules {
    /// Threads: any thread that is neither done nor waiting for a lock, at any step. The
    /// operating system may switch threads between any two instructions.
    THREADS("threads"),
    /// An event loop (Python's asyncio): the task that runs keeps running until it awaits or
    /// finishes; only then may the loop run another task.
    EVENT_LOOP("event-loop");

    private final String id;

    Rules(String id) {
        this.id = id;
    }

    /// How level files name the rules: `threads` or `event-loop`.
    public String id() {
        return id;
    }

    public static Optional<Rules> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
