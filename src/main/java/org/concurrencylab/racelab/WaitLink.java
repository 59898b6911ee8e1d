package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;

/// One thread's part in a wait: what it holds and what it waits for.
///
/// @param thread  the waiting thread
/// @param name    its name
/// @param holds   the locks it holds, in the level's order
/// @param waitsFor the lock it waits for
/// @param owner   the thread that holds that lock
public record WaitLink(int thread, String name, List<String> holds, String waitsFor, int owner) {
    public WaitLink {
        Objects.requireNonNull(name, "name");
        holds = List.copyOf(holds);
        Objects.requireNonNull(waitsFor, "waitsFor");
    }

    /// "thread 1 holds A and waits for B".
    public String text() {
        String holding = holds.isEmpty() ? "holds no lock" : "holds " + Words.and(holds);
        return name + " " + holding + " and waits for " + waitsFor;
    }

    /// The links joined: "thread 1 holds A and waits for B; thread 2 holds B and waits for A".
    public static String text(List<WaitLink> links) {
        return String.join("; ", links.stream().map(WaitLink::text).toList());
    }
}
