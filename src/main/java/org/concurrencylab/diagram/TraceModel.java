package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/// The finished segments of one run, indexed for drawing: per lane, sorted by start, so the part
/// inside a time window is found by binary search instead of a scan.
///
/// Thread-safety: not thread-safe; owned by one thread (the FX thread for the window). It is
/// filled either from a finished run or incrementally by draining a live [TraceRecorder].
public final class TraceModel {
    private final List<Lane> lanes = new ArrayList<>();
    private final List<List<Segment>> byLane = new ArrayList<>();
    private final List<Segment> taskOnly = new ArrayList<>();
    private final Set<State> states = EnumSet.noneOf(State.class);
    private final Set<State> laneStates = EnumSet.noneOf(State.class);
    private long endNanos;
    private int segmentCount;
    private int failedCount;
    private int readPosition;

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
        // segments first, lanes second: every lane a segment names was added before it ended
        List<Segment> fresh = new ArrayList<>();
        readPosition = recorder.readFinished(readPosition, fresh::add);
        boolean changed = !fresh.isEmpty();
        for (Lane lane : recorder.lanesFrom(lanes.size())) {
            addLane(lane);
            changed = true;
        }
        for (Segment s : fresh) add(s);
        return changed;
    }

    public void addLane(Lane lane) {
        if (lane.id() != lanes.size()) throw new IllegalArgumentException("lanes must be added in id order");
        lanes.add(lane);
        byLane.add(new ArrayList<>());
    }

    public void add(Segment segment) {
        if (segment.lane() == Segment.NO_LANE) {
            taskOnly.add(segment);
        } else {
            while (segment.lane() >= lanes.size()) {
                addLane(new Lane(lanes.size(), "lane " + (lanes.size() + 1), org.concurrencylab.core.trace.LaneKind.THREAD));
            }
            laneStates.add(segment.state());
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
        class Starts extends java.util.AbstractList<Long> implements java.util.RandomAccess {
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
