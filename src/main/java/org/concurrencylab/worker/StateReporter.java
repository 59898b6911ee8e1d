package org.concurrencylab.worker;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/// Forwards what the child's worker records to the parent: the interpreter writes its states to
/// the child's own [TraceRecorder] at the moments they happen; this reporter sends each state that
/// ended as [Protocol.Ended] (exact times) and announces each state it finds still open as
/// [Protocol.Began], so the parent can draw long states while they last.
///
/// While a task runs, a daemon thread looks every [#POLL_NANOS]; when the task ends, the task's
/// thread drains what is left before it reports the outcome, so a task's states always reach the
/// parent before its outcome, and for one lane they reach it in time order.
///
/// Thread-safety: [#drain] and [#follow] are synchronized (the poller and the task's thread both
/// drain); [#taskStarted]/[#taskEnded] are called by the task's thread.
final class StateReporter {
    /// How often a running task's states are looked at: the delay before the parent hears of a
    /// long state's end (short states are reported with their exact times anyway).
    static final long POLL_NANOS = 1_000_000;

    private final WorkerMain.Output output;
    private final Set<Key> announced = new HashSet<>();
    private final Thread poller;
    private volatile boolean active;
    private TraceRecorder recorder;
    private int lane;
    private int position;

    private record Key(int task, State state, long start) {}

    StateReporter(WorkerMain.Output output) {
        this.output = output;
        this.poller = Thread.ofPlatform().daemon(true).name("worker-reporter").unstarted(this::poll);
    }

    /// Reports from `newRecorder`'s lane `laneId` from now on (a new run began).
    synchronized void follow(TraceRecorder newRecorder, int laneId) {
        recorder = newRecorder;
        lane = laneId;
        position = 0;
        announced.clear();
    }

    void taskStarted() {
        active = true;
        if (poller.getState() == Thread.State.NEW) poller.start();
        LockSupport.unpark(poller);
    }

    void taskEnded() {
        active = false;
        drain();
    }

    private void poll() {
        while (true) {
            if (active) {
                LockSupport.parkNanos(POLL_NANOS);
                drain();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /// Sends what changed since the last call. Open spans are read before the finished log, so
    /// a span seen open and ended meanwhile is reported once, as ended.
    synchronized void drain() {
        List<Segment> open = recorder.openNow();
        List<Segment> ended = new ArrayList<>();
        position = recorder.readFinished(position, s -> {
            if (s.lane() == lane) ended.add(s);
        });
        Set<Key> endedNow = new HashSet<>();
        for (Segment s : ended) {
            Key key = new Key(s.task(), s.state(), s.start());
            endedNow.add(key);
            announced.remove(key);
            output.send(new Protocol.Ended(s.task(), s.state(), s.start(), s.end(), s.label(), s.error()));
        }
        for (Segment s : open) {
            if (s.lane() != lane) continue;
            Key key = new Key(s.task(), s.state(), s.start());
            if (endedNow.contains(key) || !announced.add(key)) continue;
            output.send(new Protocol.Began(s.task(), s.state(), s.label(), s.start()));
        }
    }
}
