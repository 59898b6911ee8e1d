package org.concurrencylab.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/// Where workers write down what they do, and where the diagram reads it, while the run goes on.
///
/// Contract for writers (the same as OkHttp's `EventListener`): calls are cheap, take no global
/// lock and never throw. Each worker begins and ends its own spans; a lane's spans must not
/// overlap (use a [LaneTrack] to get that for free).
///
/// Thread-safety: every method may be called from any thread. Readers see finished segments as
/// a consistent prefix in the order they ended, plus the spans open at the moment of reading.
public final class TraceRecorder {
    private final RunClock clock;
    private final boolean enabled;
    private final SegmentLog log = new SegmentLog();
    private final Set<Span> open = ConcurrentHashMap.newKeySet();
    private final List<Lane> lanes = new ArrayList<>();
    private volatile int laneCount;
    private final AtomicLong changes = new AtomicLong();
    /// Told of every span begun or ended and every segment recorded; null if nobody listens.
    private final Runnable onChange;

    private TraceRecorder(RunClock clock, boolean enabled, Runnable onChange) {
        this.clock = clock;
        this.enabled = enabled;
        this.onChange = onChange;
    }

    /// A recorder that keeps everything.
    public static TraceRecorder create(RunClock clock) {
        return new TraceRecorder(clock, true, null);
    }

    /// A recorder that keeps everything and runs `onChange` on the writer's thread after each
    /// span begun or ended and each segment recorded, so a reader can sleep until there is
    /// something to read instead of looking again and again. `onChange` must be as cheap as the
    /// writer's contract (an unpark, a flag) and must not throw.
    public static TraceRecorder create(RunClock clock, Runnable onChange) {
        return new TraceRecorder(clock, true, Objects.requireNonNull(onChange, "onChange"));
    }

    /// A recorder that keeps lanes but no segments: for measuring what recording costs.
    public static TraceRecorder disabled(RunClock clock) {
        return new TraceRecorder(clock, false, null);
    }

    public RunClock clock() {
        return clock;
    }

    public boolean enabled() {
        return enabled;
    }

    /// Adds a lane and returns it; its id is its index in [#lanes()].
    public Lane addLane(String name, LaneKind kind) {
        synchronized (lanes) {
            Lane lane = new Lane(lanes.size(), name, kind);
            lanes.add(lane);
            laneCount = lanes.size();
            changes.incrementAndGet();
            return lane;
        }
    }

    /// The lanes added so far, in id order.
    public List<Lane> lanes() {
        synchronized (lanes) {
            return List.copyOf(lanes);
        }
    }

    /// The lanes from id `from` on (cheap when nothing was added since a reader last looked).
    public List<Lane> lanesFrom(int from) {
        if (from >= laneCount) return List.of();
        synchronized (lanes) {
            return List.copyOf(lanes.subList(from, lanes.size()));
        }
    }

    public int laneCount() {
        return laneCount;
    }

    /// A state tracker for one lane, to be used by one thread at a time.
    public LaneTrack track(Lane lane) {
        return new LaneTrack(this, lane.id());
    }

    /// Starts a span now.
    public Span begin(int lane, int task, State state, String label) {
        return beginAt(lane, task, state, label, clock.now());
    }

    /// Starts a span at an earlier run time `start` (e.g. the moment a task was queued).
    public Span beginAt(int lane, int task, State state, String label, long start) {
        if (!enabled) return Span.DISABLED;
        Span span = new Span(this, lane, task, state, start, label);
        open.add(span);
        changed();
        return span;
    }

    /// Appends a finished segment measured elsewhere (a child process, a task's queue time).
    public void record(Segment segment) {
        if (!enabled) return;
        log.append(segment);
        changed();
    }

    void close(Span span, String error, long endTime) {
        long end = Math.max(span.start(), endTime);
        log.append(new Segment(span.lane(), span.task(), span.state(), span.start(), end, span.label(), error, false));
        open.remove(span);
        changed();
    }

    private void changed() {
        changes.incrementAndGet();
        if (onChange != null) onChange.run();
    }

    /// Hands the finished segments from position `from` on to `sink` and returns the position
    /// to resume from. Use it to drain the recorder incrementally, once per frame.
    public int readFinished(int from, Consumer<? super Segment> sink) {
        return log.read(from, sink);
    }

    /// All finished segments, in the order they ended.
    public List<Segment> finished() {
        List<Segment> all = new ArrayList<>(log.reservedCount());
        log.read(0, all::add);
        return all;
    }

    /// The spans open right now, as open segments that end at the time of reading.
    public List<Segment> openNow() {
        long now = clock.now();
        List<Segment> result = new ArrayList<>(open.size());
        for (Span span : open) result.add(span.asOpenSegment(now));
        return result;
    }

    /// Ends every span still open (at the end of a cancelled run), so the trace is complete.
    public void closeAllOpen(String reason) {
        for (Span span : List.copyOf(open)) {
            if (reason == null) span.end();
            else span.fail(reason);
        }
    }

    /// A counter that grows with every change: a reader that saw the same value has nothing new.
    public long changeCount() {
        return changes.get();
    }
}
