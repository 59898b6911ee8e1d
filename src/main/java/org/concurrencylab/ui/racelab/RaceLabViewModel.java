package org.concurrencylab.ui.racelab;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.concurrencylab.racelab.Event;
import org.concurrencylab.racelab.Level;
import org.concurrencylab.racelab.LevelCatalogue;
import org.concurrencylab.racelab.Machine;
import org.concurrencylab.racelab.RandomSchedules;
import org.concurrencylab.racelab.RealRace;
import org.concurrencylab.racelab.RealRun;
import org.concurrencylab.racelab.Reenactment;
import org.concurrencylab.racelab.Session;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.TaskExecutor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// The race lab: the learner is the scheduler. It holds the level chosen, its switches (a
/// `synchronized` block on or off), the [Session] being played, and what the lab says about it:
/// the last step in words, what random schedules came to, and a real run's lost update opened
/// step by step. The view redraws whenever [#revisionProperty] changes.
///
/// Thread-safety: one thread (the FX thread in the app, any single thread in tests); a real run
/// goes to `tasks`' background executor and comes back on its UI executor.
public final class RaceLabViewModel {
    /// How many random schedules "Let the scheduler decide" plays.
    public static final int RANDOM_RUNS = 1_000;
    /// Increments per thread of a real run.
    public static final int REAL_INCREMENTS = 1_000;

    private final LevelCatalogue catalogue;
    private final TaskExecutor tasks;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scheduler = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saidLost = new ReadOnlyBooleanWrapper(false);
    private Level level;
    private final Set<String> on = new LinkedHashSet<>();
    private Session session;
    private long seed = 1;
    private RandomSchedules.Report report;
    /// What the session replays, when it is not the level's own program: a real run's lost update.
    private Reenactment reenactment;

    public RaceLabViewModel(LevelCatalogue catalogue, TaskExecutor tasks) {
        this.catalogue = catalogue;
        this.tasks = tasks;
        select(catalogue.levels().getFirst());
    }

    public List<Level> levels() { return catalogue.levels(); }

    public Level level() { return level; }

    /// The number of `level` in the catalogue, from 1.
    public int number(Level l) { return catalogue.number(l); }

    public Session session() { return session; }

    /// The real run being replayed, if the session is one.
    public Optional<Reenactment> reenactment() { return Optional.ofNullable(reenactment); }

    /// Changes at every change of what is shown.
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    /// What the last step did, with what the lab noticed ("one update lost"), or a hint.
    public ReadOnlyStringProperty saidProperty() { return said.getReadOnlyProperty(); }

    /// What the random schedules came to, or empty.
    public ReadOnlyStringProperty schedulerProperty() { return scheduler.getReadOnlyProperty(); }

    /// Whether what [#saidProperty] says is an update being lost (the view marks it).
    public ReadOnlyBooleanProperty saidLostProperty() { return saidLost.getReadOnlyProperty(); }

    /// Whether a real run is going on.
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /// Opens `l` at its start, with its switches as it opens.
    public void select(Level l) {
        level = l;
        on.clear();
        on.addAll(l.defaultToggles());
        fresh("Pick the thread that takes the next step: click its Step button, or press its number.");
    }

    /// Opens the level called `id`, if the catalogue has one.
    public void select(String id) {
        catalogue.find(id).ifPresent(this::select);
    }

    /// Opens the next level, if there is one.
    public boolean next() {
        Optional<Level> n = catalogue.next(level);
        n.ifPresent(this::select);
        return n.isPresent();
    }

    public boolean toggled(String toggle) { return on.contains(toggle); }

    /// Turns a switch of the level on or off; the level starts again.
    public void toggle(String toggle, boolean value) {
        if (value) on.add(toggle);
        else on.remove(toggle);
        fresh(value ? "Switched on; the level starts again." : "Switched off; the level starts again.");
    }

    /// Lets `thread` take a step, if it can; says why not otherwise.
    public void step(int thread) {
        if (thread < 0 || thread >= session.state().threads().size()) return;
        if (!session.canStep(thread)) {
            say(session.whyNot(thread).orElse(session.machine().name(thread) + " cannot step now."), false);
            return;
        }
        Event e = session.step(thread);
        say(e.text(), e.lostUpdate());
    }

    public void undo() {
        if (!session.canUndo()) return;
        session.undo();
        say(session.lastEvent().map(e -> "Back to: " + e.text()).orElse("Back at the start."), false);
    }

    public void redo() {
        if (!session.canRedo()) return;
        Event e = session.redo();
        say(e.text(), e.lostUpdate());
    }

    public void restart() {
        session.restart();
        say("Back at the start.", false);
    }

    /// Plays [#RANDOM_RUNS] random schedules of the level as it is switched (each press with the
    /// next seed, so a press is repeatable: seed 1 always gives the same report).
    public void letTheSchedulerDecide() {
        report = RandomSchedules.run(machineOfLevel(), RANDOM_RUNS, seed);
        scheduler.set(String.format(Locale.ROOT, "Seed %d. %s", seed, report.describe())
                + (report.firstLosing().isPresent() ? " Open the first losing schedule to step through it." : ""));
        seed++;
        changed();
    }

    public boolean hasLosingSchedule() { return report != null && report.firstLosing().isPresent(); }

    /// What the last "Let the scheduler decide" came to, if it was pressed since the level opened.
    public Optional<RandomSchedules.Report> report() { return Optional.ofNullable(report); }

    /// Opens the first schedule the random scheduler found losing an update, from its start;
    /// each Redo (or the thread's key) takes its next step.
    public void openFirstLosing() {
        if (!hasLosingSchedule()) return;
        reenactment = null;
        session = Session.open(machineOfLevel(), report.firstLosing().get());
        say("The first losing schedule, from its start: press Redo (Ctrl+Y) to take its steps one by one.", false);
    }

    /// Runs 2 real threads × [#REAL_INCREMENTS] unsafe increments on this machine, finds the
    /// lost updates in what they read and wrote, and opens the first one step by step.
    public void replayRealRun() {
        if (busy.get()) return;
        busy.set(true);
        say("Running 2 real threads × " + REAL_INCREMENTS + " increments…", false);
        BackgroundTask.wrap(() -> RealRace.run(RealRace.Mode.UNSAFE, 2, REAL_INCREMENTS))
                .onSuccess(this::opened)
                .onFailure(why -> {
                    busy.set(false);
                    say("The real run failed: " + why, false);
                })
                .executeWith(tasks);
    }

    private void opened(RealRun run) {
        busy.set(false);
        int lost = run.expected() - run.finalCount();
        Optional<Reenactment> found = Reenactment.of(run);
        if (found.isEmpty()) {
            say(String.format(Locale.ROOT, "The real run counted %,d of %,d: %s", run.finalCount(), run.expected(),
                    lost == 0 ? "this time no update was lost. Try again: the threads are scheduled differently each run."
                            : "updates were lost, but none in a window short enough to step through. Try again."), false);
            return;
        }
        reenactment = found.get();
        session = reenactment.open();
        say(String.format(Locale.ROOT, "The real run counted %,d of %,d. %s Press Redo (Ctrl+Y) to see what "
                + "the CPU did, step by step.", run.finalCount(), run.expected(), reenactment.lost().text()), true);
    }

    private Machine machineOfLevel() {
        return level.machine(on);
    }

    private void fresh(String hint) {
        reenactment = null;
        report = null;
        scheduler.set("");
        session = new Session(machineOfLevel());
        say(hint, false);
    }

    /// Says `text` (`lost`: it tells of an update lost, which the view marks) and redraws.
    private void say(String text, boolean lost) {
        said.set(text);
        saidLost.set(lost);
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
