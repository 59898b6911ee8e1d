package org.concurrencylab.core.run;

import org.concurrencylab.core.trace.RunClock;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/// Reads threads, child processes, CPU and heap a few times a second while a run goes on, on a
/// virtual thread (so it adds no platform thread to what it counts).
///
/// Thread-safety: thread-safe; one sampling thread writes, any thread reads.
final class SystemSampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 200;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final RunClock clock;
    private final List<SystemSample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile SystemSample latest;
    private volatile boolean stopped;

    /// Starts sampling on `clock`, which starts at `first` (taken by [#first] before it, as the
    /// first look at the process list is slow: about 9 ms, which would count in a run's time).
    SystemSampler(RunClock clock, SystemSample first) {
        this.clock = clock;
        this.latest = first;
        samples.add(first);
        this.thread = Thread.ofVirtual().name("system-sampler").start(this::loop);
    }

    private void loop() {
        long lastCpu = RunEngine.processCpuNanos();
        long lastAt = clock.now();
        while (!stopped) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long cpu = RunEngine.processCpuNanos();
            long at = clock.now();
            SystemSample s = sample(at == lastAt ? 0 : 100.0 * (cpu - lastCpu) / (at - lastAt), at);
            lastCpu = cpu;
            lastAt = at;
            synchronized (samples) {
                samples.add(s);
            }
            latest = s;
        }
    }

    /// The sample at the start of a run, time 0 on its clock: to be taken before the clock starts.
    static SystemSample first() {
        return sample(0, 0);
    }

    private static SystemSample sample(double cpuPercent, long at) {
        int children = (int) ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        return new SystemSample(at, THREADS.getThreadCount(), children, Math.max(0, cpuPercent),
                MEMORY.getHeapMemoryUsage().getUsed());
    }

    SystemSample latest() {
        return latest;
    }

    List<SystemSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
