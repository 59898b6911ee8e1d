package org.concurrencylab.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/// Times the window's frames while a big run is drawn live, for the bench (`bench --live-pulses`):
/// with the system property [#PROPERTY] set to N, the window runs 5,000 downloads at 1,000
/// connections N times on the event loop and N times on virtual threads, one after the other as a
/// user would (Run pressed, the diagram drawn live, half a second between runs), and prints a line
/// per run, `pulses MODEL LONGEST_GAP_MS GAPS_OVER_50_MS PULSES ERRORS FX_CPU_IN_LONGEST_GAP_MS`,
/// then closes.
///
/// A gap is the time between two pulses of the window, from the moment Run was pressed to the
/// moment the result is shown. A timer of its own asks for a pulse every frame all along (as the
/// live diagram does while the run draws), so a gap over a frame means the window could not draw:
/// a pulse that took long or came late (the FX thread busy, a garbage collection).
///
/// Thread-safety: FX thread.
final class PulseWatch {
    static final String PROPERTY = "concurrencylab.pulseWatch";
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<RunSpec> runs;
    private boolean watching;
    private long last;
    private long lastCpu;
    private long longest;
    /// The FX thread's own CPU time within the longest gap: near the gap, the window's own work;
    /// far below it, the thread waited for a core (or a garbage collection stopped it).
    private long longestCpu;
    private int late;
    private int pulses;

    private PulseWatch(List<RunSpec> runs) {
        this.runs = runs;
    }

    static void startIfAsked(LabShell shell) {
        String value = System.getProperty(PROPERTY);
        if (value == null) return;
        int times = Integer.parseInt(value.strip());
        List<RunSpec> runs = new ArrayList<>();
        for (ModelKind model : List.of(ModelKind.EVENTLOOP, ModelKind.VIRTUAL)) {
            for (int i = 0; i < times; i++) runs.add(RunSpec.manyDownloads(model));
        }
        new PulseWatch(runs).next(shell, 0);
    }

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    private void pulse(long now) {
        if (!watching) return;
        long gap = now - last;
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (gap > longest) {
            longest = gap;
            longestCpu = cpu - lastCpu;
        }
        lastCpu = cpu;
        if (gap > LATE_NANOS) late++;
        pulses++;
        last = now;
    }

    private void next(LabShell shell, int at) {
        if (at == runs.size()) {
            Platform.exit();
            return;
        }
        RunSpec spec = runs.get(at);
        watching = true;
        last = System.nanoTime();
        lastCpu = THREADS.getCurrentThreadCpuTime();
        longestCpu = 0;
        timer.start();
        longest = 0;
        late = 0;
        pulses = 0;
        shell.run().runFx(spec).whenComplete((result, failure) -> Platform.runLater(() -> {
            pulse(System.nanoTime()); // the result is in: the watch ends
            watching = false;
            timer.stop();
            System.out.printf(Locale.ROOT, "pulses %s %.1f %d %d %d %.1f%n", spec.model().id(), longest / 1e6, late, pulses,
                    errors(result, failure), longestCpu / 1e6);
            System.out.flush();
            PauseTransition pause = new PauseTransition(Duration.millis(500));
            pause.setOnFinished(e -> next(shell, at + 1));
            pause.play();
        }));
    }

    private static int errors(RunResult result, Throwable failure) {
        return failure != null || result == null ? -1 : result.errors();
    }
}
