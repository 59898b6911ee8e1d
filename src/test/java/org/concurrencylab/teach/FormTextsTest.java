package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormTextsTest {
    /// The form says what runs: the article's program under CPython, whose GIL is real, never the
    /// Java model's text (its OkHttp client, its threads that compute side by side).
    @Test
    void a_cpython_run_is_described_as_the_article_s_program_with_its_real_gil() {
        assertThat(FormTexts.cpythonModel(ModelKind.THREADS, WorkloadKind.CPU))
                .contains("CPython", "GIL is real", "numbers").doesNotContain("OkHttp", "Tick GIL");
        assertThat(FormTexts.cpythonModel(ModelKind.PROCESSES, WorkloadKind.CPU)).contains("its own GIL");
        assertThat(FormTexts.cpythonModel(ModelKind.THREADS, WorkloadKind.DOWNLOAD)).contains("pages").doesNotContain("GIL");
        assertThat(FormTexts.model(ModelKind.THREADS, WorkloadKind.CPU, false)).contains("Tick GIL");
    }

    /// Fibonacci is CPU-bound like the sums, and the texts say the same of the GIL for it.
    @Test
    void fibonacci_is_described_as_the_2024_edition_s_cpu_bound_example_with_the_sums_gil_result() {
        assertThat(FormTexts.workload(WorkloadKind.FIB)).contains("CPU-bound", "2024", "fib(n)");
        assertThat(FormTexts.model(ModelKind.THREADS, WorkloadKind.FIB, false)).contains("Tick GIL")
                .isEqualTo(FormTexts.model(ModelKind.THREADS, WorkloadKind.CPU, false));
        assertThat(FormTexts.model(ModelKind.VIRTUAL, WorkloadKind.FIB, true)).contains("no faster than the synchronous loop");
        assertThat(FormTexts.model(ModelKind.EVENTLOOP, WorkloadKind.FIB, false)).contains("blocks every other task");
        assertThat(FormTexts.cpythonModel(ModelKind.THREADS, WorkloadKind.FIB)).contains("GIL is real", "numbers");
        assertThat(FormTexts.cpythonModel(ModelKind.PROCESSES, WorkloadKind.FIB)).contains("its own GIL");
        Explanations.WorkloadExplanation explained = Explanations.forWorkload(WorkloadKind.FIB);
        assertThat(explained.title()).isEqualTo("Fibonacci");
        assertThat(explained.nature()).isEqualTo(Explanations.forWorkload(WorkloadKind.CPU).nature()).isEqualTo("CPU-bound");
        assertThat(explained.text()).contains("2024", "fib(35)", "GIL");
    }
}
