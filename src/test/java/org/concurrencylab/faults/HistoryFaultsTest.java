package org.concurrencylab.faults;

import javafx.beans.property.SimpleObjectProperty;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.history.HistoryEntry;
import org.concurrencylab.history.RunHistory;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.ui.common.TaskExecutor;
import org.concurrencylab.ui.history.HistoryViewModel;
import org.concurrencylab.ui.run.RunViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Nothing lost between instances: two processes saving into one history at once keep every
/// run, a save that fails is told where the user looks (the status bar), and a lessons file
/// damaged twice keeps both damaged copies.
@ExtendWith(FaultLedger.class)
@Timeout(180)
class HistoryFaultsTest {
    private static final int SAVES = 1_000;

    @TempDir
    Path dir;

    /// Two JVMs, 1,000 saves each, started together into one folder: the ids are the
    /// millisecond, so they meet often; every run is there once, under an id of its own.
    @Test
    void two_processes_saving_1000_runs_each_into_one_history_lose_none() throws Exception {
        FaultLedger.fault("history: two processes save 1,000 runs each at once", () -> {
            Path folder = dir.resolve("history");
            Process other = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    HistorySaver.class.getName(), folder.toString(), Integer.toString(SAVES)).redirectErrorStream(true).start();
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("ready");
            RunHistory here = new RunHistory(folder);
            long start = System.nanoTime();
            try (OutputStream go = other.getOutputStream()) {
                go.write("go\n".getBytes(StandardCharsets.US_ASCII));
            }
            List<HistoryEntry> saved = new ArrayList<>();
            for (int i = 0; i < SAVES; i++) saved.add(here.save(RunJsonSample.tiny()));
            assertThat(said.readLine()).isEqualTo("saved " + SAVES);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isZero();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            RunHistory.Loaded loaded = here.load();
            assertThat(loaded.problems()).isEmpty();
            assertThat(loaded.entries()).hasSize(2 * SAVES);
            assertThat(loaded.entries()).extracting(HistoryEntry::id).doesNotHaveDuplicates()
                    .containsAll(saved.stream().map(HistoryEntry::id).toList());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .as("a run file and a name file per run, nothing else")
                        .hasSize(4 * SAVES).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
            }
            try (Stream<Path> summaries = Files.list(folder.resolve(".summaries"))) {
                assertThat(summaries.map(p -> p.getFileName().toString())).as("a summary per run, no temporary file left")
                        .hasSize(2 * SAVES).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
            }
            System.out.printf(Locale.ROOT, "history: 2 processes × %,d saves into one folder: %,d runs kept, 0 lost, in %,d ms%n",
                    SAVES, loaded.entries().size(), millis);
        });
    }

    /// The window's history keeps each run as it ends; a save that fails goes to the status bar
    /// (the consumer the window gives it), not only to the History tab.
    @Test
    void a_history_save_that_fails_is_told_to_the_status_bar() throws Exception {
        FaultLedger.fault("history: a save that fails is told in the status bar", () -> {
            Path notAFolder = Files.writeString(dir.resolve("history"), "a file where the folder should be");
            List<String> statusBar = new ArrayList<>();
            HistoryViewModel history = new HistoryViewModel(new RunHistory(notAFolder), TaskExecutor.currentThread(), new HistoryViewModel.Actions() {
                @Override public void open(RunResult run) { }

                @Override public void runAgain(RunSpec spec) { }

                @Override public void compare(List<RunResult> runs, List<String> names) { }
            }, statusBar::add);

            history.keepFx(RunJsonSample.tiny());

            assertThat(statusBar).singleElement().asString().startsWith("Could not keep the run in " + notAFolder + ": ");
            assertThat(history.messageProperty().get()).isEqualTo(statusBar.getFirst());
            assertThat(history.entries()).isEmpty();
        });
    }

    /// Wired as the window wires them: a run that ends well says "no errors" in the status bar,
    /// then the history cannot keep it, and the status bar says so, not "no errors". The test's
    /// thread plays the FX thread; the save runs on a thread of its own, as in the window, and
    /// then on the FX thread itself, where it is told before the run's handling is over.
    @Test
    void a_run_the_history_cannot_keep_leaves_the_status_bar_saying_so() throws Exception {
        FaultLedger.fault("history: a run that cannot be kept, told in the status bar after the run's line", () -> {
            Path notAFolder = Files.writeString(dir.resolve("history"), "a file where the folder should be");
            ExecutorService io = Executors.newSingleThreadExecutor();
            try (RunEngine engine = new RunEngine()) {
                BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
                for (TaskExecutor saves : List.of(new TaskExecutor(io, fx::add), new TaskExecutor(Runnable::run, Runnable::run))) {
                    RunSpec spec = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withWorkers(2).withTasks(2)
                            .with(RunParams.BASE, 1_000).withWarmup(false);
                    RunViewModel run = new RunViewModel(engine, new RunSlot(), fx::add, new SimpleObjectProperty<>(spec));
                    HistoryViewModel history = new HistoryViewModel(new RunHistory(notAFolder), saves, new NoActions(), run::tellFx);
                    run.setOnRunFinished(history::keepFx);

                    run.runFx();
                    while (run.runningProperty().get() || !run.statusProperty().get().startsWith("Could not keep")) {
                        Runnable next = fx.poll(30, TimeUnit.SECONDS);
                        assertThat(next).as("the status bar says %s", run.statusProperty().get()).isNotNull();
                        next.run();
                    }
                    for (Runnable left = fx.poll(); left != null; left = fx.poll()) left.run(); // nothing after it writes over it
                    assertThat(run.lastResultProperty().get().errors()).isZero();
                    assertThat(run.statusProperty().get()).startsWith("Could not keep the run in " + notAFolder + ": ")
                            .doesNotContain("no errors");
                }
            } finally {
                io.shutdownNow();
            }
        });
    }

    private static final class NoActions implements HistoryViewModel.Actions {
        @Override public void open(RunResult run) { }

        @Override public void runAgain(RunSpec spec) { }

        @Override public void compare(List<RunResult> runs, List<String> names) { }
    }

    /// The first damaged lessons file is set aside; a second one, later, is set aside beside it,
    /// never over it.
    @Test
    void a_lessons_file_damaged_twice_keeps_both_damaged_copies() throws Exception {
        FaultLedger.fault("lessons: a damaged file, then another", () -> {
            Path lessons = dir.resolve(LessonProgress.FILE_NAME);
            Files.writeString(lessons, "{ the first damage");
            LessonProgress first = LessonProgress.open(dir);
            Files.writeString(lessons, "{ the second damage");
            LessonProgress second = LessonProgress.open(dir);

            assertThat(Files.readString(dir.resolve(LessonProgress.DAMAGED_NAME))).isEqualTo("{ the first damage");
            assertThat(Files.readString(dir.resolve("lessons-damaged-2.json"))).isEqualTo("{ the second damage");
            assertThat(first.loadProblem()).get().asString().endsWith("it was kept as " + dir.resolve(LessonProgress.DAMAGED_NAME) + ".");
            assertThat(second.loadProblem()).get().asString().endsWith("it was kept as " + dir.resolve("lessons-damaged-2.json") + ".");
            assertThat(lessons).doesNotExist();
        });
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
