package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.run.RunSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// The parameter a sweep varies, by its command-line name.
public enum SweepParam {
    /// Threads of a pool or processes of a process pool.
    WORKERS("workers", "workers"),
    /// The demo sites' latency per request, in ms.
    LATENCY("latency", "latency (ms)"),
    /// Pages, numbers or race tasks.
    TASKS("tasks", "tasks"),
    /// The GIL's switch interval, in ms (the sweep turns the GIL on).
    SWITCH_MS("switch-ms", "GIL switch interval (ms)");

    private final String id;
    private final String axisLabel;

    SweepParam(String id, String axisLabel) {
        this.id = id;
        this.axisLabel = axisLabel;
    }

    public String id() {
        return id;
    }

    /// The name of the chart's horizontal axis.
    public String axisLabel() {
        return axisLabel;
    }

    public static Optional<SweepParam> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id)).findFirst();
    }

    /// Throws an [IllegalArgumentException] that says why this parameter cannot be varied for
    /// `base` (a model without a pool size, a workload without latency…).
    public void checkApplies(RunSpec base) {
        switch (this) {
            case WORKERS -> {
                if (!base.model().hasWorkers()) {
                    throw new IllegalArgumentException("workers can be varied for the thread or process pool, not for "
                            + base.model().id());
                }
            }
            case LATENCY -> {
                if (!base.workload().downloads()) {
                    throw new IllegalArgumentException("latency applies to the download and mixed workloads, not "
                            + base.workload().id());
                }
                if (!base.urls().isEmpty()) throw new IllegalArgumentException("latency applies to the demo sites, not to your own URLs");
            }
            case TASKS -> { }
            case SWITCH_MS -> {
                if (!base.model().supportsGil()) {
                    throw new IllegalArgumentException("the GIL's switch interval applies to threads or virtual threads, not "
                            + base.model().id());
                }
            }
        }
    }

    /// `base` with this parameter set to `value` (the GIL on for a switch interval); throws an
    /// [IllegalArgumentException] naming the parameter when the value is out of range.
    public RunSpec apply(RunSpec base, int value) {
        checkApplies(base);
        try {
            return switch (this) {
                case WORKERS -> base.withWorkers(value);
                case LATENCY -> base.with(RunParams.LATENCY_MS, value);
                case TASKS -> base.withTasks(value);
                case SWITCH_MS -> base.withGil(true).with(RunParams.SWITCH_MS, value);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + " = " + value + ": " + e.getMessage(), e);
        }
    }

    /// The value `spec` has for this parameter.
    public int valueOf(RunSpec spec) {
        return switch (this) {
            case WORKERS -> spec.workers();
            case LATENCY -> spec.latencyMs();
            case TASKS -> spec.tasks();
            case SWITCH_MS -> spec.switchMs();
        };
    }

    /// Whether the values are best spread and drawn on a logarithmic scale.
    public boolean logScale() {
        return this == WORKERS || this == TASKS;
    }

    /// Values to try when the user gives none: workers 1–64 on a log scale, and so on.
    public List<Integer> defaultValues(RunSpec base) {
        return switch (this) {
            case WORKERS -> Sweep.logValues(1, 64, 9);
            case LATENCY -> List.of(0, 10, 25, 50, 100, 200);
            case TASKS -> Sweep.logValues(Math.max(1, base.tasks() / 8), Math.max(2, base.tasks()), 7);
            case SWITCH_MS -> List.of(1, 2, 5, 10, 20, 50);
        };
    }
}
