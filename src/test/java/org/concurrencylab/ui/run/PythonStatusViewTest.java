package org.concurrencylab.ui.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.python.PythonInfo;
import org.concurrencylab.python.PythonRuntime;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// The window's line about Python, and the runtime choice as one field of the form: no FX thread.
class PythonStatusViewTest {
    @Test
    void a_python_found_is_named_with_its_libraries() {
        PythonInfo python = new PythonInfo(Path.of("/usr/bin/python3"), "cpython", "3.11.7", false, true, true, false);

        assertThat(PythonStatusView.text(new PythonRuntime.Found(python))).isEqualTo("CPython 3.11 · requests ✓ · aiohttp ✗");
    }

    @Test
    void without_python_the_line_says_how_to_get_it() {
        String text = PythonStatusView.text(new PythonRuntime.Missing("python3 was not found on the PATH"));

        assertThat(text).startsWith("No CPython for the article's own programs: python3 was not found on the PATH.")
                .contains("python.org", "give its path");
    }

    @Test
    void the_runtime_is_a_field_of_the_form_that_applies_where_python_has_the_model() {
        RunFormViewModel form = new RunFormViewModel();
        form.workloadProperty().set(WorkloadKind.CPU);
        form.modelProperty().set(ModelKind.THREADS);
        ParamField runtime = form.field(RunParams.RUNTIME);
        assertThat(runtime.applies()).isTrue();
        assertThat(RunParams.RUNTIME.choices()).extracting(RunParams.RUNTIME::titleOf).as("named in the window as in captions")
                .containsExactly("Java", "CPython");
        assertThat(RunParams.RUNTIME.choices()).extracting(RunParams.RUNTIME::idOf).as("and on the command line")
                .containsExactly("java", "python");

        form.set(RunParams.RUNTIME, RuntimeKind.PYTHON);
        assertThat(form.specProperty().get().runtime()).isEqualTo(RuntimeKind.PYTHON);
        assertThat(form.field(RunParams.GIL).applies()).as("CPython's GIL is real").isFalse();

        form.modelProperty().set(ModelKind.VIRTUAL);
        assertThat(runtime.applies()).as("Python has no virtual threads").isFalse();
        assertThat(form.specProperty().get().runtime()).isEqualTo(RuntimeKind.JAVA);
    }
}
