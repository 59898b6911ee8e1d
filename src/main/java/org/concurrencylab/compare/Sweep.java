package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.State;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/// One parameter varied over a list of values, each value a real run: wall time and efficiency
/// against the parameter. Immutable.
///
/// CPU-bound ideals need the time of a synchronous run of the same work (see [Ideal]), so for
/// CPU-bound work under another model the sweep first does one synchronous run of `base`, the
/// reference, and scales its time per task to each point.
///
/// @param base      the spec every point starts from
/// @param param     what is varied
/// @param points    the runs that went to their end, by ascending value
/// @param reference the synchronous reference run, or null
public record Sweep(RunSpec base, SweepParam param, List<Point> points, RunResult reference) {
    /// The most values one sweep takes.
    public static final int MAX_VALUES = 50;

    public Sweep {
        points = List.copyOf(points);
    }

    /// One run of the sweep.
    ///
    /// @param value      the parameter's value
    /// @param result     the run
    /// @param idealNanos the best time the model allows, or -1 if unknown
    /// @param efficiency ideal / wall, NaN if unknown
    public record Point(int value, RunResult result, long idealNanos, double efficiency) {
        /// Time the workers spent running code.
        public long cpuNanos() {
            return result.stats().nanos(State.WORK);
        }

        /// "workers=5 wall=2.981s ideal=2.880s efficiency=97% errors=0".
        public String line(SweepParam param) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s=%d wall=%.3fs", param.id(), value,
                    result.wallSeconds()));
            if (idealNanos >= 0) s.append(String.format(Locale.ROOT, " ideal=%.3fs efficiency=%.0f%%", idealNanos / 1e9, efficiency * 100));
            s.append(" errors=").append(result.errors());
            if (result.peakThreads() > 0) s.append(" threads=").append(result.peakThreads());
            return s.toString();
        }
    }

    /// The runs a sweep of `param` over `values` does, in order: the synchronous reference first
    /// when [#needsReference], then one per value, ascending. Throws an
    /// [IllegalArgumentException] naming the problem for values that do not fit.
    public static List<RunSpec> plan(RunSpec base, SweepParam param, List<Integer> values) {
        param.checkApplies(base);
        if (values.isEmpty()) throw new IllegalArgumentException("give at least one value");
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(values));
        if (sorted.size() > MAX_VALUES) throw new IllegalArgumentException("at most " + MAX_VALUES + " values, got " + sorted.size());
        List<RunSpec> specs = new ArrayList<>();
        if (needsReference(base)) specs.add(reference(base));
        for (int v : sorted) specs.add(param.apply(base, v));
        return specs;
    }

    /// Starts the runs of [#plan] on `engine`; turn their outcome into a sweep with [#of].
    public static SeriesRun start(RunEngine engine, RunSpec base, SweepParam param, List<Integer> values,
                                  SeriesRun.Listener listener) {
        return SeriesRun.start(engine, plan(base, param, values), listener);
    }

    /// Whether a sweep of `base` starts with a synchronous reference run.
    public static boolean needsReference(RunSpec base) {
        return Ideal.needsReference(base) && base.model() != ModelKind.SYNC;
    }

    /// The synchronous reference run of `base`.
    public static RunSpec reference(RunSpec base) {
        return base.withModel(ModelKind.SYNC).withGil(false);
    }

    /// The sweep made of the finished runs in `results` (the reference among them, if any).
    public static Sweep of(RunSpec base, SweepParam param, List<RunResult> results, int cores) {
        RunResult reference = null;
        List<RunResult> runs = new ArrayList<>(results);
        if (needsReference(base) && !runs.isEmpty() && runs.getFirst().spec().equals(reference(base))) {
            reference = runs.removeFirst();
        }
        List<Point> points = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.cancelled()) continue;
            // a synchronous sweep is its own reference: each point against itself
            RunResult own = reference == null && r.spec().model() == ModelKind.SYNC ? r : reference;
            long ideal = Ideal.nanos(r.spec(), own, cores).orElse(-1);
            points.add(new Point(param.valueOf(r.spec()), r, ideal, Ideal.efficiency(ideal, r.wallNanos())));
        }
        points.sort(Comparator.comparingInt(Point::value));
        return new Sweep(base, param, points, reference);
    }

    /// The point with the shortest wall time.
    public Optional<Point> fastest() {
        return points.stream().min(Comparator.comparingLong(p -> p.result().wallNanos()));
    }

    /// About `count` whole numbers from `from` to `to` (both included), evenly spread on a log
    /// scale, without repeats: `logValues(1, 64, 9)` is 1, 2, 3, 5, 8, 13, 23, 38, 64.
    public static List<Integer> logValues(int from, int to, int count) {
        if (from < 1 || to < from || count < 1) throw new IllegalArgumentException("need 1 <= from <= to and count >= 1");
        TreeSet<Integer> values = new TreeSet<>();
        if (count == 1 || from == to) return List.of(from);
        double ratio = Math.log((double) to / from) / (count - 1);
        for (int i = 0; i < count; i++) values.add((int) Math.round(from * Math.exp(ratio * i)));
        values.add(from);
        values.add(to);
        return List.copyOf(values);
    }

    /// Parses "1,2,5,10" (spaces allowed); a clear message for anything else.
    public static List<Integer> parseValues(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("give the values to try, e.g. 1,2,5,10");
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) throw new IllegalArgumentException("an empty value in '" + text.strip() + "'");
            // ASCII digits only: Integer.parseInt would take other scripts' digits too
            if (!p.matches("-?[0-9]{1,19}")) throw new IllegalArgumentException("'" + p + "' is not a whole number");
            try {
                values.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is too large");
            }
        }
        return values;
    }
}
