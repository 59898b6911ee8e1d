package org.concurrencylab.core.run;

/// One reading of what the run costs the machine.
///
/// @param atNanos         run time of the reading
/// @param platformThreads live platform threads of this JVM (virtual threads are not counted:
///                        that is the point of them)
/// @param childProcesses  live child processes of this JVM
/// @param cpuPercent      this JVM's CPU use since the previous reading, 100 = one core busy
/// @param heapUsedBytes   heap in use
public record SystemSample(long atNanos, int platformThreads, int childProcesses, double cpuPercent, long heapUsedBytes) {}
