package org.concurrencylab.core.run;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/// Numbers that sum up a run.
///
/// @param wallNanos       wall-clock time of the timed run
/// @param cpuNanos        CPU time the whole process used meanwhile (all threads)
/// @param stateNanos      time per state, added up over the workers' lanes
/// @param peakConcurrency most workers busy at one moment (WORK, READY, PAUSED or IO_WAIT on worker lanes)
/// @param cores           processors of the machine the run ran on (0 when not known: a run
///                        file from before the lab wrote it)
public record RunStats(long wallNanos, long cpuNanos, Map<State, Long> stateNanos, int peakConcurrency, int cores) {
    public RunStats {
        stateNanos = Map.copyOf(stateNanos);
    }

    public static RunStats of(long wallNanos, long cpuNanos, List<Segment> segments) {
        Map<State, Long> totals = new EnumMap<>(State.class);
        for (State s : State.values()) totals.put(s, 0L);
        for (Segment s : segments) {
            if (s.lane() != Segment.NO_LANE) totals.merge(s.state(), s.duration(), Long::sum);
        }
        return new RunStats(wallNanos, cpuNanos, totals, peak(segments), Runtime.getRuntime().availableProcessors());
    }

    /// The states of a busy worker: running code (or ready to, waiting for a core or held by the
    /// JVM) or waiting for I/O.
    private static final Set<State> BUSY = EnumSet.of(State.WORK, State.READY, State.PAUSED, State.IO_WAIT);

    /// The largest number of workers busy (running code or waiting for I/O) at one instant.
    static int peak(List<Segment> segments) {
        long[] edges = segments.stream()
                .filter(s -> s.lane() != Segment.NO_LANE && s.duration() > 0
                        && BUSY.contains(s.state()))
                .flatMapToLong(s -> LongStream.of(s.start() * 2 + 1, s.end() * 2))
                .sorted().toArray();
        int open = 0;
        int peak = 0;
        for (long edge : edges) {
            // ends (even) sort before starts (odd) at the same instant, so touching segments do not count twice
            open += (edge & 1) == 1 ? 1 : -1;
            peak = Math.max(peak, open);
        }
        return peak;
    }

    public long nanos(State state) {
        return stateNanos.getOrDefault(state, 0L);
    }
}
