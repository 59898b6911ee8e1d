package org.concurrencylab.cli;

import org.concurrencylab.cli.BenchCommand.Case;
import org.concurrencylab.cli.BenchCommand.Target;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.python.BareProgram;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.python.PythonRuntime;
import org.concurrencylab.python.TwinProgram;
import org.concurrencylab.python.TwinWorkload;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The bench's CPython cases: the article's own Python programs on the sums, under the harness.
/// Five threads take turns at the GIL (no faster than the synchronous loop, and not much slower);
/// a pool of processes escapes it; the event loop, where no task awaits, gains nothing. Each
/// recorded run is followed by the same program run bare, `python3 threads_cpu.py`, for what
/// recording costs.
///
/// Thread-safety: confined to the bench's thread.
final class PythonBench {
    /// What recording a CPython run may cost: its wall against the same program run bare.
    static final double MAX_HARNESS_COST = 1.05;
    private static final long BARE_TIMEOUT_SECONDS = 300;

    private final PythonInfo python;
    private final int pool;

    private PythonBench(PythonInfo python, int pool) {
        this.python = python;
        this.pool = pool;
    }

    /// The Python on the PATH, said on `out`; empty, with the reason said, when there is none.
    static Optional<PythonBench> find(PrintWriter out) throws InterruptedException {
        switch (PythonRuntime.find()) {
            case PythonRuntime.Missing(String reason) -> {
                out.printf(Locale.ROOT, "no CPython cases: %s%n", reason);
                return Optional.empty();
            }
            case PythonRuntime.Found(PythonInfo info) -> {
                try {
                    // the program's Pool() makes one process per core: the recorded run uses as many
                    int pool = BareProgram.poolSize(info);
                    out.printf(Locale.ROOT, "CPython: %s, %d cores%n", info.summary(), pool);
                    return Optional.of(new PythonBench(info, pool));
                } catch (IOException e) {
                    out.printf(Locale.ROOT, "no CPython cases: %s%n", Cli.oneLine(e.getMessage()));
                    return Optional.empty();
                }
            }
        }
    }

    List<Case> cases() {
        RunSpec cpu = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withRuntime(RuntimeKind.PYTHON);
        return List.of(new Case("python cpu sync", cpu, Target.none()),
                new Case("python cpu threads (5)", cpu.withModel(ModelKind.THREADS).withWorkers(5),
                        Target.between("python cpu sync", 0.9, 1.5)),
                new Case("python cpu processes (" + pool + ")", cpu.withModel(ModelKind.PROCESSES).withWorkers(pool),
                        Target.atMost("python cpu sync", 1 / 1.3)),
                // the 2024 edition's asyncio version: no task awaits, so one thread computes in turn
                new Case("python cpu eventloop", cpu.withModel(ModelKind.EVENTLOOP),
                        Target.between("python cpu sync", 0.9, 1.5)));
    }

    /// The bare runs of `c`'s program, one after each recorded run; null for a case not on CPython.
    Baseline baseline(Case c, int repeat, PrintWriter out) {
        if (c.spec().runtime() != RuntimeKind.PYTHON) return null;
        TwinProgram program = new TwinProgram(c.spec().model(), TwinWorkload.of(c.spec().workload()));
        try {
            return new Baseline(BareProgram.write(python, program), c.spec().tasks(), repeat, out);
        } catch (IOException e) {
            out.printf(Locale.ROOT, "%-30s could not run: %s%n", "  unrecorded", Cli.oneLine(e.getMessage()));
            return null;
        }
    }

    /// One case's bare runs and their line. The recorded and the bare runs take turns, so that
    /// the machine's drift (±5 % over a minute here) falls on both.
    static final class Baseline implements AutoCloseable {
        private final BareProgram program;
        private final int tasks;
        private final double[] samples;
        /// Each bare run's recorded run, the one just before it.
        private final double[] recorded;
        private final PrintWriter out;
        private int runs;
        private boolean broken;

        private Baseline(BareProgram program, int tasks, int repeat, PrintWriter out) {
            this.program = program;
            this.tasks = tasks;
            this.samples = new double[repeat];
            this.recorded = new double[repeat];
            this.out = out;
        }

        /// Runs the program bare once, after a recorded run of `recordedSeconds`; false (said on
        /// the output) when it could not, and from then on.
        boolean runOnce(double recordedSeconds) throws InterruptedException {
            if (broken) return false;
            try {
                samples[runs] = program.seconds(tasks, BARE_TIMEOUT_SECONDS);
                recorded[runs++] = recordedSeconds;
                return true;
            } catch (IOException e) {
                out.printf(Locale.ROOT, "%-30s could not run: %s%n", "  unrecorded", Cli.oneLine(e.getMessage()));
                broken = true;
                return false;
            }
        }

        /// "  unrecorded (no harness)  4.730s  1.02  pairs' median ≤ 1.05  ok  runs …; pairs …; best …":
        /// what recording cost, judged on the median of each recorded run over the bare run right
        /// after it. The pairs take turns, so the machine's drift (its speed here moves by ±5 % over a
        /// minute, a bare run by up to ±20 % from one to the next) falls on both sides of each ratio,
        /// and the median keeps one lucky or unlucky run from deciding. (Each side's best, judged
        /// before, was decided by one bare run that caught a quiet minute: 1.07 in a set whose pairs'
        /// median was 1.02.) The best over the best and the medians' ratio are printed beside it.
        /// False when it cost more than [#MAX_HARNESS_COST] or a bare run failed.
        boolean line() {
            if (broken || runs == 0) return false;
            double[] sorted = sortedCopy(samples);
            double[] recordedSorted = sortedCopy(recorded);
            double best = recordedSorted[0] / sorted[0];
            double medians = recordedSorted[runs / 2] / sorted[runs / 2];
            double[] pairs = pairs(Arrays.copyOf(recorded, runs), Arrays.copyOf(samples, runs));
            double median = cost(pairs);
            boolean ok = median <= MAX_HARNESS_COST;
            String range = BenchCommand.range(sorted);
            out.printf(Locale.ROOT,
                    "%-30s %8.3fs %10.2f  %-28s %-6s %s%spairs %.2f–%.2f; best over best %.2f, medians %.2f%n",
                    "  unrecorded (no harness)", sorted[runs / 2], median,
                    String.format(Locale.ROOT, "pairs' median ≤ %.2f", MAX_HARNESS_COST), ok ? "ok" : "MISSED", range,
                    range.isEmpty() ? "" : "; ", pairs[0], pairs[runs - 1], best, medians);
            return ok;
        }

        /// What recording cost, from the sorted [#pairs]: their median (of an even count, the
        /// higher of the two middle ones, so that two runs are judged on the worse pair).
        static double cost(double[] sortedPairs) {
            return sortedPairs[sortedPairs.length / 2];
        }

        /// Each recorded run over the bare run after it, sorted.
        static double[] pairs(double[] recorded, double[] bare) {
            double[] pairs = new double[recorded.length];
            for (int i = 0; i < pairs.length; i++) pairs[i] = recorded[i] / bare[i];
            Arrays.sort(pairs);
            return pairs;
        }

        private double[] sortedCopy(double[] values) {
            double[] sorted = Arrays.copyOf(values, runs);
            Arrays.sort(sorted);
            return sorted;
        }

        @Override
        public void close() {
            program.close();
        }
    }
}
