package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// Every model and every workload has its explanation and its Python equivalent; every state of
/// every model has context help.
class CoverageTest {

    @Test
    void every_model_and_workload_has_an_explanation_and_a_python_program() {
        for (ModelKind model : ModelKind.values()) {
            Explanations.ModelExplanation m = Explanations.forModel(model, false);
            assertThat(m.model()).isEqualTo(model);
            assertThat(m.switching()).isNotBlank();
            assertThat(m.processors()).isNotBlank();
            assertThat(m.costs()).isNotBlank();
            assertThat(m.pitfalls()).isNotBlank();
            assertThat(m.python()).isNotBlank();
            assertThat(Explanations.forModel(model, true).gil()).isEqualTo(model.supportsGil());
            for (WorkloadKind workload : WorkloadKind.values()) {
                CodeLibrary.PythonProgram program = CodeLibrary.python(model, workload, false);
                assertThat(program.code()).as(program.resource()).contains("def main()", "if __name__ == \"__main__\":");
                assertThat(program.note()).isNotBlank();
                String mechanism = switch (model) {
                    case SYNC -> "for ";
                    case THREADS -> "ThreadPoolExecutor(max_workers=5)";
                    case EVENTLOOP -> "asyncio.run(";
                    case PROCESSES -> "multiprocessing.Pool(";
                    case VIRTUAL -> "threading.Thread(target=";
                };
                assertThat(program.code()).as(program.resource()).contains(mechanism);
                if (model == ModelKind.VIRTUAL) assertThat(program.code()).contains("Python has no virtual threads");
                if (model == ModelKind.SYNC) assertThat(program.code()).doesNotContain("threading", "asyncio", "multiprocessing");
            }
        }
        for (WorkloadKind workload : WorkloadKind.values()) {
            Explanations.WorkloadExplanation w = Explanations.forWorkload(workload);
            assertThat(w.nature()).isNotBlank();
            assertThat(w.limitedBy()).isNotBlank();
            assertThat(w.text()).isNotBlank();
        }
    }

    @Test
    void the_comparison_table_adds_virtual_threads_and_the_gil_to_the_article_s_three() {
        assertThat(Explanations.comparison()).extracting(Explanations.ModelExplanation::title).containsExactly(
                "Synchronous", "Thread pool", "Thread pool, GIL on", "Event loop", "Process pool", "Virtual threads",
                "Virtual threads, GIL on");
    }

    @Test
    void every_state_of_every_model_has_context_help() {
        for (ModelKind model : ModelKind.values()) {
            for (State state : State.values()) {
                Segment s = new Segment(1, 3, state, 0, 5_000_000, "", null, false);
                assertThat(Explanations.forSegment(s, model, false)).as(model + " " + state).startsWith("Task 4: ").hasSizeGreaterThan(40);
                assertThat(Explanations.forState(state)).isNotBlank();
            }
        }
    }

    @Test
    void a_red_segment_says_what_it_waited_for() {
        Segment get = Segment.closed(2, 7, State.IO_WAIT, 0, 92_000_000, "http://127.0.0.1:4000/big (12,345 bytes)");

        assertThat(Explanations.forSegment(get, ModelKind.THREADS, false))
                .contains("http://127.0.0.1:4000/big (12,345 bytes)", "92 ms", "blocked").doesNotContain("GIL");
        assertThat(Explanations.forSegment(get, ModelKind.THREADS, true)).contains("let go of the GIL");
        assertThat(Explanations.forSegment(get, ModelKind.EVENTLOOP, false)).contains("held no thread");
        Segment idleLoop = Segment.closed(0, Segment.NO_TASK, State.IO_WAIT, 0, 1_000_000, "waiting for I/O: 30 in flight");
        assertThat(Explanations.forSegment(idleLoop, ModelKind.EVENTLOOP, false)).contains("30 in flight").doesNotStartWith("Task");
    }

    @Test
    void an_amber_segment_says_which_lock_it_queued_for() {
        Segment waiting = Segment.closed(1, 0, State.LOCK_WAIT, 0, 5_000_000, "waiting for the GIL");
        Segment handedOver = Segment.closed(1, 0, State.LOCK_WAIT, 0, 5_000_000, "GIL handed over; waiting to get it back");

        assertThat(Explanations.forSegment(waiting, ModelKind.THREADS, true)).contains("another one held the GIL");
        assertThat(Explanations.forSegment(handedOver, ModelKind.THREADS, true)).contains("switch interval", "handed the GIL over");
    }

    @Test
    void queued_segments_say_what_they_queued_for() {
        assertThat(Explanations.forSegment(Segment.closed(Segment.NO_LANE, 0, State.QUEUED, 0, 1_000_000, "GET /big #1"),
                ModelKind.THREADS, false)).contains("every thread of the pool was busy");
        assertThat(Explanations.forSegment(Segment.closed(3, 0, State.QUEUED, 0, 1_000_000, "ready, waiting for the loop"),
                ModelKind.EVENTLOOP, false)).contains("the loop was busy");
        assertThat(Explanations.forSegment(Segment.closed(3, 0, State.QUEUED, 0, 1_000_000,
                "waiting for a free connection: http://x/"), ModelKind.VIRTUAL, false)).contains("free connection");
    }

    @Test
    void a_failed_segment_adds_its_error_and_an_open_one_says_so_far() {
        Segment failed = new Segment(0, 0, State.IO_WAIT, 0, 2_000_000, "http://x/", "HTTP 500 Server Error", false);
        Segment open = new Segment(0, 0, State.WORK, 0, 2_000_000, "n = 5,000,000", null, true);

        assertThat(Explanations.forSegment(failed, ModelKind.SYNC, false)).endsWith("It failed: HTTP 500 Server Error.");
        assertThat(Explanations.forSegment(open, ModelKind.SYNC, false)).contains("2.0 ms so far");
    }
}
