package org.concurrencylab.core.run;

import org.concurrencylab.core.model.Outcomes;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.concurrent.CompletableFuture;

/// A run in progress: its live trace and progress, a way to stop it, and its result to come.
///
/// Thread-safety: thread-safe; meant to be polled from the UI thread while the run goes on.
public final class RunHandle {
    private final RunSpec spec;
    private final RunControl control = new RunControl();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile RunPhase phase = RunPhase.PREPARING;
    private volatile TraceRecorder trace;
    private volatile Outcomes outcomes;
    private volatile SystemSampler sampler;

    private final boolean recording;

    RunHandle(RunSpec spec, boolean recording) {
        this.spec = spec;
        this.recording = recording;
    }

    /// Whether the run's trace is kept (false only when measuring what recording costs).
    public boolean recording() {
        return recording;
    }

    public RunSpec spec() {
        return spec;
    }

    public RunPhase phase() {
        return phase;
    }

    /// The live trace, or null before the timed run starts (while preparing or warming up).
    public TraceRecorder trace() {
        return trace;
    }

    /// Tasks finished so far (successfully or not).
    public int done() {
        Outcomes o = outcomes;
        return o == null ? 0 : o.done();
    }

    public int errors() {
        Outcomes o = outcomes;
        return o == null ? 0 : o.errors();
    }

    public int total() {
        Outcomes o = outcomes;
        return o == null ? spec.tasks() : o.total();
    }

    /// Stops the run: every worker ends within 500 ms; the result then says `cancelled`.
    public void cancel() {
        control.cancel();
    }

    public boolean cancelRequested() {
        return control.cancelled();
    }

    /// Completes with the run's result (also for a stopped run), or exceptionally if the run
    /// could not be done at all.
    public CompletableFuture<RunResult> result() {
        return result;
    }

    RunControl control() {
        return control;
    }

    void phase(RunPhase newPhase) {
        this.phase = newPhase;
    }

    void started(TraceRecorder recorder, Outcomes taskOutcomes, SystemSampler systemSampler) {
        this.outcomes = taskOutcomes;
        this.sampler = systemSampler;
        this.trace = recorder;
    }

    /// The latest reading of threads, processes, CPU and heap, or null before the timed run.
    public SystemSample system() {
        SystemSampler s = sampler;
        return s == null ? null : s.latest();
    }
}
