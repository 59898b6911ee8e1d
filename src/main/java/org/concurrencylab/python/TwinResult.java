package org.concurrencylab.python;

import org.concurrencylab.core.model.TaskOutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/// How a Python twin run went.
///
/// @param failure       why the run failed (the program raised, died, hung, wrote garbage;
///                      Python was missing; the run was stopped: "cancelled"), or null if it did not
/// @param variant       which program ran: [TwinVariant#LIBRARY] (the one the Code tab shows)
///                      or [TwinVariant#STDLIB]; [TwinVariant#AUTO] if none was loaded
/// @param programFile   the file that ran, e.g. `threads_download_stdlib.py` (empty if none)
/// @param startMethod   a process pool's start method (`fork`…), or empty
/// @param outcomes      every task's outcome, in task order (tasks a stopped run did not finish
///                      are missing; after a failure, the tasks that did not finish failed with it)
/// @param mainNanos     how long the program's `main()` took, by the harness's clock (0 if it did not return)
/// @param mainEnd       when `main()` returned, on the run's clock, or empty if it did not
/// @param counter       the race's counter after `main()` (the parent's own, for processes), or empty
/// @param processCounts for a process pool's race: what each process counted on its own copy
///                      of the counter, in lane order
/// @param gil           the measured CPU steps' split into running and waiting
/// @param output        the lines the program printed
/// @param python        the interpreter, as the harness named it (`cpython 3.11.7`), or empty
public record TwinResult(String failure, TwinVariant variant, String programFile, String startMethod,
                         List<TaskOutcome> outcomes, long mainNanos, OptionalLong mainEnd, OptionalLong counter,
                         List<Long> processCounts, GilStats gil, List<String> output, String python) {
    public TwinResult {
        Objects.requireNonNull(variant, "variant");
        programFile = programFile == null ? "" : programFile;
        startMethod = startMethod == null ? "" : startMethod;
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(mainEnd, "mainEnd");
        Objects.requireNonNull(counter, "counter");
        processCounts = List.copyOf(processCounts);
        Objects.requireNonNull(gil, "gil");
        output = List.copyOf(output);
        python = python == null ? "" : python;
    }

    /// A run that failed before the program ran.
    static TwinResult failed(String failure, List<TaskOutcome> outcomes) {
        return new TwinResult(failure, TwinVariant.AUTO, "", "", outcomes, 0, OptionalLong.empty(), OptionalLong.empty(),
                List.of(), GilStats.NONE, List.of(), "");
    }

    /// Whether the program ran to the end and every task succeeded.
    public boolean ok() {
        return failure == null && outcomes.stream().allMatch(TaskOutcome::ok);
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /// Task `i`'s result text (`41666541666750000`, `48,211 bytes, 120 links, 7,300 words`…),
    /// in the words of the Java run's outcome, or
    /// empty if the task failed or is missing.
    public Optional<String> result(int task) {
        return outcomes.stream().filter(o -> o.task() == task && o.ok()).map(TaskOutcome::result).findFirst();
    }
}
