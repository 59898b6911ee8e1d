package org.concurrencylab.teach;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.run.RunSpec;

/// Lesson specs shrunk for tests: the same workload, model, workers, GIL and counter mode, with
/// few tasks, a short latency and no warm-up, so every step of every lesson runs in seconds.
public final class SmallLessons {
    private SmallLessons() {}

    public static RunSpec small(RunSpec spec) {
        RunSpec s = spec.withWarmup(false);
        return switch (spec.workload()) {
            case DOWNLOAD, MIXED -> s.withTasks(Math.min(spec.tasks(), 6)).with(RunParams.LATENCY_MS, 5).with(RunParams.CPU_MS, Math.min(spec.cpuMs(), 3));
            case CPU -> s.withTasks(Math.min(spec.tasks(), 4)).with(RunParams.BASE, 20_000);
            case FIB -> s.withTasks(Math.min(spec.tasks(), 4)).with(RunParams.FIB_N, 20);
            case RACE -> s.withTasks(200).with(RunParams.INCREMENTS, 20);
        };
    }
}
