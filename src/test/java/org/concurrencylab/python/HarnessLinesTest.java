package org.concurrencylab.python;

import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The relay's lines, read strictly: every event as the harness writes it, and a clear reason
/// for each way a line can be garbage.
class HarnessLinesTest {

    @Test
    void every_event_reads_as_the_harness_writes_it() throws Exception {
        assertThat(HarnessLines.read("{\"type\":\"hello\",\"pid\":41,\"time\":5,\"python\":\"cpython 3.11.7\"}"))
                .isEqualTo(new HarnessEvent.Hello(41, 5, "cpython 3.11.7"));
        assertThat(HarnessLines.read("{\"type\":\"pong\",\"id\":2,\"time\":99}")).isEqualTo(new HarnessEvent.Pong(2, 99));
        assertThat(HarnessLines.read("{\"type\":\"ready\",\"variant\":\"stdlib\",\"program\":\"sync_download_stdlib.py\",\"startMethod\":null}"))
                .isEqualTo(new HarnessEvent.Ready("stdlib", "sync_download_stdlib.py", null));
        assertThat(HarnessLines.read("{\"type\":\"began\",\"lane\":\"thread:77\",\"task\":3,\"state\":\"LOCK_WAIT\",\"label\":\"waiting for the GIL\",\"time\":12}"))
                .isEqualTo(new HarnessEvent.Began("thread:77", 3, State.LOCK_WAIT, "waiting for the GIL", 12));
        assertThat(HarnessLines.read("{\"type\":\"ended\",\"lane\":null,\"task\":0,\"state\":\"QUEUED\",\"start\":1,\"end\":2,\"label\":\"\",\"error\":null}"))
                .isEqualTo(new HarnessEvent.Ended(null, 0, State.QUEUED, 1, 2, "", null));
        assertThat(HarnessLines.read("{\"type\":\"outcome\",\"lane\":\"process:9\",\"task\":1,\"ok\":true,\"result\":\"100 increments\",\"error\":null,\"count\":300}"))
                .isEqualTo(new HarnessEvent.Outcome("process:9", 1, true, "100 increments", null, 300L));
        assertThat(HarnessLines.read("{\"type\":\"gil\",\"lane\":\"main\",\"task\":0,\"wall\":10,\"cpu\":4,\"runq\":1,\"wait\":5,\"drawn\":5,\"sampled\":true,\"period\":1000000}"))
                .isEqualTo(new HarnessEvent.Gil("main", 0, 10, 4, 1, 5, 5, true, 1_000_000));
        assertThat(HarnessLines.read("{\"type\":\"print\",\"text\":\"20 sums in 0.70 s\"}")).isEqualTo(new HarnessEvent.Print("20 sums in 0.70 s"));
        assertThat(HarnessLines.read("{\"type\":\"done\",\"time\":8,\"wall\":7,\"counter\":null}")).isEqualTo(new HarnessEvent.Done(8, 7, null));
        assertThat(HarnessLines.read("{\"type\":\"failed\",\"where\":\"main\",\"error\":\"ZeroDivisionError: division by zero\",\"trace\":\"\"}"))
                .isEqualTo(new HarnessEvent.Failed("main", "ZeroDivisionError: division by zero", ""));
        assertThat(HarnessLines.read("{\"type\":\"exit\",\"code\":-9,\"stderr\":\"\"}")).isEqualTo(new HarnessEvent.Exit(-9, ""));
    }

    @Test
    void a_line_that_is_not_an_event_says_why() {
        assertUnreadable("Traceback (most recent call last):", "not JSON");
        assertUnreadable("[1, 2]", "not a JSON object");
        assertUnreadable("{\"type\":\"pong\",\"id\":2,\"time\":99} {}", "more than one JSON value on a line");
        assertUnreadable("{\"type\":\"shout\"}", "unknown event type 'shout'");
        assertUnreadable("{\"type\":\"pong\",\"id\":2}", "field 'time' is missing");
        assertUnreadable("{\"type\":\"pong\",\"id\":2,\"time\":99,\"extra\":1}", "unknown field 'extra'");
        assertUnreadable("{\"type\":\"pong\",\"id\":2,\"id\":3,\"time\":99}", "field 'id' appears twice");
        assertUnreadable("{\"type\":\"pong\",\"id\":\"2\",\"time\":99}", "field 'id' is not a whole number of 64 bits");
        assertUnreadable("{\"type\":\"pong\",\"id\":2,\"time\":1e3}", "field 'time' is not a string, a whole number or a boolean");
        assertUnreadable("{\"type\":\"done\",\"time\":8,\"wall\":7,\"counter\":123456789012345678901234567890}",
                "field 'counter' is not a whole number of 64 bits");
        assertUnreadable("{\"type\":\"began\",\"lane\":\"main\",\"task\":3000000000,\"state\":\"WORK\",\"label\":\"\",\"time\":1}",
                "field 'task' is out of range: 3000000000");
        assertUnreadable("{\"type\":\"began\",\"lane\":\"main\",\"task\":1,\"state\":\"NAPPING\",\"label\":\"\",\"time\":1}",
                "field 'state' has an unknown state 'NAPPING'");
        assertUnreadable("{\"type\":\"began\",\"lane\":null,\"task\":1,\"state\":\"WORK\",\"label\":\"\",\"time\":1}", "field 'lane' is null");
        assertUnreadable("{\"type\":\"print\",\"text\":{\"nested\":1}}", "field 'text' is not a string, a whole number or a boolean");
    }

    private static void assertUnreadable(String line, String why) {
        assertThatThrownBy(() -> HarnessLines.read(line)).isInstanceOf(HarnessLines.Unreadable.class).hasMessageStartingWith(why);
    }
}
