package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ModelTraits.InFlight;
import org.concurrencylab.core.model.ModelTraits.Parallel;
import org.concurrencylab.core.run.WorkloadKind;

/// The sentences beside the lab's form: what the workload chosen is, and what the model chosen
/// does with it.
public final class FormTexts {
    private FormTexts() {}

    /// The workload in two sentences, with the colours it shows.
    public static String workload(WorkloadKind workload) {
        return switch (workload) {
            case DOWNLOAD -> "I/O-bound: each task downloads a page, then parses it a little. Workers spend most "
                    + "of their time waiting for the network (red), very little running code (blue).";
            case CPU -> "CPU-bound: each task sums the squares of all numbers below n, exactly, with big integers "
                    + "as Python does. Workers compute the whole time (blue).";
            case FIB -> "CPU-bound, the example of the article's 2024 edition: each task computes fib(n) by the naive "
                    + "recursion, millions of plain function calls. Workers compute the whole time (blue).";
            case RACE -> "Every task adds one to a shared counter, many times. Done unsafely (read, then write), "
                    + "threads running at once lose updates; a lock or an atomic counter loses none.";
            case MIXED -> "Each task downloads a page (red), then parses it heavily (blue): a mix of waiting and "
                    + "computing. Under an event loop the heavy parse blocks every other task.";
        };
    }

    /// What `model` does for `workload` as the article's own Python program runs it under CPython.
    public static String cpythonModel(ModelKind model, WorkloadKind workload) {
        String text = "The article's own Python program runs this under CPython, on the same "
                + workload.taskNoun() + ", drawn on the same time axis.";
        if (workload.computes() && model == ModelKind.THREADS) {
            text += " Its GIL is real: only one thread runs Python code at a time, so this CPU-bound job gets no "
                    + "faster than the synchronous loop (amber: waiting for the GIL, measured from each thread's clock).";
        } else if (workload.computes() && model == ModelKind.PROCESSES) {
            text += " Each process has its own interpreter and its own GIL, so the processes compute side by side.";
        }
        return text;
    }

    /// What `model` does, and what it means for `workload` (with the GIL on or off).
    public static String model(ModelKind model, WorkloadKind workload, boolean gil) {
        String text = model.summary();
        boolean cpuBound = workload.computes();
        if (cpuBound && model.supportsGil()) {
            text += gil
                    ? " The GIL is on: only one thread runs code at a time, as in CPython, so this CPU-bound job "
                    + "gets no faster than the synchronous loop (amber: waiting for the GIL)."
                    : " Java threads run in parallel on CPU work, so this CPU-bound job gets faster with more "
                    + "threads (up to the number of cores), unlike in CPython, where the GIL lets only one thread "
                    + "run Python code at a time. Tick GIL to see the article's result.";
        }
        if (model.traits().parallel() == Parallel.ONE
                && model.traits().inFlight() != InFlight.ONE
                && (cpuBound || workload == WorkloadKind.MIXED)) {
            text += " A computation runs on the loop's one thread and blocks every other task until it ends.";
        }
        return text;
    }
}
