package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.StackedLayout;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.diagram.TraceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// A comparison as stacked diagrams: one panel per run, its numbers under its name, its ideal
/// as a ghost bar. Shared by the window and the command line's PNG.
public final class ComparePanels {
    private ComparePanels() {}

    public static List<StackedLayout.Panel> of(Comparison comparison) {
        List<StackedLayout.Panel> panels = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            RunResult r = row.result();
            panels.add(new StackedLayout.Panel(row.label(), caption(row), TraceModel.of(r.lanes(), r.segments()), row.idealNanos()));
        }
        return panels;
    }

    /// The row's outcome, as every diagram's ("wall 2.98 s · 4.9× sync · … · 2 cores · 0 errors"),
    /// then its CPU time, threads and ideal: "· CPU 0.31 s · 23 threads · ideal 2.88 s, efficiency 97%".
    public static String caption(Comparison.Row row) {
        RunResult r = row.result();
        String speedUp = Double.isNaN(row.speedUp()) ? "" : Verdict.times(row.speedUp()) + " sync";
        StringBuilder s = new StringBuilder(Captions.outcome(r, speedUp));
        s.append(" · CPU ").append(Ticks.duration(row.cpuNanos()));
        if (row.peakThreads() > 0) s.append(" · ").append(row.peakThreads()).append(" threads");
        if (row.hasIdeal()) {
            s.append(" · ideal ").append(Ticks.duration(row.idealNanos()));
            if (!Double.isNaN(row.efficiency())) s.append(String.format(Locale.ROOT, ", efficiency %.0f%%", row.efficiency() * 100));
        }
        return s.toString();
    }

    /// "Download sites, every model · 160 pages, demo sites at 90 ms" (or the runs' count when
    /// they do different work).
    public static String title(Comparison comparison) {
        if (comparison.rows().isEmpty()) return "Comparison";
        RunResult first = comparison.rows().getFirst().result();
        boolean sameWork = comparison.rows().stream()
                .allMatch(r -> Ideal.sameWork(r.result().spec(), first.spec()) && r.result().spec().tasks() == first.spec().tasks());
        return sameWork
                ? first.spec().workload().title() + " · " + Captions.what(first.spec())
                : comparison.rows().size() + " runs compared";
    }
}
