package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.List;

/// One step of one thread of a [Machine], on mutable copies of the state's parts.
///
/// Thread-safety: one step, on one thread.
final class Stepper {
    private final Machine machine;
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

    Stepper(Machine machine, RaceState before, int thread) {
        this.machine = machine;
        this.before = before;
        this.thread = thread;
        this.me = machine.name(thread);
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
        Program program = machine.threads().get(thread).program();
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
                yield machine.rules() == Rules.EVENT_LOOP ? me + " awaits: the event loop may run another task now"
                        : me + " passes an await, which does not hold up threads";
            }
        };
        if (status == ThreadStatus.READY && pc >= program.size()) {
            status = ThreadStatus.DONE;
            List<String> held = lockStates.stream().filter(l -> l.owner() == thread).map(LockState::name).toList();
            action += "; " + me + " is done" + (held.isEmpty() ? "" : ", still holding " + Words.and(held));
        }
        states.set(thread, new ThreadState(me, pc, status, registers, waitsFor));
        int current = machine.rules() == Rules.EVENT_LOOP && status == ThreadStatus.READY && !(instruction.op() instanceof Op.Await)
                ? thread : -1;
        Counts counts = new Counts(lost, lockWaits, casFailures, before.counts().brokenInvariants());
        RaceState after = new RaceState(states, variables, lockStates, current, counts, List.of());
        int broken = 0;
        for (Condition.Measure invariant : machine.invariants()) {
            if (invariant.holds(before, null) && !invariant.holds(after, null)) {
                broken++;
                int value = after.measure(invariant.measure());
                findings.add(new Finding.InvariantBroken(invariant, value, invariant.measure() + " is " + value
                        + ": the invariant " + invariant.text() + " no longer holds"));
            }
        }
        if (status == ThreadStatus.LOCK_WAIT) {
            machine.cycle(after, thread).ifPresent(cycle -> findings.add(new Finding.Deadlock(cycle, "deadlock: " + WaitLink.text(cycle))));
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
                .map(machine::name).toList();
        String writer = machine.name(variable.lastWriter());
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
        String owner = machine.name(lock.owner());
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
        ThreadStatus waiterStatus = waiterPc >= machine.threads().get(next).program().size() ? ThreadStatus.DONE : ThreadStatus.READY;
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
