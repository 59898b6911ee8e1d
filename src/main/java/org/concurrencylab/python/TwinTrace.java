package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.Span;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;

/// Draws a Python twin's state changes on the run's recorder, live: one lane per Python thread,
/// process or event-loop task, named as the Java models name theirs (`main`, `pool-1`…,
/// `event loop` and `task 1`…, `process 1 (pid 4242)`…), in the order they first appear (the
/// event loop's lanes, like the Java's, all at the start).
///
/// A state announced with `began` is drawn while it lasts, as an open span from its exact
/// start; its `ended` closes it at its exact end. A state heard of only when it ended is
/// recorded whole. A lane's segments never overlap: each starts at or after the end of the one
/// before (times are clamped to that, should the clocks' mapping ever disagree by a nanosecond).
///
/// Thread-safety: confined to the run's thread.
final class TwinTrace {
    /// What one lane is doing.
    private static final class LaneState {
        final int id;
        long cursor;
        Span open;
        State openState;
        int openTask;
        long openChildStart;

        LaneState(int id) {
            this.id = id;
        }
    }

    /// A pool thread's, event-loop task's or process's lane key; compiled once, as every event
    /// names a lane (a `String.matches` per event had the JIT compiling the regex compiler).
    private static final Pattern KEY = Pattern.compile("(thread|task|process):\\d{1,10}");

    private final TraceRecorder recorder;
    private final ModelKind model;
    private final LongUnaryOperator toRunTime;
    private final IntFunction<String> taskName;
    private final Map<String, LaneState> lanes = new LinkedHashMap<>();
    private final Map<String, String> laneNames = new LinkedHashMap<>();
    private int threads;
    private int processes;

    /// @param toRunTime maps a harness time onto the run clock
    /// @param taskName  task `i`'s name, for the QUEUED segments the harness leaves unlabelled
    TwinTrace(TraceRecorder recorder, ModelKind model, LongUnaryOperator toRunTime, IntFunction<String> taskName) {
        this.recorder = recorder;
        this.model = model;
        this.toRunTime = toRunTime;
        this.taskName = taskName;
    }

    /// Adds the lanes a model has from the start: the synchronous loop's `main`; the event
    /// loop's lane and one per task. Pool threads and processes get theirs as they start.
    void openLanes(int tasks) {
        switch (model) {
            case SYNC -> lane("main");
            case EVENTLOOP -> {
                lane("loop");
                for (int i = 0; i < tasks; i++) lane("task:" + i);
            }
            case THREADS, PROCESSES, VIRTUAL -> { }
        }
    }

    /// The lanes' names by key, in lane order.
    Map<String, String> laneNames() {
        return laneNames;
    }

    void began(HarnessEvent.Began began) {
        LaneState lane = lane(began.lane());
        long start = Math.max(toRunTime.applyAsLong(began.time()), lane.cursor);
        if (lane.open != null) close(lane, start, null);
        lane.open = recorder.beginAt(lane.id, began.task(), began.state(), began.label(), start);
        lane.openState = began.state();
        lane.openTask = began.task();
        lane.openChildStart = began.time();
    }

    void ended(HarnessEvent.Ended ended) {
        long start = toRunTime.applyAsLong(ended.start());
        long end = Math.max(start, toRunTime.applyAsLong(ended.end()));
        if (ended.lane() == null) {
            String label = ended.label().isEmpty() ? taskName.apply(ended.task()) : ended.label();
            recorder.record(new Segment(Segment.NO_LANE, ended.task(), ended.state(), start, end, label, ended.error(), false));
            return;
        }
        LaneState lane = lane(ended.lane());
        if (lane.open != null && lane.openState == ended.state() && lane.openTask == ended.task()
                && lane.openChildStart == ended.start()) {
            lane.open.relabel(ended.label());
            long stop = Math.max(end, Math.max(lane.cursor, lane.open.start()));
            lane.open.endAt(stop, ended.error());
            lane.open = null;
            lane.cursor = stop;
            return;
        }
        if (lane.open != null) close(lane, Math.max(start, lane.cursor), null);
        long from = Math.max(start, lane.cursor);
        long to = Math.max(end, from);
        recorder.record(new Segment(lane.id, ended.task(), ended.state(), from, to, ended.label(), ended.error(), false));
        lane.cursor = to;
    }

    /// Ends every state still open at run time `now`, failed with `error` (null: not failed).
    void closeAll(long now, String error) {
        for (LaneState lane : lanes.values()) {
            if (lane.open != null) close(lane, Math.max(now, lane.cursor), error);
        }
    }

    /// The lane id of `key`, adding the lane if it is new.
    int laneId(String key) {
        return lane(key).id;
    }

    private void close(LaneState lane, long end, String error) {
        long stop = Math.max(end, lane.open.start());
        lane.open.endAt(stop, error);
        lane.open = null;
        lane.cursor = Math.max(lane.cursor, stop);
    }

    private LaneState lane(String key) {
        LaneState lane = lanes.get(key);
        if (lane != null) return lane;
        String name;
        LaneKind kind;
        if (key.equals("main")) {
            name = "main";
            kind = LaneKind.THREAD;
        } else if (key.equals("loop")) {
            name = "event loop";
            kind = LaneKind.LOOP;
        } else if (key.startsWith("thread:")) {
            name = "pool-" + (++threads);
            kind = LaneKind.THREAD;
        } else if (key.startsWith("task:")) {
            name = "task " + (Integer.parseInt(key.substring(5)) + 1);
            kind = LaneKind.TASK;
        } else if (key.startsWith("process:")) {
            name = "process " + (++processes) + " (pid " + key.substring(8) + ")";
            kind = LaneKind.PROCESS;
        } else {
            throw new IllegalArgumentException("unknown lane '" + key + "'");
        }
        lane = new LaneState(recorder.addLane(name, kind).id());
        lanes.put(key, lane);
        laneNames.put(key, name);
        return lane;
    }

    /// The keys of the process lanes, in lane order.
    List<String> processLanes() {
        List<String> keys = new ArrayList<>();
        for (String key : lanes.keySet()) if (key.startsWith("process:")) keys.add(key);
        return keys;
    }

    /// Whether `key` is a lane key the harness may send.
    static boolean validKey(String key) {
        return key.equals("main") || key.equals("loop") || KEY.matcher(key).matches();
    }
}
