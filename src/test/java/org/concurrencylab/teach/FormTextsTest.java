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
}
