package org.concurrencylab.racelab;

/// One increment a real thread made: what it read, what it wrote, and `System.nanoTime()`
/// just before and just after the read and the write.
///
/// @param thread     the thread, 0 for the first
/// @param index      the increment's number within its thread, 0 for the first
/// @param read       the value it read
/// @param written    the value it wrote: always `read + 1`
/// @param readStart  the clock just before the read
/// @param readEnd    the clock just after the read
/// @param writeStart the clock just before the write
/// @param writeEnd   the clock just after the write
public record RealRecord(int thread, int index, int read, int written, long readStart, long readEnd, long writeStart,
                         long writeEnd) {
    public RealRecord {
        if (thread < 0 || index < 0) throw new IllegalArgumentException("thread and index must be >= 0");
        if (written != read + 1) throw new IllegalArgumentException("an increment writes what it read plus one: read " + read
                + ", wrote " + written);
        if (readEnd < readStart || writeStart < readEnd || writeEnd < writeStart) {
            throw new IllegalArgumentException("the clock must run forward through an increment");
        }
    }
}
