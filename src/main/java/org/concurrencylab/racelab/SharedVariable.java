package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// A variable all threads share, with every write it has had.
///
/// @param name   the variable
/// @param value  its value now
/// @param writes every write so far, oldest first: `writes.size()` is the variable's version,
///               which a [Read] remembers
public record SharedVariable(String name, int value, List<Write> writes) {
    public SharedVariable {
        Objects.requireNonNull(name, "name");
        writes = List.copyOf(writes);
    }

    /// One write.
    ///
    /// @param thread the thread that wrote
    /// @param value  the value written
    /// @param base   the version the value was computed from (a read of this variable, or the
    ///               value a compare-and-set found), or -1 when it was computed from no read of it
    public record Write(int thread, int value, int base) {}

    /// How many writes the variable has had.
    public int version() {
        return writes.size();
    }

    /// The thread that wrote it last, or -1 while it holds its starting value.
    public int lastWriter() {
        return writes.isEmpty() ? -1 : writes.getLast().thread();
    }

    /// The thread of every write, oldest first.
    public List<Integer> writers() {
        return writes.stream().map(Write::thread).toList();
    }

    /// The writes the value as of `version` still reflects, newest first: the write of that
    /// version, the write its value was computed from, and so on back to the start. A write
    /// missing from the chain was overwritten by a store computed from an older value: its
    /// update is lost.
    public List<Integer> chain(int version) {
        List<Integer> chain = new ArrayList<>();
        for (int v = version; v > 0; v = writes.get(v - 1).base()) chain.add(v);
        return chain;
    }
}
