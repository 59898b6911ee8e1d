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
        return new Stepper(state, thread).run();
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

    /// One step of one thread, on mutable copies of the state's parts.
    private final class Stepper {
        private final RaceState before;
        private final int thread;
        private final String me;
        private final List<ThreadState> states;
        private final List<SharedVariable> variables;
        private final List<LockState> lockStates;
        private final List<Register> registers;
        private final List<Finding> findings = new ArrayList<>();
        private int pc;
        private ThreadStatus status = ThreadStatus.READY;
        private String waitsFor;
        private int lost;
        private int lockWaits;
        private int casFailures;

        Stepper(RaceState before, int thread) {
            this.before = before;
            this.thread = thread;
            this.me = name(thread);
            this.states = new ArrayList<>(before.threads());
            this.variables = new ArrayList<>(before.shared());
            this.lockStates = new ArrayList<>(before.locks());
            this.registers = new ArrayList<>(before.thread(thread).registers());
            this.pc = before.thread(thread).pc();
            this.lost = before.counts().lostUpdates();
            this.lockWaits = before.counts().lockWaits();
            this.casFailures = before.counts().casFailures();
        }

        Transition run() {
            Program program = threads.get(thread).program();
            int at = pc;
            Instruction instruction = program.instructions().get(at);
            String action = switch (instruction.op()) {
                case Op.Load load -> load(load);
                case Op.Store store -> store(store);
                case Op.Compute compute -> compute(compute);
                case Op.JumpIf jump -> jumpIf(jump);
                case Op.Jump jump -> {
                    pc = jump.target().index();
                    yield me + " jumps to " + label(jump.target());
                }
                case Op.Cas cas -> cas(cas);
                case Op.Lock lock -> lock(lock);
                case Op.Unlock unlock -> unlock(unlock);
                case Op.Await _ -> {
                    pc++;
                    yield rules == Rules.EVENT_LOOP ? me + " awaits: the event loop may run another task now"
                            : me + " passes an await, which does not hold up threads";
                }
            };
            if (status == ThreadStatus.READY && pc >= program.size()) {
                status = ThreadStatus.DONE;
                List<String> held = lockStates.stream().filter(l -> l.owner() == thread).map(LockState::name).toList();
                action += "; " + me + " is done" + (held.isEmpty() ? "" : ", still holding " + Words.and(held));
            }
            states.set(thread, new ThreadState(me, pc, status, registers, waitsFor));
            int current = rules == Rules.EVENT_LOOP && status == ThreadStatus.READY && !(instruction.op() instanceof Op.Await)
                    ? thread : -1;
            Counts counts = new Counts(lost, lockWaits, casFailures, before.counts().brokenInvariants());
            RaceState after = new RaceState(states, variables, lockStates, current, counts, List.of());
            int broken = 0;
            for (Condition.Measure invariant : invariants) {
                if (invariant.holds(before, null) && !invariant.holds(after, null)) {
                    broken++;
                    int value = after.measure(invariant.measure());
                    findings.add(new Finding.InvariantBroken(invariant, value, invariant.measure() + " is " + value
                            + ": the invariant " + invariant.text() + " no longer holds"));
                }
            }
            if (status == ThreadStatus.LOCK_WAIT) {
                cycle(after, thread).ifPresent(cycle -> findings.add(new Finding.Deadlock(cycle, "deadlock: " + WaitLink.text(cycle))));
            }
            Event event = new Event(before.history().size(), thread, at, instruction.line(), instruction.text(), action, findings);
            List<Event> history = new ArrayList<>(before.history().size() + 1);
            history.addAll(before.history());
            history.add(event);
            counts = new Counts(lost, lockWaits, casFailures, counts.brokenInvariants() + broken);
            return new Transition(new RaceState(states, variables, lockStates, current, counts, history), event);
        }

        private String load(Op.Load load) {
            SharedVariable variable = variable(load.variable());
            setRegister(load.register(), variable.value(), new Read(variable.name(), variable.version(), variable.value()));
            pc++;
            return me + " loads " + variable.name() + " = " + variable.value() + " into " + load.register();
        }

        private String compute(Op.Compute compute) {
            int left = value(compute.left());
            int right = value(compute.right());
            int result = compute.arithmetic().apply(left, right);
            Read source = source(compute.left());
            setRegister(compute.register(), result, source != null ? source : source(compute.right()));
            pc++;
            return me + " computes " + compute.register() + " = " + left + " " + compute.arithmetic().symbol() + " " + right + " = " + result;
        }

        private String store(Op.Store store) {
            SharedVariable variable = variable(store.variable());
            int value = value(store.value());
            Read source = source(store.value());
            int base = source != null && source.variable().equals(variable.name()) ? source.version() : -1;
            if (base >= 0 && base < variable.version()) stale(variable, value, source);
            write(variable, value, base);
            pc++;
            return me + " stores " + value + " into " + variable.name();
        }

        /// A store of `value` computed from `source`, a read the variable has had writes since:
        /// the writes its value reflected before and no longer does are lost; writes lost before
        /// that the stale value still reflected come back (the count is the net change, so that a
        /// counter always ends lostUpdates below what it would without).
        private void stale(SharedVariable variable, int value, Read source) {
            List<Integer> before = variable.chain(variable.version());
            List<Integer> after = variable.chain(source.version());
            List<Integer> erased = before.stream().filter(v -> !after.contains(v)).toList();
            long restored = after.stream().filter(v -> !before.contains(v)).count();
            int net = erased.size() - (int) restored;
            lost += net;
            if (net <= 0) return;
            List<String> by = erased.stream().map(v -> variable.writes().get(v - 1).thread()).distinct().sorted()
                    .map(Machine.this::name).toList();
            String writer = name(variable.lastWriter());
            String text = me + " stored " + value + " over " + writer + "'s " + variable.value() + ": "
                    + Words.count(net, "update", "updates") + " lost (" + me + " read " + variable.name() + " = "
                    + source.value() + " before " + (erased.size() == 1 ? Words.and(by) + " wrote it"
                    : erased.size() + " writes by " + Words.and(by)) + ")";
            findings.add(new Finding.LostUpdate(thread, variable.name(), value, variable.value(), variable.lastWriter(), source,
                    net, text));
        }

        private String jumpIf(Op.JumpIf jump) {
            int left = value(jump.left());
            int right = value(jump.right());
            boolean holds = jump.comparison().test(left, right);
            String test = me + " tests " + jump.left().text() + " " + jump.comparison().symbol() + " " + jump.right().text() + ": "
                    + left + " " + jump.comparison().symbol() + " " + right;
            if (holds) {
                pc = jump.target().index();
                return test + " is true, so it jumps to " + label(jump.target());
            }
            pc++;
            return test + " is false, so it goes on";
        }

        private String cas(Op.Cas cas) {
            SharedVariable variable = variable(cas.variable());
            int expected = value(cas.expected());
            int update = value(cas.update());
            String found = me + "'s compare-and-set finds " + variable.name() + " = " + variable.value();
            if (variable.value() == expected) {
                write(variable, update, variable.version());
                pc++;
                return found + ", as expected, and writes " + update;
            }
            casFailures++;
            String retry = cas.retry() == null ? "" : ", so it goes back to " + label(cas.retry());
            findings.add(new Finding.CasFailure(thread, variable.name(), expected, variable.value(), "compare-and-set failed: "
                    + variable.name() + " is " + variable.value() + ", not " + expected + ", so " + me + " wrote nothing"
                    + (cas.retry() == null ? "" : " and retries")));
            pc = cas.retry() == null ? pc + 1 : cas.retry().index();
            return found + ", not the " + expected + " it expected, and writes nothing" + retry;
        }

        private String lock(Op.Lock op) {
            int index = lockIndex(op.lock());
            LockState lock = lockStates.get(index);
            if (lock.free()) {
                lockStates.set(index, new LockState(lock.name(), thread, 1, List.of()));
                pc++;
                return me + " takes lock " + lock.name();
            }
            if (lock.owner() == thread) {
                lockStates.set(index, new LockState(lock.name(), thread, lock.holds() + 1, lock.waiters()));
                pc++;
                return me + " takes lock " + lock.name() + " again (it holds it " + (lock.holds() + 1) + " times)";
            }
            List<Integer> waiters = new ArrayList<>(lock.waiters());
            waiters.add(thread);
            lockStates.set(index, new LockState(lock.name(), lock.owner(), lock.holds(), waiters));
            status = ThreadStatus.LOCK_WAIT;
            waitsFor = lock.name();
            lockWaits++;
            String owner = name(lock.owner());
            findings.add(new Finding.LockWait(thread, lock.name(), lock.owner(), me + " waits for lock " + lock.name()
                    + ", which " + owner + " holds"));
            return me + " tries to take lock " + lock.name() + ", held by " + owner + ", and waits";
        }

        private String unlock(Op.Unlock op) {
            int index = lockIndex(op.lock());
            LockState lock = lockStates.get(index);
            if (lock.owner() != thread) {
                throw new IllegalStateException(me + " gives back lock " + lock.name() + ", which it does not hold");
            }
            pc++;
            if (lock.holds() > 1) {
                lockStates.set(index, new LockState(lock.name(), thread, lock.holds() - 1, lock.waiters()));
                return me + " releases lock " + lock.name() + " once (it still holds it " + (lock.holds() - 1)
                        + (lock.holds() == 2 ? " time)" : " times)");
            }
            if (lock.waiters().isEmpty()) {
                lockStates.set(index, LockState.free(lock.name()));
                return me + " releases lock " + lock.name();
            }
            int next = lock.waiters().getFirst();
            lockStates.set(index, new LockState(lock.name(), next, 1, lock.waiters().subList(1, lock.waiters().size())));
            ThreadState waiter = states.get(next);
            int waiterPc = waiter.pc() + 1;
            ThreadStatus waiterStatus = waiterPc >= threads.get(next).program().size() ? ThreadStatus.DONE : ThreadStatus.READY;
            states.set(next, new ThreadState(waiter.name(), waiterPc, waiterStatus, waiter.registers(), null));
            return me + " releases lock " + lock.name() + "; " + waiter.name() + ", first in line, takes it";
        }

        private void write(SharedVariable variable, int value, int base) {
            List<SharedVariable.Write> writes = new ArrayList<>(variable.writes());
            writes.add(new SharedVariable.Write(thread, value, base));
            variables.set(variables.indexOf(variable), new SharedVariable(variable.name(), value, writes));
        }

        private SharedVariable variable(String name) {
            for (SharedVariable v : variables) if (v.name().equals(name)) return v;
            throw new IllegalStateException("no shared variable " + name);
        }

        private int lockIndex(String name) {
            for (int i = 0; i < lockStates.size(); i++) if (lockStates.get(i).name().equals(name)) return i;
            throw new IllegalStateException("no lock " + name);
        }

        private int value(Operand operand) {
            return switch (operand) {
                case Operand.Literal(int value) -> value;
                case Operand.Local(String name) -> register(name).value();
            };
        }

        private Read source(Operand operand) {
            return operand instanceof Operand.Local(String name) ? register(name).source() : null;
        }

        private Register register(String name) {
            for (Register r : registers) if (r.name().equals(name)) return r;
            throw new IllegalStateException("no register " + name);
        }

        private void setRegister(String name, int value, Read source) {
            for (int i = 0; i < registers.size(); i++) {
                if (registers.get(i).name().equals(name)) {
                    registers.set(i, new Register(name, value, source));
                    return;
                }
            }
            throw new IllegalStateException("no register " + name);
        }

        private String label(Op.Target target) {
            return target.label().equals(Assembly.END) ? "the end" : target.label();
        }
    }
}
