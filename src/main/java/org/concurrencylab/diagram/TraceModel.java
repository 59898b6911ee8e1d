package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Consumer;

/// The finished segments of one run, indexed for drawing: per lane, sorted by start, so the part
/// inside a time window is found by binary search instead of a scan.
///
/// A segment on a lane the model does not have yet gets placeholder lanes up to its own, but
/// only [#MAX_MADE_UP_LANES] beyond the lanes known, and the by-task view makes lanes only for
/// task ids a run can have ([#MAX_TASK_LANES]): a segment on lane 2,147,483,647 must not make
/// lanes until the heap is gone. Such a segment is refused with an [IllegalArgumentException].
///
/// Thread-safety: not thread-safe; owned by one thread (the FX thread for the window). It is
/// filled either from a finished run or incrementally by draining a live [TraceRecorder].
public final class TraceModel {
    /// The most placeholder lanes one segment may make beyond the lanes known.
    public static final int MAX_MADE_UP_LANES = 1_024;
    /// The most lanes of a by-task view: one per task of the largest run.
    public static final int MAX_TASK_LANES = 1_000_000;

    private final List<Lane> lanes = new ArrayList<>();
    private static final int LONGEST_NAMED = 16;
    private final List<Lane> longestNamed = new ArrayList<>();
    private int longestName;
    private final List<List<Segment>> byLane = new ArrayList<>();
    private final List<Segment> taskOnly = new ArrayList<>();
    private final Set<State> states = EnumSet.noneOf(State.class);
    private final Set<State> laneStates = EnumSet.noneOf(State.class);
    private long endNanos;
    private int segmentCount;
    private int failedCount;
    private int readPosition;
    /// Time per state over the lanes' segments, by state ordinal.
    private final long[] laneTotals = new long[State.values().length];
    /// For a by-task model: the worker lane each segment happened on.
    private Map<Segment, Integer> workerOf;

    /// A model holding a finished run's trace.
    public static TraceModel of(List<Lane> lanes, List<Segment> segments) {
        TraceModel model = new TraceModel();
        for (Lane lane : lanes) model.addLane(lane);
        for (Segment s : segments) model.add(s);
        return model;
    }

    /// Takes in the lanes and finished segments the recorder has that this model has not seen.
    /// Returns true if anything was new.
    public boolean drain(TraceRecorder recorder) {
        return drain(recorder, s -> {});
    }

    /// As [#drain(TraceRecorder)], handing every new segment to `alsoTo` as well (a task view
    /// follows the run that way).
    public boolean drain(TraceRecorder recorder, Consumer<Segment> alsoTo) {
        // segments first, lanes second: every lane a segment names was added before it ended
        List<Segment> fresh = new ArrayList<>();
        readPosition = recorder.readFinished(readPosition, fresh::add);
        boolean changed = !fresh.isEmpty();
        for (Lane lane : recorder.lanesFrom(lanes.size())) {
            addLane(lane);
            changed = true;
        }
        for (Segment s : fresh) {
            add(s);
            alsoTo.accept(s);
        }
        return changed;
    }

    /// The same trace seen by task: one lane per task ("task 1", "task 2", …) holding everything
    /// that happened to it on any worker, QUEUED time before a worker picked it up included.
    /// Time that belongs to no task (a loop idling, a process starting) is left out.
    public TraceModel byTask() {
        TraceModel tasks = new TraceModel();
        tasks.workerOf = new IdentityHashMap<>();
        for (List<Segment> lane : byLane) for (Segment s : lane) tasks.addAsTask(s);
        for (Segment s : taskOnly) tasks.addAsTask(s);
        return tasks;
    }

    /// Adds a worker's (or a task-only) segment to this by-task model; see [#byTask()].
    public void addAsTask(Segment s) {
        if (s.task() < 0) return;
        if (s.task() >= MAX_TASK_LANES) {
            throw new IllegalArgumentException("task " + s.task() + " is beyond the " + MAX_TASK_LANES + " tasks a run has");
        }
        if (workerOf == null) workerOf = new IdentityHashMap<>();
        while (s.task() >= lanes.size()) {
            addLane(new Lane(lanes.size(), "task " + (lanes.size() + 1), LaneKind.TASK));
        }
        Segment asTask = new Segment(s.task(), s.task(), s.state(), s.start(), s.end(), s.label(), s.error(), s.open());
        workerOf.put(asTask, s.lane());
        add(asTask);
    }

    /// In a by-task model, the worker lane a segment happened on ([Segment#NO_LANE] for queue
    /// time); in a by-worker model, the segment's own lane.
    public int workerLaneOf(Segment s) {
        if (workerOf == null) return s.lane();
        Integer lane = workerOf.get(s);
        return lane == null ? s.lane() : lane;
    }

    /// Whether this model shows tasks rather than workers.
    public boolean isByTask() {
        return workerOf != null;
    }

    /// Time per state summed over every lane, counting only what had happened by `cursorNanos`
    /// (-1: everything), plus the `open` segments of a live run.
    public Map<State, Long> stateTotals(long cursorNanos, List<Segment> open) {
        Map<State, Long> totals = new EnumMap<>(State.class);
        if (cursorNanos < 0) {
            // the running sums kept by add: a live run asks every frame
            for (State state : State.values()) if (laneTotals[state.ordinal()] > 0) totals.put(state, laneTotals[state.ordinal()]);
        }
        for (List<Segment> lane : cursorNanos < 0 ? List.<List<Segment>>of() : byLane) {
            for (Segment s : lane) {
                if (cursorNanos >= 0 && s.start() >= cursorNanos) break;
                long end = cursorNanos >= 0 ? Math.min(s.end(), cursorNanos) : s.end();
                totals.merge(s.state(), end - s.start(), Long::sum);
            }
        }
        for (Segment s : open) {
            if (s.lane() >= 0 && s.lane() < byLane.size()) totals.merge(s.state(), s.duration(), Long::sum);
        }
        return totals;
    }

    /// The first time after `nanos` at which any lane changes state (a segment starts or ends),
    /// or -1 if nothing changes later; with `backwards`, the last such time before `nanos`.
    public long nextChange(long nanos, boolean backwards) {
        long best = -1;
        for (List<Segment> lane : byLane) {
            for (Segment s : lane) {
                best = closer(best, s.start(), nanos, backwards);
                best = closer(best, s.end(), nanos, backwards);
            }
        }
        return best;
    }

    /// `t` if it is on the asked side of `nanos` and nearer to it than `best` (-1: none yet).
    private static long closer(long best, long t, long nanos, boolean backwards) {
        boolean nearer = backwards ? t < nanos && (best < 0 || t > best) : t > nanos && (best < 0 || t < best);
        return nearer ? t : best;
    }

    public void addLane(Lane lane) {
        if (lane.id() != lanes.size()) throw new IllegalArgumentException("lanes must be added in id order");
        lanes.add(lane);
        byLane.add(new ArrayList<>());
        int length = lane.name().length();
        if (length > longestName) {
            longestName = length;
            longestNamed.removeIf(l -> l.name().length() < length - 1);
            if (longestNamed.size() == LONGEST_NAMED) longestNamed.removeFirst(); // the longest always counts
            longestNamed.add(lane);
        } else if (length >= longestName - 1 && longestNamed.size() < LONGEST_NAMED) {
            longestNamed.add(lane);
        }
    }

    /// Some of the lanes whose names are longest in characters (up to 16, within one character
    /// of the longest): the diagram's header is as wide as the widest, and measuring a few
    /// instead of ten thousand keeps a frame cheap. Kept up to date as lanes come.
    public List<Lane> longestNamedLanes() {
        return Collections.unmodifiableList(longestNamed);
    }

    public void add(Segment segment) {
        if (segment.lane() == Segment.NO_LANE) {
            taskOnly.add(segment);
        } else {
            if (segment.lane() < 0 || segment.lane() - (long) lanes.size() >= MAX_MADE_UP_LANES) {
                throw new IllegalArgumentException("a segment on lane " + segment.lane() + ", but the trace has "
                        + lanes.size() + " lanes");
            }
            while (segment.lane() >= lanes.size()) {
                addLane(new Lane(lanes.size(), "lane " + (lanes.size() + 1), LaneKind.THREAD));
            }
            laneStates.add(segment.state());
            laneTotals[segment.state().ordinal()] += segment.duration();
            List<Segment> list = byLane.get(segment.lane());
            if (list.isEmpty() || list.getLast().start() <= segment.start()) {
                list.add(segment);
            } else {
                int at = Collections.binarySearch(startsOf(list), segment.start());
                list.add(at < 0 ? -at - 1 : at, segment);
            }
        }
        states.add(segment.state());
        endNanos = Math.max(endNanos, segment.end());
        segmentCount++;
        if (segment.failed()) failedCount++;
    }

    private static List<Long> startsOf(List<Segment> list) {
        class Starts extends AbstractList<Long> implements RandomAccess {
            @Override public Long get(int i) { return list.get(i).start(); }
            @Override public int size() { return list.size(); }
        }
        return new Starts();
    }

    public List<Lane> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    /// The lane's segments, sorted by start.
    public List<Segment> segments(int lane) {
        return Collections.unmodifiableList(byLane.get(lane));
    }

    /// Segments that belong to a task but no worker (QUEUED time).
    public List<Segment> taskOnlySegments() {
        return Collections.unmodifiableList(taskOnly);
    }

    /// Index of the first segment of `lane` that ends at or after `nanos`.
    public int firstEndingAtOrAfter(int lane, long nanos) {
        List<Segment> list = byLane.get(lane);
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).end() < nanos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// The states that occur in the trace.
    public Set<State> states() {
        return Collections.unmodifiableSet(states);
    }

    /// The states that occur on workers' lanes (what the by-worker view draws).
    public Set<State> laneStates() {
        return Collections.unmodifiableSet(laneStates);
    }

    /// The latest end of any finished segment.
    public long endNanos() {
        return endNanos;
    }

    public int segmentCount() {
        return segmentCount;
    }

    public int failedCount() {
        return failedCount;
    }
}
