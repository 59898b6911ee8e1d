package org.concurrencylab.cli;

import org.concurrencylab.compare.SeriesRun;

import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;

/// Waits for a series of runs (`compare`, `sweep`), stopping it if the command line is
/// interrupted (Ctrl+C), so no run or worker process outlives the command.
final class SeriesWait {
    private SeriesWait() {}

    /// The series' outcome, or null after telling `err` why it failed (`what`: "the sweep").
    static SeriesRun.Outcome await(SeriesRun series, String what, PrintWriter err) throws InterruptedException {
        Thread hook = Thread.ofPlatform().unstarted(series::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return series.outcome().get();
        } catch (ExecutionException e) {
            err.println("concurrency-lab: " + what + " failed: " + Cli.oneLine(String.valueOf(e.getCause().getMessage())));
            return null;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
    }
}
