package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.Http;

import java.util.List;

/// Everything a model needs to run one run's tasks.
///
/// @param plans    the tasks, in submission order
/// @param recorder where workers write down their states
/// @param control  the stop flag and what a stop must interrupt
/// @param http     the shared HTTP client of the blocking models
/// @param outcomes where each task's outcome goes
/// @param counter  the counter the race workload's tasks share
/// @param facts    what the model reports beyond the trace
public record RunContext(List<TaskPlan> plans, TraceRecorder recorder, RunControl control, Http http, Outcomes outcomes,
                         SharedCounter counter, ModelFacts facts) {
    public RunContext {
        plans = List.copyOf(plans);
    }

    /// A context with a fresh shared counter and facts.
    public RunContext(List<TaskPlan> plans, TraceRecorder recorder, RunControl control, Http http, Outcomes outcomes) {
        this(plans, recorder, control, http, outcomes, new SharedCounter(), new ModelFacts());
    }
}
