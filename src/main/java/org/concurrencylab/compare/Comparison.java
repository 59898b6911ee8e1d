package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/// Several finished runs side by side, with the numbers of the article's table and a verdict.
/// Immutable.
///
/// The reference is the first synchronous run that was not stopped: speed-ups are its wall time
/// over each run's, for runs doing the same work (else NaN), and CPU-bound ideals come from it.
///
/// @param rows    one per run, in the order given
/// @param verdict one sentence computed from the numbers (see [Verdict])
public record Comparison(List<Row> rows, String verdict) {
    public Comparison {
        rows = List.copyOf(rows);
    }

    /// One run's line of the table.
    ///
    /// @param label       the run's name ("threads (5) + GIL", or a name the user gave it)
    /// @param result      the run
    /// @param speedUp     reference wall / this wall (NaN without a comparable reference)
    /// @param cpuNanos    time the workers spent running code (the WORK total over all lanes)
    /// @param peakThreads most platform threads alive at once (0 if not sampled)
    /// @param idealNanos  the best time the model allows (see [Ideal]), or -1 if unknown
    /// @param efficiency  ideal / wall (NaN if unknown)
    public record Row(String label, RunResult result, double speedUp, long cpuNanos, int peakThreads,
                      long idealNanos, double efficiency) {
        public boolean hasIdeal() {
            return idealNanos >= 0;
        }

        /// Whether the run went to its end (not stopped, took some time).
        public boolean finished() {
            return !result.cancelled() && result.wallNanos() > 0;
        }

        /// How long its worker processes took to start (the end of the last STARTUP segment), 0
        /// for models without start-up.
        public long startupNanos() {
            return result.segments().stream().filter(s -> s.state() == State.STARTUP)
                    .mapToLong(s -> s.end()).max().orElse(0);
        }
    }

    /// Compares `results`, named by [Variants#label], on a machine with `cores` cores.
    public static Comparison of(List<RunResult> results, int cores) {
        return of(results, results.stream().map(r -> Variants.label(r.spec())).toList(), cores);
    }

    /// Compares `results`, with `labels` as their names (one per result).
    public static Comparison of(List<RunResult> results, List<String> labels, int cores) {
        if (labels.size() != results.size()) throw new IllegalArgumentException("one label per result");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            // each runtime's runs against its own synchronous run: CPython's threads against CPython's loop
            RunResult reference = results.stream()
                    .filter(s -> s.spec().model() == ModelKind.SYNC && s.spec().runtime() == r.spec().runtime()
                            && !s.cancelled() && s.wallNanos() > 0)
                    .findFirst().orElse(null);
            boolean comparable = reference != null && Ideal.sameWork(r.spec(), reference.spec())
                    && r.spec().tasks() == reference.spec().tasks();
            double speedUp = comparable && r.wallNanos() > 0 && !r.cancelled()
                    ? (double) reference.wallNanos() / r.wallNanos() : Double.NaN;
            OptionalLong ideal = Ideal.nanos(r.spec(), reference, cores);
            long idealNanos = ideal.orElse(-1);
            double efficiency = r.cancelled() ? Double.NaN : Ideal.efficiency(idealNanos, r.wallNanos());
            rows.add(new Row(labels.get(i), r, speedUp, r.stats().nanos(State.WORK), r.peakThreads(), idealNanos, efficiency));
        }
        return new Comparison(rows, Verdict.of(rows));
    }

    /// The reference row (the first finished synchronous run), if any.
    public Optional<Row> reference() {
        return rows.stream().filter(r -> r.result().spec().model() == ModelKind.SYNC && r.finished()).findFirst();
    }

    /// The finished run with the shortest wall time.
    public Optional<Row> fastest() {
        return rows.stream().filter(Row::finished).min(Comparator.comparingLong(r -> r.result().wallNanos()));
    }

    /// The finished run with the longest wall time.
    public Optional<Row> slowest() {
        return rows.stream().filter(Row::finished).max(Comparator.comparingLong(r -> r.result().wallNanos()));
    }

    /// The longest wall time or ideal of any run: where a shared time axis must end.
    public long longestNanos() {
        long end = 0;
        for (Row r : rows) end = Math.max(end, Math.max(r.result().wallNanos(), r.idealNanos()));
        return end;
    }
}
