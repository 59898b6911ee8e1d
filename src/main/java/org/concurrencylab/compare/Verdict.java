package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Noise;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.diagram.Ticks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The one sentence that sums up a comparison, computed from its numbers, e.g. "I/O-bound: the
/// event loop was fastest, 64× sync; sync was slowest; processes paid 0.6 s of start-up."
///
/// What it says, in order: the nature of the work; which run was fastest and its speed-up over
/// sync; which was slowest (when it was not sync; or which, up to three, were as slow); what the
/// GIL did to CPU-bound threads; what a process pool paid to start (when at least 5% of its wall
/// time); updates lost in a race; runs that failed tasks or were stopped.
public final class Verdict {
    private Verdict() {}

    /// Start-up below this share of a run's wall time is not worth a clause.
    static final double STARTUP_WORTH_SAYING = 0.05;

    public static String of(List<Comparison.Row> rows) {
        List<Comparison.Row> finished = rows.stream().filter(Comparison.Row::finished).toList();
        if (finished.isEmpty()) return "No run finished, so there is nothing to compare yet.";

        Comparison.Row fastest = finished.stream().min(Comparator.comparingLong(r -> r.result().wallNanos())).orElseThrow();
        Comparison.Row slowest = finished.stream().max(Comparator.comparingLong(r -> r.result().wallNanos())).orElseThrow();
        StringBuilder text = new StringBuilder(nature(fastest.result().spec().workload())).append(": ");
        // runs of one model are told apart by their labels: "the thread pool (8 threads) was fastest"
        boolean sameModel = Variants.phrase(fastest.result().spec()).equals(Variants.phrase(slowest.result().spec()));
        Variants.Phrase best = Variants.phrase(fastest.result().spec());
        // a run within the noise of the fastest is as fast: no winner is picked from noise
        List<Comparison.Row> asFast = finished.stream().filter(r -> r != fastest
                && Noise.tie(r.result().wallNanos(), fastest.result().wallNanos())).toList();
        if (asFast.isEmpty()) {
            text.append(name(fastest, sameModel)).append(' ').append(best.was()).append(" fastest");
        } else {
            text.append(names(fastest, asFast, sameModel)).append(" were about as fast (").append(Noise.band()).append(", what two runs of the same work differ by)");
        }
        if (fastest.result().spec().model() != ModelKind.SYNC && !Double.isNaN(fastest.speedUp())) {
            text.append(", ").append(times(fastest.speedUp())).append(" sync");
        }

        List<String> clauses = new ArrayList<>();
        Comparison.Row namedSlowest = null;
        // the slowest is named only when it is clearly slower than the fastest, and alone only when
        // clearly slower than the rest not already about as fast as the fastest: runs within the
        // noise of it were as slow (up to three are named together; more, and no run was slowest)
        if (finished.size() > 1 && slowest != fastest && !asFast.contains(slowest)) {
            List<Comparison.Row> asSlow = finished.stream()
                    .filter(r -> r != slowest && r != fastest && !asFast.contains(r)
                            && Noise.tie(r.result().wallNanos(), slowest.result().wallNanos()))
                    .toList();
            if (asSlow.isEmpty()) {
                Variants.Phrase worst = Variants.phrase(slowest.result().spec());
                String clause = name(slowest, sameModel) + " " + worst.was() + " slowest";
                if (slowest.result().spec().model() != ModelKind.SYNC && !Double.isNaN(slowest.speedUp())) {
                    clause += " (" + times(slowest.speedUp()) + " sync)";
                }
                clauses.add(clause);
                namedSlowest = slowest;
            } else if (asSlow.size() <= 2) {
                clauses.add(names(slowest, asSlow, sameModel) + " were slowest, " + Noise.band() + " of each other");
            }
        }
        gilClause(finished, fastest, namedSlowest).ifPresent(clauses::add);
        for (Comparison.Row r : finished) {
            long startup = r.startupNanos();
            if (startup > 0 && startup >= STARTUP_WORTH_SAYING * r.result().wallNanos()) {
                clauses.add(Variants.phrase(r.result().spec()).text() + " paid " + Ticks.duration(startup) + " of start-up");
                break;
            }
        }
        raceClause(finished).ifPresent(clauses::add);
        long failedRuns = rows.stream().filter(r -> r.result().errors() > 0).count();
        if (failedRuns > 0) {
            clauses.add(failedRuns == 1 ? "1 run had failed tasks" : failedRuns + " runs had failed tasks");
        }
        long stopped = rows.size() - finished.size();
        if (stopped > 0) clauses.add(stopped == 1 ? "1 run was stopped" : stopped + " runs were stopped");

        for (String c : clauses) text.append("; ").append(c);
        return text.append('.').toString();
    }

    /// "A, B and C": `first`'s name, then the others'.
    private static String names(Comparison.Row first, List<Comparison.Row> others, boolean withLabel) {
        List<String> names = new ArrayList<>(List.of(name(first, withLabel)));
        others.forEach(r -> names.add(name(r, withLabel)));
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String name(Comparison.Row row, boolean withLabel) {
        String phrase = Variants.phrase(row.result().spec()).text();
        return withLabel ? phrase + " (" + row.label() + ")" : phrase;
    }

    /// "64×" from 10× up, "4.9×" below, "0.03×" under 0.1× (a start-up dwarfing tiny work).
    public static String times(double factor) {
        return String.format(Locale.ROOT, factor >= 9.95 ? "%.0f×" : factor >= 0.095 ? "%.1f×" : "%.2f×", factor);
    }

    static String nature(WorkloadKind workload) {
        return switch (workload) {
            case DOWNLOAD -> "I/O-bound";
            case CPU, FIB -> "CPU-bound";
            case RACE -> "Shared counter";
            case MIXED -> "I/O and CPU mixed";
        };
    }

    /// For CPU-bound work: how fast the best GIL run went against sync, unless it was already
    /// named as fastest or, alone, as slowest (`slowest` is null when no run was).
    private static Optional<String> gilClause(List<Comparison.Row> finished, Comparison.Row fastest,
                                                        Comparison.Row slowest) {
        if (!finished.getFirst().result().spec().workload().computes()) return Optional.empty();
        return finished.stream().filter(r -> r.result().spec().gil() && !Double.isNaN(r.speedUp()))
                .filter(r -> r != fastest && r != slowest)
                .max(Comparator.comparingDouble(Comparison.Row::speedUp))
                .map(r -> {
                    Variants.Phrase p = Variants.phrase(r.result().spec());
                    return r.speedUp() < 1.1
                            ? p.text() + " " + p.was() + " no faster than sync (" + times(r.speedUp()) + ")"
                            : p.text() + " reached " + times(r.speedUp()) + " sync";
                });
    }

    /// For the race: which runs lost updates, or that none did.
    private static Optional<String> raceClause(List<Comparison.Row> finished) {
        List<String> lost = new ArrayList<>();
        boolean anyCounter = false;
        for (Comparison.Row r : finished) {
            RunResult result = r.result();
            if (result.counter() == null || !result.counter().workerCounts().isEmpty()) continue;
            anyCounter = true;
            if (result.counter().lost() > 0) {
                lost.add(String.format(Locale.ROOT, "%s lost %,d updates", Variants.phrase(result.spec()).text(),
                        result.counter().lost()));
            }
        }
        if (!anyCounter) return Optional.empty();
        if (lost.isEmpty()) return Optional.of("no run lost an update");
        return Optional.of(String.join(", ", lost));
    }
}
