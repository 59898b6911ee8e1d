package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/// The race lab's step engine: 1 to 4 threads running their programs over shared variables and
/// locks, one step at a time, whichever thread the learner (or a random scheduler, or an
/// exhaustive search) picks. The machine is the fixed part (programs, rules, starting values,
/// what the level checks); every moment is an immutable [RaceState], so undo is going back to
/// the previous state, and replaying a schedule from [#start] always gives the same states.
///
/// At every step the lab looks for what the levels teach:
///
/// - a **lost update**: a store whose value was computed from a read of the same variable that
///   has been written since. Every write remembers the version its value was computed from, so
///   the writes a value still reflects form a chain back to the start; the writes the stale
///   store drops from the chain are lost. (The count is net of writes lost before that the stale
///   value reflects again, so a counter always ends exactly `lostUpdates` below its expected
///   value.)
/// - a **lock wait**: a thread tries to take a lock another holds. It waits
///   ([ThreadStatus#LOCK_WAIT]) and cannot be scheduled until the owner gives the lock back,
///   which hands it to the first waiter.
/// - a **deadlock**: a step that makes threads wait for each other in a cycle.
/// - a **broken invariant**: a condition of the level (`balance >= 0`) that held before the
///   step and does not after it.
///
/// Thread-safety: immutable; every method may be called from any thread.
public final class Machine {
    public static final int MAX_THREADS = 4;

    private final Rules rules;
    private final List<ThreadSpec> threads;
    private final Map<String, Integer> shared;
    private final Map<String, Integer> expected;
    private final List<String> locks;
    private final List<Condition.Measure> invariants;
    private final Goal goal;
    private final RaceState start;

    /// @param rules      who may step: any ready thread, or the running task of an event loop
    /// @param threads    the threads and their programs
    /// @param shared     the shared variables and their starting values, in the order to show them
    /// @param expected   the values some shared variables end with when no update is lost (the
    ///                   ending compares them)
    /// @param invariants conditions that should hold at every moment (`balance >= 0`)
    /// @param goal       what the learner is asked to make happen
    /// @throws IllegalArgumentException naming what does not fit: a variable no thread may use,
    ///         a register that is never set, a measure that is neither a count nor a variable…
    public Machine(Rules rules, List<ThreadSpec> threads, Map<String, Integer> shared, Map<String, Integer> expected,
                   List<Condition.Measure> invariants, Goal goal) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.threads = List.copyOf(threads);
        this.shared = Collections.unmodifiableMap(new LinkedHashMap<>(shared));
        this.expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        this.invariants = List.copyOf(invariants);
        this.goal = Objects.requireNonNull(goal, "goal");
        if (this.threads.isEmpty() || this.threads.size() > MAX_THREADS) {
            throw new IllegalArgumentException("a race needs 1 to " + MAX_THREADS + " threads, not " + this.threads.size());
        }
        this.locks = check();
        this.start = initial();
    }

    public Rules rules() {
        return rules;
    }

    public List<ThreadSpec> threads() {
        return threads;
    }

    /// The shared variables and their starting values.
    public Map<String, Integer> shared() {
        return shared;
    }

    /// The values shared variables end with when no update is lost.
    public Map<String, Integer> expected() {
        return expected;
    }

    /// The locks the programs use, in the order they first name them.
    public List<String> locks() {
        return locks;
    }

    public List<Condition.Measure> invariants() {
        return invariants;
    }

    public Goal goal() {
        return goal;
    }

    /// The state before the first step: every thread at its first instruction with its
    /// registers at 0, the shared variables at their starting values, every lock free.
    public RaceState start() {
        return start;
    }

    /// The threads that may take the next step, in order: those neither done nor waiting for a
    /// lock; under [Rules#EVENT_LOOP] only the running task, until it awaits or finishes.
    public List<Integer> runnable(RaceState state) {
        List<Integer> runnable = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) if (whyNot(state, i).isEmpty()) runnable.add(i);
        return runnable;
    }

    public boolean canStep(RaceState state, int thread) {
        return whyNot(state, thread).isEmpty();
    }

    /// Why `thread` cannot take the next step ("thread 2 waits for lock L, which thread 1
    /// holds"), or empty when it can.
    public Optional<String> whyNot(RaceState state, int thread) {
        Objects.checkIndex(thread, threads.size());
        ThreadState t = state.thread(thread);
        return switch (t.status()) {
            case DONE -> Optional.of(t.name() + " is done");
            case LOCK_WAIT -> Optional.of(t.name() + " waits for lock " + t.waitsFor() + ", which "
                    + name(state.lock(t.waitsFor()).owner()) + " holds");
            case READY -> state.current() >= 0 && state.current() != thread
                    ? Optional.of(t.name() + " waits for the event loop: " + name(state.current()) + " runs until its next await")
                    : Optional.empty();
        };
    }

    /// The instruction `thread` runs at its next step, or empty when it is done.
    public Optional<Instruction> next(RaceState state, int thread) {
        Program program = threads.get(thread).program();
        int pc = state.thread(thread).pc();
        return pc < program.size() ? Optional.of(program.instructions().get(pc)) : Optional.empty();
    }

    /// Lets `thread` take one step.
    ///
    /// @throws IllegalArgumentException when it cannot step now (see [#whyNot])
    /// @throws IllegalStateException    when its program gives back a lock it does not hold
    public Transition step(RaceState state, int thread) {
        Optional<String> why = whyNot(state, thread);
        if (why.isPresent()) throw new IllegalArgumentException(why.get() + ": it cannot step now");
        return new Stepper(this, state, thread).run();
    }

    /// The state `schedule` (the thread of each step, in order) leads to from the start.
    ///
    /// @throws IllegalArgumentException when a thread of the schedule cannot step at its turn
    public RaceState replay(List<Integer> schedule) {
        return states(schedule).getLast();
    }

    /// Every state along `schedule`: the start, then the state after each step.
    ///
    /// @throws IllegalArgumentException when a thread of the schedule cannot step at its turn
    public List<RaceState> states(List<Integer> schedule) {
        List<RaceState> states = new ArrayList<>(schedule.size() + 1);
        RaceState state = start;
        states.add(state);
        for (int i = 0; i < schedule.size(); i++) {
            int thread = schedule.get(i);
            Optional<String> why = thread < 0 || thread >= threads.size() ? Optional.of("there is no thread " + thread)
                    : whyNot(state, thread);
            if (why.isPresent()) {
                throw new IllegalArgumentException("step " + (i + 1) + " of the schedule picks a thread that cannot step: " + why.get());
            }
            state = step(state, thread).state();
            states.add(state);
        }
        return states;
    }

    /// How the run ended, once no thread can step; empty while one can.
    public Optional<Ending> ending(RaceState state) {
        if (state.allDone()) return Optional.of(new Ending.Finished(finished(state)));
        if (!runnable(state).isEmpty()) return Optional.empty();
        for (int i = 0; i < threads.size(); i++) {
            Optional<List<WaitLink>> cycle = cycle(state, i);
            if (cycle.isPresent()) {
                String who = cycle.get().size() == 2 ? "neither can" : "none of them can";
                return Optional.of(new Ending.Deadlock(cycle.get(), "Deadlock: " + WaitLink.text(cycle.get()) + "; " + who
                        + " ever move again."));
            }
        }
        List<WaitLink> waits = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) if (state.thread(i).status() == ThreadStatus.LOCK_WAIT) waits.add(link(state, i));
        List<String> why = waits.stream().map(w -> w.name() + " waits for " + w.waitsFor() + ", which " + name(w.owner())
                + " still holds though it is done").toList();
        return Optional.of(new Ending.Stuck(waits, "No thread can move: " + String.join("; ", why) + "."));
    }

    /// How the learner stands with the goal in `state`.
    public GoalStatus goalStatus(RaceState state) {
        return goal.status(state, ending(state).orElse(null));
    }

    /// Whether `state` is an ending that reaches the goal.
    public boolean reachesGoal(RaceState state) {
        return goal.reachedBy(state, ending(state).orElse(null));
    }

    /// The thread `index`'s name, "thread 1".
    public String name(int index) {
        return threads.get(index).name();
    }

    /// The cycle of waits `thread` is part of, starting at its lowest-numbered thread, if it is in
    /// one.
    Optional<List<WaitLink>> cycle(RaceState state, int thread) {
        List<Integer> path = new ArrayList<>();
        int at = thread;
        while (state.thread(at).status() == ThreadStatus.LOCK_WAIT && !path.contains(at)) {
            path.add(at);
            at = state.lock(state.thread(at).waitsFor()).owner();
        }
        if (at != thread || path.isEmpty()) return Optional.empty();
        int first = path.indexOf(Collections.min(path));
        List<WaitLink> cycle = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) cycle.add(link(state, path.get((first + i) % path.size())));
        return Optional.of(cycle);
    }

    private WaitLink link(RaceState state, int thread) {
        String lock = state.thread(thread).waitsFor();
        return new WaitLink(thread, name(thread), state.held(thread), lock, state.lock(lock).owner());
    }

    private String finished(RaceState state) {
        List<String> values = new ArrayList<>();
        for (SharedVariable v : state.shared()) {
            Integer want = expected.get(v.name());
            String value = v.name() + " = " + v.value();
            if (want != null) value += want == v.value() ? ", as expected" : " where " + want + " was expected";
            values.add(value);
        }
        StringBuilder text = new StringBuilder("All threads are done: ").append(String.join("; ", values)).append('.');
        Counts counts = state.counts();
        if (counts.lostUpdates() > 0) {
            text.append(" The lab counted ").append(Words.count(counts.lostUpdates(), "lost update", "lost updates")).append('.');
        }
        if (counts.brokenInvariants() > 0) {
            text.append(" The invariant ").append(Words.and(invariants.stream().map(Condition::text).toList()))
                    .append(invariants.size() == 1 ? " was" : " were").append(" broken.");
        }
        return text.toString();
    }

    private RaceState initial() {
        List<ThreadState> states = new ArrayList<>();
        for (ThreadSpec t : threads) {
            List<Register> registers = t.program().registers().stream().map(r -> new Register(r, 0, null)).toList();
            states.add(new ThreadState(t.name(), 0, ThreadStatus.READY, registers, null));
        }
        List<SharedVariable> variables = shared.entrySet().stream()
                .map(e -> new SharedVariable(e.getKey(), e.getValue(), List.of())).toList();
        return new RaceState(states, variables, locks.stream().map(LockState::free).toList(), -1, Counts.NONE, List.of());
    }

    /// Checks that the programs, the measures and the variables fit together; returns the locks.
    private List<String> check() {
        Set<String> names = new HashSet<>();
        for (ThreadSpec t : threads) {
            if (!names.add(t.name())) throw new IllegalArgumentException("two threads are called " + t.name());
        }
        for (String variable : shared.keySet()) {
            if (Counts.MEASURES.contains(variable)) {
                throw new IllegalArgumentException("a shared variable cannot be called " + variable + ": the lab counts " + variable);
            }
        }
        Set<String> lockNames = new LinkedHashSet<>();
        for (ThreadSpec t : threads) {
            for (Instruction instruction : t.program().instructions()) {
                String lock = switch (instruction.op()) {
                    case Op.Lock l -> l.lock();
                    case Op.Unlock u -> u.lock();
                    default -> null;
                };
                if (lock != null) lockNames.add(lock);
                String variable = switch (instruction.op()) {
                    case Op.Load load -> load.variable();
                    case Op.Store store -> store.variable();
                    case Op.Cas cas -> cas.variable();
                    default -> null;
                };
                if (variable != null && !shared.containsKey(variable)) {
                    throw new IllegalArgumentException(t.name() + ": \"" + instruction.text() + "\": " + variable
                            + " is not a shared variable (the shared variables: " + String.join(", ", shared.keySet()) + ")");
                }
            }
        }
        for (ThreadSpec t : threads) {
            Set<String> set = t.program().registersSet();
            for (String register : t.program().registers()) {
                if (shared.containsKey(register) || lockNames.contains(register)) {
                    throw new IllegalArgumentException(t.name() + ": " + register + " is used as a register but is a shared "
                            + (shared.containsKey(register) ? "variable: load it into a register first" : "lock"));
                }
                if (!set.contains(register)) {
                    throw new IllegalArgumentException(t.name() + ": register " + register + " is read but never set");
                }
            }
        }
        for (String lock : lockNames) {
            if (shared.containsKey(lock)) throw new IllegalArgumentException(lock + " is both a lock and a shared variable");
        }
        for (String variable : expected.keySet()) {
            if (!shared.containsKey(variable)) throw new IllegalArgumentException("an expected value is given for " + variable
                    + ", which is not a shared variable");
        }
        List<Condition> conditions = new ArrayList<>(invariants);
        conditions.addAll(goal.reach());
        for (Condition condition : conditions) {
            if (condition instanceof Condition.Measure m && !shared.containsKey(m.measure()) && !Counts.MEASURES.contains(m.measure())) {
                throw new IllegalArgumentException("\"" + m.text() + "\": " + m.measure() + " is neither a shared variable nor one of "
                        + String.join(", ", Counts.MEASURES));
            }
        }
        return List.copyOf(lockNames);
    }

}
