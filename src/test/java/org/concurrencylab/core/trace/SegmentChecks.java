package org.concurrencylab.core.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/// Structural checks on traces shared by the tests: overlap per lane and how many segments are
/// open at one instant. Plain functions of a list of segments, no clocks involved.
public final class SegmentChecks {
    private SegmentChecks() {}

    /// The largest number of `matching` segments of positive length open at one instant. An end
    /// and a start at the same instant do not count as open together.
    public static int maxOpenAtOnce(Collection<Segment> segments, Predicate<Segment> matching) {
        record Edge(long time, int delta) {}
        List<Edge> edges = new ArrayList<>();
        for (Segment s : segments) {
            if (!matching.test(s) || s.duration() == 0) continue;
            edges.add(new Edge(s.start(), +1));
            edges.add(new Edge(s.end(), -1));
        }
        edges.sort(Comparator.comparingLong(Edge::time).thenComparingInt(Edge::delta));
        int open = 0;
        int max = 0;
        for (Edge e : edges) {
            open += e.delta();
            max = Math.max(max, open);
        }
        return max;
    }

    /// The segments that belong to a worker lane, grouped by lane and sorted by start.
    public static Map<Integer, List<Segment>> byLane(Collection<Segment> segments) {
        return segments.stream()
                .filter(s -> s.lane() != Segment.NO_LANE)
                .sorted(Comparator.comparingLong(Segment::start).thenComparingLong(Segment::end))
                .collect(Collectors.groupingBy(Segment::lane, TreeMap::new, Collectors.toList()));
    }

    /// The trace with each CPU step whole again: on a lane, a run of WORK cut by the waits for a
    /// core (READY) and the JVM's pauses (PAUSED) of the same task, end to end, becomes one WORK
    /// segment from the first start to the last end, with the label of its first WORK piece and
    /// the error of its last piece. How many steps a task ran does not depend on how busy the
    /// machine was; the other segments stay as they are.
    public static List<Segment> cpuSteps(Collection<Segment> segments) {
        List<Segment> out = new ArrayList<>(segments.stream().filter(s -> s.lane() == Segment.NO_LANE).toList());
        byLane(segments).forEach((lane, list) -> {
            Segment run = null;
            for (Segment s : list) {
                boolean cpu = isCpu(s.state());
                if (run != null && cpu && s.task() == run.task() && s.start() == run.end()) {
                    String label = run.state() == State.WORK ? run.label() : s.label();
                    run = new Segment(lane, run.task(), State.WORK, run.start(), s.end(), label, s.error(), s.open());
                    continue;
                }
                if (run != null) out.add(run);
                run = cpu ? new Segment(lane, s.task(), State.WORK, s.start(), s.end(), s.label(), s.error(), s.open()) : null;
                if (!cpu) out.add(s);
            }
            if (run != null) out.add(run);
        });
        return out;
    }

    private static boolean isCpu(State state) {
        return state == State.WORK || state == State.READY || state == State.PAUSED;
    }

    /// Asserts that no two segments of one lane share a positive stretch of time.
    public static void assertNoOverlapWithinLanes(Collection<Segment> segments) {
        byLane(segments).forEach((lane, list) -> {
            for (int i = 1; i < list.size(); i++) {
                Segment previous = list.get(i - 1);
                Segment next = list.get(i);
                assertThat(next.start())
                        .as("lane %d: %s must start at or after the end of %s", lane, next, previous)
                        .isGreaterThanOrEqualTo(previous.end());
            }
        });
    }
}
