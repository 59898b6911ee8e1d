package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// One learner playing one machine: the current state, back (undo) and forward (redo) through
/// the states already seen, and restart. What a view model drives:
///
/// ```java
/// Session session = LevelCatalogue.builtIn().level("lost-update").play();
/// session.runnable();          // [0, 1]: the threads whose "step" button is enabled
/// Event e = session.step(0);   // e.text(): "Thread 1 loads counter = 0 into r."
/// session.goal();              // PLAYING, then REACHED or MISSED once no thread can step
/// session.undo();              // back one step; session.redo() forward again
/// ```
///
/// Forward remembers the steps undone, like a browser's history, until the learner steps
/// another thread: [#open] uses that to show a recorded schedule (one the random scheduler
/// found, or what the CPU really did) from its start, one redo at a time.
///
/// Thread-safety: not thread-safe; a view model confines it to one thread (the FX thread).
public final class Session {
    private final Machine machine;
    private final List<RaceState> states = new ArrayList<>();
    private int position;

    /// A session at the machine's start.
    public Session(Machine machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
        states.add(machine.start());
    }

    /// A session at the start of `schedule`, with the whole schedule ahead: each [#redo] takes
    /// its next step.
    ///
    /// @throws IllegalArgumentException when a thread of the schedule cannot step at its turn
    public static Session open(Machine machine, List<Integer> schedule) {
        Session session = new Session(machine);
        session.states.clear();
        session.states.addAll(machine.states(schedule));
        return session;
    }

    public Machine machine() {
        return machine;
    }

    public RaceState state() {
        return states.get(position);
    }

    /// The threads that may take the next step.
    public List<Integer> runnable() {
        return machine.runnable(state());
    }

    public boolean canStep(int thread) {
        return machine.canStep(state(), thread);
    }

    /// Why `thread` cannot step now, in words, or empty when it can: the tooltip of a disabled
    /// step button.
    public Optional<String> whyNot(int thread) {
        return machine.whyNot(state(), thread);
    }

    /// The instruction `thread` runs at its next step, or empty when it is done.
    public Optional<Instruction> next(int thread) {
        return machine.next(state(), thread);
    }

    /// Lets `thread` take a step. If it is the step [#redo] would take, the rest of the future is
    /// kept; otherwise the future is forgotten.
    ///
    /// @throws IllegalArgumentException when it cannot step now
    public Event step(int thread) {
        if (canRedo() && states.get(position + 1).history().getLast().thread() == thread) return redo();
        Transition transition = machine.step(state(), thread);
        states.subList(position + 1, states.size()).clear();
        states.add(transition.state());
        position++;
        return transition.event();
    }

    public boolean canUndo() {
        return position > 0;
    }

    /// Goes back one step: the state is exactly the one before it.
    ///
    /// @throws IllegalStateException at the start
    public void undo() {
        if (!canUndo()) throw new IllegalStateException("nothing to undo: no step has been taken");
        position--;
    }

    public boolean canRedo() {
        return position < states.size() - 1;
    }

    /// Takes again the step undone last (or the next step of an opened schedule).
    ///
    /// @throws IllegalStateException when there is none
    public Event redo() {
        if (!canRedo()) throw new IllegalStateException("nothing to redo");
        position++;
        return state().history().getLast();
    }

    /// Back to the start; the steps taken are forgotten.
    public void restart() {
        states.subList(1, states.size()).clear();
        position = 0;
    }

    /// The steps taken so far, oldest first.
    public List<Event> events() {
        return state().history();
    }

    /// The step taken last, if any.
    public Optional<Event> lastEvent() {
        List<Event> history = state().history();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    /// The thread of each step so far.
    public List<Integer> schedule() {
        return state().schedule();
    }

    /// The whole remembered schedule, the steps ahead (redo) included.
    public List<Integer> remembered() {
        return states.getLast().schedule();
    }

    /// How the run ended, once no thread can step.
    public Optional<Ending> ending() {
        return machine.ending(state());
    }

    /// The goal: still playing, reached or missed, in words.
    public GoalStatus goal() {
        return machine.goalStatus(state());
    }
}
