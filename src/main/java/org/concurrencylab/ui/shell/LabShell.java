package org.concurrencylab.ui.shell;

import org.concurrencylab.compare.Comparison;
import org.concurrencylab.compare.RunEstimate;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSlot;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.history.AppHome;
import org.concurrencylab.history.RunHistory;
import org.concurrencylab.history.Settings;
import org.concurrencylab.racelab.LevelCatalogue;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.ui.code.CodePane;
import org.concurrencylab.ui.common.Appearance;
import org.concurrencylab.ui.common.Lazy;
import org.concurrencylab.ui.common.TaskExecutor;
import org.concurrencylab.ui.diagram.DiagramBar;
import org.concurrencylab.ui.diagram.DiagramExports;
import org.concurrencylab.ui.diagram.TimingDiagram;
import org.concurrencylab.ui.explain.ExplanationPane;
import org.concurrencylab.ui.history.HistoryPane;
import org.concurrencylab.ui.history.HistoryViewModel;
import org.concurrencylab.ui.lessons.LessonsPane;
import org.concurrencylab.ui.lessons.LessonsViewModel;
import org.concurrencylab.ui.racelab.RaceLabPane;
import org.concurrencylab.ui.racelab.RaceLabViewModel;
import org.concurrencylab.ui.run.LargeRunDialog;
import org.concurrencylab.ui.run.PythonStatusView;
import org.concurrencylab.ui.run.ResultPane;
import org.concurrencylab.ui.run.RunForm;
import org.concurrencylab.ui.run.RunFormViewModel;
import org.concurrencylab.ui.run.RunToolbar;
import org.concurrencylab.ui.run.RunViewModel;
import org.concurrencylab.ui.run.StatusView;
import org.concurrencylab.ui.series.ComparePane;
import org.concurrencylab.ui.series.CompareViewModel;
import org.concurrencylab.ui.series.SweepPane;
import org.concurrencylab.ui.series.SweepViewModel;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// The window's composition root: it makes the services (the engine is given; the run slot,
/// the I/O thread, the history, the lesson progress), the view models and the views, and wires
/// them together. Nothing else in the window makes a service or reaches into another pane.
///
/// Thread-safety: make and use it on the FX thread; [#close()] may be called from any thread.
public final class LabShell implements AutoCloseable {
    private final RunEngine engine;
    private final RunSlot slot = new RunSlot();
    /// File work, one task at a time, never on the FX thread.
    private final ExecutorService io = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon(true).name("lab-io").factory());
    private final Appearance looks = new Appearance();
    private final RunFormViewModel form = new RunFormViewModel();
    private final RunViewModel run;
    private final HistoryViewModel history;
    private final CompareViewModel compare;
    private final SweepViewModel sweep;
    private final RaceLabViewModel raceLab;
    private final LessonsViewModel lessons;
    private final TimingDiagram diagram;
    private final DiagramExports exports;
    private final Panes panes;
    private final PythonStatusView python;
    private final MainWindow window;

    /// The panes of the window, for tests and the screenshots of the docs. The panes of tabs not
    /// shown at first are made when their tab is first selected, or when they are asked for here.
    public record Panes(RunForm form, DiagramBar diagramBar, Lazy<ComparePane> compareTab, Lazy<SweepPane> sweepTab,
                        Lazy<RaceLabPane> raceLabTab, Lazy<HistoryPane> historyTab, Lazy<LessonsPane> lessonsTab,
                        ExplanationPane explanation, CodePane code) {
        public ComparePane compare() { return compareTab.get(); }

        public SweepPane sweep() { return sweepTab.get(); }

        public RaceLabPane raceLab() { return raceLabTab.get(); }

        public HistoryPane history() { return historyTab.get(); }

        public LessonsPane lessons() { return lessonsTab.get(); }
    }

    /// The window over `engine`, keeping its history and lesson progress in `home`; results
    /// come back to the FX thread through `fx` (`Platform::runLater`).
    public LabShell(RunEngine engine, AppHome home, Executor fx) {
        this.engine = engine;
        TaskExecutor tasks = new TaskExecutor(io, fx);
        run = new RunViewModel(engine, slot, fx, form.specProperty());
        diagram = new TimingDiagram(run::refreshFx);
        exports = new DiagramExports(diagram, looks, tasks, run::tellFx, run::openFx);
        ExplanationPane explanation = new ExplanationPane();
        CodePane code = new CodePane();
        history = new HistoryViewModel(RunHistory.in(home), tasks, new HistoryViewModel.Actions() {
            @Override public void open(RunResult r) {
                run.openFx(r, "the history");
                window().showDiagramTab();
            }

            @Override public void runAgain(RunSpec spec) {
                form.apply(spec);
                run.runFx();
            }

            @Override public void compare(List<RunResult> runs, List<String> names) {
                compare.showFx(Comparison.of(runs, names, Runtime.getRuntime().availableProcessors()));
                window().showCompareTab();
            }
        }, run::tellFx);
        compare = new CompareViewModel(engine, slot, fx, history::keepFx, form.specProperty());
        sweep = new SweepViewModel(engine, slot, fx, history::keepFx, form.specProperty());
        raceLab = new RaceLabViewModel(LevelCatalogue.builtIn(), tasks);
        lessons = new LessonsViewModel(LessonProgress.open(home.folder(), io), form::apply, run::runFx, fx);

        Lazy<ComparePane> comparePane = Lazy.of(() -> {
            ComparePane pane = new ComparePane(compare, tasks);
            pane.setPaletteFx(looks.paletteBinding().get());
            return pane;
        });
        Lazy<SweepPane> sweepPane = Lazy.of(() -> new SweepPane(sweep));
        Lazy<RaceLabPane> raceLabPane = Lazy.of(() -> new RaceLabPane(raceLab, looks.paletteBinding()));
        Lazy<HistoryPane> historyPane = Lazy.of(() -> new HistoryPane(history));
        Lazy<LessonsPane> lessonsPane = Lazy.of(() -> new LessonsPane(lessons, looks.paletteBinding()));
        panes = new Panes(new RunForm(form, run.runningProperty(), new ResultPane(run), looks.paletteBinding()),
                new DiagramBar(diagram, run.runningProperty(), looks, exports), comparePane, sweepPane, raceLabPane,
                historyPane, lessonsPane, explanation, code);
        python = new PythonStatusView(tasks, engine::usePython);
        panes.form().addModelNote(RunParams.RUNTIME, python);
        python.showFx("");
        window = new MainWindow(new RunToolbar(form, run), panes.form(), lessonsPane, historyPane, diagram,
                panes.diagramBar(), comparePane, sweepPane, raceLabPane, explanation, code, new StatusView(run), looks);

        run.setConfirmLarge(estimate -> LargeRunDialog.confirm(window.getScene() == null ? null : window.getScene().getWindow(),
                estimate));
        lessons.setOnOpenRaceLab(level -> {
            raceLab.select(level);
            window.showRaceLabTab();
        });
        run.setOnRunFinished(history::keepFx);
        run.setOnStartFailure(diagram::showMessageFx);
        run.handleProperty().addListener((obs, a, h) -> {
            if (h == null) return;
            diagram.showLiveFx(h);
            window.showDiagramTab();
        });
        run.lastResultProperty().addListener((obs, a, r) -> {
            if (r == null) return;
            diagram.showResultFx(r);
            // what is explained is the run shown, not what the toolbar says now
            code.showFx(r.spec());
            explanation.showFx(r.spec());
        });
        form.specProperty().addListener((obs, a, spec) -> {
            if (spec == null) return;
            code.showFx(spec);
            explanation.showFx(spec);
        });
        if (form.specProperty().get() != null) {
            code.showFx(form.specProperty().get());
            explanation.showFx(form.specProperty().get());
        }
        diagram.setOnSegmentClicked(click -> {
            explanation.explainSegmentFx(click);
            window.showExplainTab();
            diagram.requestFocus(); // the keys keep driving the diagram
        });
        diagram.paletteProperty().bind(looks.paletteBinding());
        diagram.noteProperty().bind(run.speedUpProperty());
        looks.paletteBinding().addListener((obs, a, p) -> {
            explanation.setPaletteFx(p);
            comparePane.ifMade(pane -> pane.setPaletteFx(p));
        });
        history.loadFx();
    }

    public MainWindow window() { return window; }

    public Panes panes() { return panes; }

    public RunFormViewModel form() { return form; }

    public RunViewModel run() { return run; }

    public Appearance looks() { return looks; }

    public RunSlot slot() { return slot; }

    public TimingDiagram diagram() { return diagram; }

    public DiagramExports exports() { return exports; }

    public HistoryViewModel history() { return history; }

    public CompareViewModel compare() { return compare; }

    public SweepViewModel sweep() { return sweep; }

    public LessonsViewModel lessons() { return lessons; }

    public RaceLabViewModel raceLab() { return raceLab; }

    public RunEngine engine() { return engine; }

    /// Puts remembered settings into the form and the look.
    public void restore(Settings s) {
        form.restore(s.workload(), s.model(), s.values());
        looks.darkProperty().set(s.dark());
        looks.colorBlindProperty().set(s.colorBlind());
        python.showFx(s.python());
    }

    /// What to remember: the form's last values that could run, and the look. A size that would
    /// make a large run ([RunEstimate#large]) is not remembered: the next launch has the default.
    public Settings settings() {
        return new Settings(form.workloadProperty().get(), form.modelProperty().get(), withoutLargeSizes(form.values()),
                looks.darkProperty().get(), looks.colorBlindProperty().get(), python.executable());
    }

    private static SettingValues withoutLargeSizes(SettingValues values) {
        SettingValues kept = values;
        int cores = Runtime.getRuntime().availableProcessors();
        for (WorkloadKind w : WorkloadKind.values()) {
            for (ModelKind m : ModelKind.values()) {
                RunSpec spec;
                try {
                    spec = values.spec(w, m);
                } catch (IllegalArgumentException cannotRun) {
                    continue;
                }
                if (!RunEstimate.of(spec, cores).large()) continue;
                // the size first; then what makes each task long
                for (Param<?> p : List.of(RunParams.TASKS, RunParams.BASE, RunParams.FIB_N, RunParams.INCREMENTS)) {
                    String key = p.settingKey(spec);
                    if (key != null) kept = kept.with(key, p.defaultValue(spec));
                    try {
                        if (!RunEstimate.of(kept.spec(w, m), cores).large()) break;
                    } catch (IllegalArgumentException cannotRun) {
                        break;
                    }
                }
            }
        }
        return kept;
    }

    /// Runs `work` on the I/O thread and waits up to `seconds` for it (the settings at exit).
    public void ioAndWait(Runnable work, long seconds) throws InterruptedException {
        io.submit(work);
        io.shutdown();
        io.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    /// Stops whatever runs, and the diagram's frames; the engine is its owner's to close.
    @Override
    public void close() {
        slot.stop();
        diagram.dispose();
        io.shutdown();
    }
}
