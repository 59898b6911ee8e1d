package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RuntimeKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The CPython rows of a comparison: right after each model's Java rows, for the models the
/// article has a Python program of, and named as CPython's.
class PythonVariantsTest {
    @Test
    void a_java_base_compares_the_java_models_only() {
        List<RunSpec> specs = Variants.of(RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS));

        assertThat(specs).extracting(RunSpec::runtime).containsOnly(RuntimeKind.JAVA);
        assertThat(specs).hasSize(7);
    }

    @Test
    void a_cpython_base_adds_the_cpython_rows_beside_the_java_ones() {
        List<RunSpec> specs = Variants.of(RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withRuntime(RuntimeKind.PYTHON));

        assertThat(specs).extracting(Variants::label).containsExactly("sync", "CPython sync", "threads (5)",
                "threads (5) + GIL", "CPython threads (5)", "event loop", "CPython event loop",
                "processes (" + Runtime.getRuntime().availableProcessors() + ")",
                "CPython processes (" + Runtime.getRuntime().availableProcessors() + ")", "virtual threads",
                "virtual threads + GIL");
        assertThat(specs).filteredOn(s -> s.runtime() == RuntimeKind.PYTHON).noneMatch(RunSpec::gil);
        assertThat(Variants.phrase(specs.get(4))).isEqualTo(new Variants.Phrase("CPython's thread pool", false));
    }
}
