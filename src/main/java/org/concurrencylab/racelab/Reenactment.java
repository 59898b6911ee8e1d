package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/// What the CPU really did, in the step engine: the records of a real run around one of its
/// lost updates, turned into a two-thread program (one `counter = counter + 1` per recorded
/// increment) and the schedule that reproduces them: every load in the engine reads the value
/// the real thread read. The view opens it with [#open] and lets the learner step through it.
///
/// The order of the steps comes from the values first and the clock second: a read must happen
/// while the counter holds the value the thread really read, and among the steps that fit, the
/// one that started earliest by the clock goes first. The clock brackets each read and write
/// (`System.nanoTime()` before and after), so where two threads' brackets overlap it cannot tell
/// the order; the values can.
///
/// @param machine  the two threads and the counter, starting at the value read first
/// @param schedule the thread of each step (a read is one step; an increment's add and store two)
/// @param window   the real increments reenacted, by thread then index
/// @param lost     the lost update the window is built around
/// @param timeline the real reads and writes in the order of the schedule, with their time from
///                 the first: "+0 ns: thread 1 read 41"
public record Reenactment(Machine machine, List<Integer> schedule, List<RealRecord> window, RealLostUpdate lost,
                          List<String> timeline) {
    /// At most this many increments of each thread are reenacted: a thread that ran on while the
    /// other was descheduled can make thousands, too many to step through.
    public static final int MAX_WINDOW = 8;
    private static final int SEARCH_BUDGET = 100_000;

    public Reenactment {
        Objects.requireNonNull(machine, "machine");
        schedule = List.copyOf(schedule);
        window = List.copyOf(window);
        Objects.requireNonNull(lost, "lost");
        timeline = List.copyOf(timeline);
    }

    /// A session at the start of the reenactment, the whole schedule ahead.
    public Session open() {
        return Session.open(machine, schedule);
    }

    /// The reenactment of the first lost update of `run` that two threads made within
    /// [#MAX_WINDOW] increments each, if there is one.
    public static Optional<Reenactment> of(RealRun run) {
        return first(run.records(), run.detect());
    }

    /// The reenactment of the first lost update in `detection` that can be reenacted from
    /// `records`.
    public static Optional<Reenactment> first(List<RealRecord> records, RealDetection detection) {
        for (RealLostUpdate lost : detection.lost()) {
            Optional<Reenactment> reenactment = of(records, lost);
            if (reenactment.isPresent()) return reenactment;
        }
        return Optional.empty();
    }

    /// The reenactment of `lost`: the increments of its two threads whose read-to-write span
    /// overlaps the lost update's, if they are at most [#MAX_WINDOW] a thread, fit one
    /// interleaving, and the engine sees an update lost in it.
    public static Optional<Reenactment> of(List<RealRecord> records, RealLostUpdate lost) {
        int a = Math.min(lost.earlier().thread(), lost.later().thread());
        int b = Math.max(lost.earlier().thread(), lost.later().thread());
        if (a == b) return Optional.empty();
        long from = Math.min(lost.earlier().readStart(), lost.later().readStart());
        long to = Math.max(lost.earlier().writeEnd(), lost.later().writeEnd());
        Comparator<RealRecord> order = Comparator.comparingInt(RealRecord::thread).thenComparingInt(RealRecord::index);
        List<RealRecord> window = records.stream()
                .filter(r -> (r.thread() == a || r.thread() == b) && r.writeEnd() >= from && r.readStart() <= to)
                .sorted(order).toList();
        List<List<RealRecord>> byThread = List.of(window.stream().filter(r -> r.thread() == a).toList(),
                window.stream().filter(r -> r.thread() == b).toList());
        if (byThread.get(0).size() > MAX_WINDOW || byThread.get(1).size() > MAX_WINDOW) return Optional.empty();
        Set<Integer> starts = new LinkedHashSet<>();
        byThread.stream().map(List::getFirst).sorted(Comparator.comparingLong(RealRecord::readStart))
                .forEach(r -> starts.add(r.read()));
        for (int start : starts) {
            List<Move> moves = new Search(byThread).order(start);
            if (moves == null) continue;
            Reenactment reenactment = build(a, b, window, byThread, lost, start, moves, from);
            if (reenactment.machine().replay(reenactment.schedule()).counts().lostUpdates() > 0) return Optional.of(reenactment);
        }
        return Optional.empty();
    }

    /// A real read or write of one increment: `thread` is 0 or 1, the reenactment's numbering.
    private record Move(int thread, RealRecord record, boolean write) {
        long time() {
            return write ? record.writeStart() : record.readStart();
        }
    }

    /// Finds an order of the moves in which every read sees the value really read, preferring
    /// at each point the move that started first.
    private static final class Search {
        private final List<List<RealRecord>> byThread;
        private final int[] next = new int[2];
        private final boolean[] readDone = new boolean[2];
        private final List<Move> moves = new ArrayList<>();
        private int budget = SEARCH_BUDGET;

        Search(List<List<RealRecord>> byThread) {
            this.byThread = byThread;
        }

        List<Move> order(int start) {
            return search(start) ? List.copyOf(moves) : null;
        }

        private boolean search(int counter) {
            if (--budget < 0) return false;
            List<Move> candidates = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                if (next[t] < byThread.get(t).size()) candidates.add(new Move(t, byThread.get(t).get(next[t]), readDone[t]));
            }
            if (candidates.isEmpty()) return true;
            candidates.sort(Comparator.comparingLong(Move::time).thenComparingInt(Move::thread));
            for (Move move : candidates) {
                int t = move.thread();
                if (move.write()) {
                    readDone[t] = false;
                    next[t]++;
                    moves.add(move);
                    if (search(move.record().written())) return true;
                    moves.removeLast();
                    next[t]--;
                    readDone[t] = true;
                } else if (move.record().read() == counter) {
                    readDone[t] = true;
                    moves.add(move);
                    if (search(counter)) return true;
                    moves.removeLast();
                    readDone[t] = false;
                }
            }
            return false;
        }
    }

    private static Reenactment build(int a, int b, List<RealRecord> window, List<List<RealRecord>> byThread, RealLostUpdate lost,
                                     int start, List<Move> moves, long from) {
        List<ThreadSpec> threads = List.of(thread(a, byThread.get(0)), thread(b, byThread.get(1)));
        Goal goal = new Goal("See the update the CPU really lost.", List.of(new Condition.Finished(),
                new Condition.Measure("lostUpdates", Comparison.GREATER_OR_EQUAL, 1)));
        Machine machine = new Machine(Rules.THREADS, threads, Map.of("counter", start), Map.of("counter", start + window.size()),
                List.of(), goal);
        List<Integer> schedule = new ArrayList<>();
        List<String> timeline = new ArrayList<>();
        int[] real = {a, b};
        for (Move move : moves) {
            schedule.add(move.thread());
            if (move.write()) schedule.add(move.thread());
            String did = move.write() ? " wrote " + move.record().written() : " read " + move.record().read();
            timeline.add("+" + (move.time() - from) + " ns: thread " + (real[move.thread()] + 1) + did);
        }
        return new Reenactment(machine, schedule, window, lost, timeline);
    }

    private static ThreadSpec thread(int real, List<RealRecord> increments) {
        List<Line> lines = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        for (RealRecord r : increments) {
            int line = lines.size();
            lines.add(new Line("counter = counter + 1;   // increment " + (r.index() + 1)));
            instructions.add(new Instruction(new Op.Load("r", "counter"), line, List.of("aload_0", "aload_0", "getfield counter"),
                    List.of()));
            instructions.add(new Instruction(new Op.Compute("r", new Operand.Local("r"), Op.Arithmetic.ADD, new Operand.Literal(1)),
                    line, List.of("iconst_1", "iadd"), List.of()));
            instructions.add(new Instruction(new Op.Store("counter", new Operand.Local("r")), line, List.of("putfield counter"),
                    List.of()));
        }
        return new ThreadSpec("thread " + (real + 1), new Program(lines, instructions));
    }
}
