package org.concurrencylab.racelab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// One thread at one moment.
///
/// @param name      how the lab names it: "thread 1", "task 2"
/// @param pc        the index of its next instruction; the program's size once it is done
/// @param status    whether it can run, waits for a lock, or is done
/// @param registers its registers, in the order its program first uses them
/// @param waitsFor  the lock it waits for when [ThreadStatus#LOCK_WAIT], else null
public record ThreadState(String name, int pc, ThreadStatus status, List<Register> registers, String waitsFor) {
    public ThreadState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        registers = List.copyOf(registers);
        if (pc < 0) throw new IllegalArgumentException("pc must be >= 0, was " + pc);
        if ((status == ThreadStatus.LOCK_WAIT) != (waitsFor != null)) {
            throw new IllegalArgumentException("a thread names the lock it waits for exactly when it waits for one");
        }
    }

    /// The register called `name`, if the program uses one.
    public Optional<Register> register(String name) {
        return registers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public boolean done() {
        return status == ThreadStatus.DONE;
    }
}
