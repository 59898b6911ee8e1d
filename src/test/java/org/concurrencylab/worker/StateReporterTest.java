package org.concurrencylab.worker;

import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The child's reporter tells the parent of each state once it changes, and is silent while
/// nothing does (it does not wake again and again while a long state lasts).
class StateReporterTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final StateReporter reporter = new StateReporter(new WorkerMain.Output(sent));
    private final TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow(), reporter::changed);
    private final LaneTrack lane = recorder.track(recorder.addLane("worker", LaneKind.PROCESS));

    @Test
    void a_long_state_is_announced_once_while_it_lasts_and_reported_with_its_exact_times_when_it_ends() throws Exception {
        reporter.follow(recorder, lane.lane());
        reporter.taskStarted();
        lane.enter(State.WORK, 7, "n = 5,000,000");

        List<Protocol.Event> announced = awaitEvents(1);
        assertThat(announced).singleElement().isInstanceOfSatisfying(Protocol.Began.class, began -> {
            assertThat(began.task()).isEqualTo(7);
            assertThat(began.state()).isEqualTo(State.WORK);
            assertThat(began.label()).isEqualTo("n = 5,000,000");
        });
        Thread.sleep(50); // nothing changes: nothing more is sent
        assertThat(events()).hasSize(1);

        lane.idle();
        reporter.taskEnded();

        Segment recorded = recorder.finished().getFirst();
        assertThat(events()).hasSize(2).last().isEqualTo(new Protocol.Ended(7, State.WORK, recorded.start(),
                recorded.end(), "n = 5,000,000", null));
        assertThat(((Protocol.Began) announced.getFirst()).time()).isEqualTo(recorded.start());
    }

    @Test
    void a_state_that_changes_mid_task_is_ended_and_the_next_one_announced_without_waiting_for_the_task() throws Exception {
        reporter.follow(recorder, lane.lane());
        reporter.taskStarted();
        lane.enter(State.IO_WAIT, 1, "http://127.0.0.1/large");
        awaitEvents(1);
        lane.enter(State.WORK, 1, "parse /large");

        List<Protocol.Event> events = awaitEvents(3);
        assertThat(events.get(1)).isInstanceOfSatisfying(Protocol.Ended.class, ended -> assertThat(ended.state()).isEqualTo(State.IO_WAIT));
        assertThat(events.get(2)).isInstanceOfSatisfying(Protocol.Began.class, began -> assertThat(began.state()).isEqualTo(State.WORK));
        lane.idle();
        reporter.taskEnded();
        assertThat(events()).hasSize(4).last().isInstanceOf(Protocol.Ended.class);
    }

    private List<Protocol.Event> awaitEvents(int n) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Protocol.Event> events = events();
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
            events = events();
        }
        assertThat(events).as("events sent").hasSizeGreaterThanOrEqualTo(n);
        return events;
    }

    private List<Protocol.Event> events() throws IOException {
        String text;
        synchronized (sent) {
            text = sent.toString(StandardCharsets.UTF_8);
        }
        List<Protocol.Event> events = new ArrayList<>();
        text = text.substring(0, text.lastIndexOf('\n') + 1); // a line being written is not read yet
        for (String line : text.split("\n")) {
            if (!line.isBlank()) events.add(Protocol.readEvent(line));
        }
        return events;
    }
}
