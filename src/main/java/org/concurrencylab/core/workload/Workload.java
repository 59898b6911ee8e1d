package org.concurrencylab.core.workload;

import java.net.URI;
import java.util.List;

/// A job to be done, turned into task plans. Workloads are data; models interpret their plans.
public sealed interface Workload permits DownloadSites, SumOfSquares, Fibonacci, RaceCondition, MixedWork {

    /// Short id used on the command line and in files: `download`, `cpu`, `fib`.
    String id();

    /// Human title, e.g. "Download sites".
    String title();

    /// Whether the work waits mostly on I/O (network) or on the CPU.
    Nature nature();

    /// The task plans. `demoPages` are the embedded demo sites' page URLs, used when the
    /// workload has no URLs of its own (empty when the demo sites were not started).
    List<TaskPlan> plan(List<URI> demoPages);

    /// Whether [#plan] needs the embedded demo sites running.
    boolean needsDemoSites();

    enum Nature { IO_BOUND, CPU_BOUND }
}
