package org.concurrencylab.worker;

import org.concurrencylab.core.io.LineReader;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The line protocol: plans with every kind of step and every message survive the trip through
/// one line of JSON unchanged; anything else is refused.
class ProtocolTest {

    @Test
    void a_plan_with_every_kind_of_step_travels_unchanged() throws IOException {
        TaskPlan plan = new TaskPlan(7, "everything #8", List.of(
                new Step.Fetch(URI.create("http://127.0.0.1:8080/large?latency=5")),
                new Step.Parse(2),
                new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, 5_000_000L),
                new Step.Compute(Step.ComputeKind.FIBONACCI, 35),
                new Step.Sleep(15),
                new Step.Crunch(20),
                new Step.Increment(100, Step.CounterMode.SYNCHRONIZED)));

        String line = Protocol.write(new Protocol.Run(plan));

        assertThat(line).doesNotContain("\n").contains("\"type\":\"run\"").contains("\"step\":\"compute\"")
                .contains("\"kind\":\"FIBONACCI\",\"n\":35").doesNotContain("cpu");
        assertThat(Protocol.readCommand(line)).isEqualTo(new Protocol.Run(plan));
    }

    @Test
    void every_command_and_event_travels_unchanged() throws IOException {
        List<Protocol.Command> commands = List.of(new Protocol.Ping(3), new Protocol.Reset(true),
                new Protocol.Reset(false, 700, 600_000, 1_200_000),
                new Protocol.Count(Step.CounterMode.ATOMIC), new Protocol.Exit());
        for (Protocol.Command command : commands) assertThat(Protocol.readCommand(Protocol.write(command))).isEqualTo(command);

        List<Protocol.Event> events = List.of(new Protocol.Ready(1234, 5, 6), new Protocol.Pong(2, 99),
                new Protocol.Began(4, State.IO_WAIT, "GET /large", 1_000),
                new Protocol.Ended(4, State.WORK, 1_000, 2_000, "parse \"/large\" ✓", null),
                new Protocol.Ended(4, State.IO_WAIT, 1_000, 2_000, "", "HTTP 500 Internal Server Error"),
                new Protocol.Outcome(4, true, "12,345 bytes", null), new Protocol.Outcome(5, false, null, "boom"),
                new Protocol.Counted(Step.CounterMode.UNSAFE, 123_456_789_012L));
        for (Protocol.Event event : events) assertThat(Protocol.readEvent(Protocol.write(event))).isEqualTo(event);
    }

    @Test
    void junk_and_unknown_messages_are_refused() {
        assertThatThrownBy(() -> Protocol.readEvent("Traceback (most recent call last):")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Protocol.readEvent("{\"type\":\"hello\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Protocol.readEvent("{\"type\":\"pong\",\"id\":1,\"time\":2,\"extra\":3}"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Protocol.readCommand("{\"type\":\"run\",\"plan\":{\"id\":-1,\"name\":\"x\",\"steps\":[]}}"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void lines_are_split_on_line_feeds_and_overlong_lines_are_cut_short() throws Exception {
        byte[] tooLong = new byte[WorkerProcess.MAX_LINE_BYTES + 10];
        Arrays.fill(tooLong, (byte) 'x');
        byte[] text = ("one\r\ntwo ✓\n" + new String(tooLong, StandardCharsets.US_ASCII) + "\nlast").getBytes(StandardCharsets.UTF_8);
        LineReader lines = new LineReader(new ByteArrayInputStream(text), WorkerProcess.MAX_LINE_BYTES);

        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.next()).isEqualTo("two ✓");
        assertThat(lines.next()).hasSize(WorkerProcess.MAX_LINE_BYTES + 1);
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }

    @Test
    void a_reset_carries_the_run_s_timeouts_and_one_without_them_has_the_defaults() throws IOException {
        String line = Protocol.write(new Protocol.Reset(true, 250, 1_000, 2_500));

        assertThat(line).contains("\"connectTimeoutMs\":250").contains("\"readTimeoutMs\":1000").contains("\"deadlineMs\":2500");
        assertThat(Protocol.readCommand("{\"type\":\"reset\",\"http\":true}"))
                .isEqualTo(new Protocol.Reset(true, 10_000, 30_000, 60_000));
        assertThatThrownBy(() -> Protocol.readCommand("{\"type\":\"reset\",\"http\":true,\"deadlineMs\":0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("the deadline must be between 1 and 1200000 ms, was 0");
        assertThatThrownBy(() -> Protocol.readCommand("{\"type\":\"reset\",\"http\":true,\"connectTimeoutMs\":0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("timeouts");
        assertThatThrownBy(() -> Protocol.readCommand("{\"type\":\"reset\",\"http\":true,\"readTimeoutMs\":\"soon\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("readTimeoutMs");
    }
}
