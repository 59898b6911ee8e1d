package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/// The twins' numbers, measured and printed, never asserted (timings depend on the machine):
/// the GIL's share of five threads' CPU steps, five threads' wall time against the synchronous
/// loop's, and what the harness costs (the same program's `main()` with and without it).
///
/// Run with `mvn -o test -Dtest=TwinNumbersReport -Dtwin.report=true`; `-Dtwin.reps=N` repeats.
@EnabledIfSystemProperty(named = "twin.report", matches = "true")
class TwinNumbersReport {
    private static final int REPS = Integer.getInteger("twin.reps", 5);

    @Test
    void report(@TempDir Path dir) throws Exception {
        PythonInfo python = Pythons.require();
        System.out.println("Python: " + python.summary() + " at " + python.executable() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores; " + REPS + " runs each, medians");
        for (long base : new long[]{500_000, 5_000_000}) gil(base, base == 5_000_000 ? Math.max(2, REPS / 2) : REPS);
        overhead(python, dir, new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU), TwinInputs.sums(20, 500_000), 1, null);
        overhead(python, dir, new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU), TwinInputs.sums(20, 500_000), 5, null);
        overhead(python, dir, new TwinProgram(ModelKind.PROCESSES, TwinWorkload.CPU), TwinInputs.sums(20, 500_000), 2, null);
        overhead(python, dir, new TwinProgram(ModelKind.EVENTLOOP, TwinWorkload.CPU), TwinInputs.sums(20, 500_000), 1, null);
        try (DemoSites sites = DemoSites.start(SiteConfig.defaults())) {
            overhead(python, dir, new TwinProgram(ModelKind.THREADS, TwinWorkload.DOWNLOAD), TwinInputs.pages(160, sites.pages()), 5,
                    python.requests() ? TwinVariant.LIBRARY : TwinVariant.STDLIB);
        }
    }

    private static void gil(long base, int reps) throws Exception {
        TwinInputs.Sums inputs = TwinInputs.sums(20, base);
        List<Long> sync = new ArrayList<>();
        List<Long> threads = new ArrayList<>();
        List<GilStats> stats = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            sync.add(Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU), inputs, 1)).result().mainNanos());
            TwinResult five = Pythons.run(TwinRequest.of(new TwinProgram(ModelKind.THREADS, TwinWorkload.CPU), inputs, 5)).result();
            threads.add(five.mainNanos());
            stats.add(five.gil());
        }
        double wait = median(stats.stream().map(GilStats::waitShare).toList());
        double drawn = median(stats.stream().map(GilStats::drawnShare).toList());
        double cpu = median(stats.stream().map(GilStats::cpuShare).toList());
        double runq = median(stats.stream().map(g -> (double) g.runqueueNanos() / g.wallNanos()).toList());
        System.out.printf(Locale.ROOT, "sums of 20 numbers from %,d: sync %s, 5 threads %s: ratio %.2f (runs: %s)%n", base,
                ms(median(sync)), ms(median(threads)), median(threads) / median(sync), ratios(threads, sync));
        System.out.printf(Locale.ROOT, "  5 threads' CPU steps: GIL wait %.0f %% (drawn %.0f %%), on CPU %.0f %%, runqueue %.0f %%;"
                + " sampled every %.1f ms%n", wait * 100, drawn * 100, cpu * 100, runq * 100, stats.getFirst().periodNanos() / 1e6);
    }

    private static void overhead(PythonInfo python, Path dir, TwinProgram program, TwinInputs inputs, int workers,
                                 TwinVariant variant) throws Exception {
        TwinRequest request = TwinRequest.of(program, inputs, workers).withVariant(variant == null ? TwinVariant.AUTO : variant);
        String file = variant == TwinVariant.STDLIB ? program.stdlibFileName().orElseThrow() : program.fileName();
        Files.writeString(dir.resolve(file), variant == TwinVariant.STDLIB ? program.stdlibCode().orElseThrow() : program.code());
        List<Long> plain = new ArrayList<>();
        List<Long> harnessed = new ArrayList<>();
        for (int i = 0; i < REPS; i++) {
            plain.add(plainMain(python, dir, file, inputs));
            TwinResult result = Pythons.run(request).result();
            if (result.failure() != null) throw new AssertionError(result.failure());
            harnessed.add(result.mainNanos());
        }
        double ratio = median(harnessed) / median(plain);
        System.out.printf(Locale.ROOT, "%s (%d workers, %d tasks): main() alone %s, in the harness %s: %+.1f %% (runs: %s)%n",
                file, request.workers(), inputs.tasks(), ms(median(plain)), ms(median(harnessed)), (ratio - 1) * 100,
                ratios(harnessed, plain));
    }

    /// The program's main() with the same inputs, run by plain Python: no harness, no relay.
    private static long plainMain(PythonInfo python, Path dir, String file, TwinInputs inputs) throws Exception {
        String set = switch (inputs) {
            case TwinInputs.Sums sums -> "m.NUMBERS = " + sums.numbers();
            case TwinInputs.Pages pages -> "m.PAGES = [" + pages.pages().stream().map(u -> "'" + u + "'").collect(Collectors.joining(", ")) + "]";
            default -> throw new IllegalArgumentException("no plain run for " + inputs.workload());
        };
        String script = String.join("\n", "import importlib, sys, time", "sys.path.insert(0, '" + dir + "')",
                "m = importlib.import_module('" + file.replace(".py", "") + "')", set,
                "t = time.perf_counter_ns()", "m.main()", "print('WALL', time.perf_counter_ns() - t)");
        Process process = new ProcessBuilder(python.executable().toString(), "-c", script).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) throw new AssertionError(out);
        String wall = out.lines().filter(l -> l.startsWith("WALL ")).findFirst().orElseThrow(() -> new AssertionError(out));
        return Long.parseLong(wall.substring(5).strip());
    }

    private static double median(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String ratios(List<Long> a, List<Long> b) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) r[i] = (double) a.get(i) / b.get(i);
        return Arrays.stream(r).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(" "));
    }
}
