package org.concurrencylab.ui.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The lab's form without the FX thread: a field per parameter of the table, each checked where
/// it is typed, kept as typed, and remembered only while it can run.
class RunFormViewModelTest {
    private final RunFormViewModel form = new RunFormViewModel();

    @Test
    void it_starts_with_the_article_s_download_on_five_threads() {
        RunSpec spec = form.specProperty().get();

        assertThat(spec).isEqualTo(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS));
        assertThat(form.field(RunParams.TASKS).labelProperty().get()).isEqualTo("Pages");
        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("160");
        assertThat(form.field(RunParams.WORKERS).labelProperty().get()).isEqualTo("Threads");
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void a_number_out_of_range_is_kept_as_typed_and_marked_where_typed() {
        ParamField pages = form.field(RunParams.TASKS);

        pages.text().set("2000000");

        assertThat(pages.text().get()).isEqualTo("2000000");
        assertThat(pages.errorProperty().get()).isEqualTo("Pages: enter a whole number from 1 to 1,000,000");
        assertThat(form.errorProperty().get()).isEqualTo(pages.errorProperty().get());
        assertThat(form.specProperty().get()).isNull();
        assertThat(form.values().spec(WorkloadKind.DOWNLOAD, ModelKind.THREADS).tasks())
                .as("the settings keep the last value that could run").isEqualTo(160);

        pages.text().set("99");
        assertThat(pages.errorProperty().get()).isEmpty();
        assertThat(form.specProperty().get().tasks()).isEqualTo(99);
        assertThat(form.values().spec(WorkloadKind.DOWNLOAD, ModelKind.THREADS).tasks()).isEqualTo(99);
    }

    @Test
    void what_is_not_a_whole_number_in_ascii_digits_is_refused() {
        ParamField pages = form.field(RunParams.TASKS);
        for (String text : new String[] {"", "abc", "1e3", "١٢", "12.5", "99999999999999999999"}) {
            pages.text().set(text);
            assertThat(pages.errorProperty().get()).as(text).isEqualTo("Pages: enter a whole number from 1 to 1,000,000");
            assertThat(form.specProperty().get()).as(text).isNull();
        }
    }

    @Test
    void the_article_s_values_come_back_at_once_and_what_was_there_comes_back_with_undo() {
        form.field(RunParams.TASKS).text().set("30");
        form.field(RunParams.WORKERS).text().set("12");
        form.workloadProperty().set(WorkloadKind.CPU);
        form.field(RunParams.TASKS).text().set("3");
        form.workloadProperty().set(WorkloadKind.DOWNLOAD);

        form.articleValues();

        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("160");
        assertThat(form.field(RunParams.WORKERS).text().get()).isEqualTo("5");
        assertThat(form.specProperty().get().tasks()).isEqualTo(160);
        assertThat(form.values().spec(WorkloadKind.CPU, ModelKind.THREADS).tasks()).as("the numbers too").isEqualTo(20);
        assertThat(form.canUndoArticleValuesProperty().get()).isTrue();

        form.undoArticleValues();

        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("30");
        assertThat(form.field(RunParams.WORKERS).text().get()).isEqualTo("12");
        assertThat(form.values().spec(WorkloadKind.CPU, ModelKind.THREADS).tasks()).isEqualTo(3);
        assertThat(form.canUndoArticleValuesProperty().get()).isFalse();
    }

    @Test
    void typing_after_the_article_s_values_ends_their_undo() {
        form.field(RunParams.TASKS).text().set("30");
        form.articleValues();
        form.field(RunParams.TASKS).text().set("31");

        assertThat(form.canUndoArticleValuesProperty().get()).isFalse();
        form.undoArticleValues();
        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("31");
    }

    @Test
    void each_workload_and_model_keeps_its_own_count() {
        form.field(RunParams.TASKS).text().set("40");
        form.workloadProperty().set(WorkloadKind.CPU);
        assertThat(form.field(RunParams.TASKS).labelProperty().get()).isEqualTo("Numbers");
        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("20");
        form.field(RunParams.TASKS).text().set("7");
        form.workloadProperty().set(WorkloadKind.MIXED);
        assertThat(form.field(RunParams.TASKS).text().get()).as("the two download workloads share their pages").isEqualTo("40");

        form.modelProperty().set(ModelKind.PROCESSES);
        form.field(RunParams.WORKERS).text().set("2");
        form.modelProperty().set(ModelKind.THREADS);
        assertThat(form.field(RunParams.WORKERS).text().get()).isEqualTo("5");
        form.modelProperty().set(ModelKind.SYNC);
        assertThat(form.field(RunParams.WORKERS).text().get()).isEqualTo("1");
        assertThat(form.specProperty().get().workers()).isEqualTo(1);
    }

    @Test
    void a_field_applies_only_where_its_parameter_does() {
        assertThat(form.field(RunParams.JITTER_MS).applies()).isTrue();
        assertThat(form.field(RunParams.BASE).applies()).isFalse();
        assertThat(form.field(RunParams.MAX_CONNECTIONS).applies()).isFalse();
        assertThat(form.field(RunParams.SWITCH_MS).applies()).isFalse();

        form.field(RunParams.GIL).flag().set(true);
        assertThat(form.field(RunParams.SWITCH_MS).applies()).isTrue();
        form.field(RunParams.URLS).text().set("https://example.org/");
        assertThat(form.field(RunParams.LATENCY_MS).applies()).isFalse();
        assertThat(form.field(RunParams.JITTER_MS).applies()).isFalse();
        form.workloadProperty().set(WorkloadKind.CPU);
        assertThat(form.field(RunParams.BASE).applies()).isTrue();
        assertThat(form.field(RunParams.URLS).applies()).isFalse();
        assertThat(form.specProperty().get().urls()).as("no URLs for a sum of squares").isEmpty();
    }

    @Test
    void fibonacci_shows_its_n_with_the_table_s_range_and_keeps_its_numbers_apart_from_the_sums() {
        form.workloadProperty().set(WorkloadKind.CPU);
        form.field(RunParams.TASKS).text().set("12");
        form.workloadProperty().set(WorkloadKind.FIB);

        ParamField n = form.field(RunParams.FIB_N);
        assertThat(n.applies()).isTrue();
        assertThat(form.field(RunParams.BASE).applies()).isFalse();
        assertThat(n.labelProperty().get()).isEqualTo("n of fib(n)");
        assertThat(n.text().get()).isEqualTo("35");
        assertThat(form.field(RunParams.TASKS).labelProperty().get()).isEqualTo("Numbers");
        assertThat(form.field(RunParams.TASKS).text().get()).as("fib's count, not the sums'").isEqualTo("20");
        assertThat(form.specProperty().get()).isEqualTo(RunSpec.defaults(WorkloadKind.FIB, ModelKind.THREADS));

        n.text().set("46");
        assertThat(n.errorProperty().get()).isEqualTo("n of fib(n): enter a whole number from 1 to 45");
        assertThat(form.specProperty().get()).isNull();
        n.text().set("22");
        assertThat(n.errorProperty().get()).isEmpty();
        assertThat(form.specProperty().get().fibN()).isEqualTo(22);
        assertThat(form.specProperty().get().toWorkload().plan(List.of())).hasSize(20);

        form.workloadProperty().set(WorkloadKind.CPU);
        assertThat(n.applies()).isFalse();
        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("12");
    }

    @Test
    void a_rule_between_two_fields_is_checked_on_the_field_it_belongs_to() {
        form.field(RunParams.JITTER_MS).text().set("120");

        assertThat(form.field(RunParams.JITTER_MS).errorProperty().get())
                .isEqualTo("Jitter (± ms) must not be more than the latency (90 ms), was 120");
        assertThat(form.specProperty().get()).isNull();

        form.field(RunParams.LATENCY_MS).text().set("150");
        assertThat(form.field(RunParams.JITTER_MS).errorProperty().get()).isEmpty();
        assertThat(form.specProperty().get().get(RunParams.JITTER_MS)).isEqualTo(120);
    }

    @Test
    void a_malformed_url_is_refused_quoting_it() {
        form.field(RunParams.URLS).text().set("https://example.org/\nnotaurl");

        assertThat(form.field(RunParams.URLS).errorProperty().get()).contains("'notaurl'");
        assertThat(form.specProperty().get()).isNull();
    }

    @Test
    void a_spec_applied_fills_the_fields_and_leaves_the_rest() {
        form.workloadProperty().set(WorkloadKind.CPU);
        form.field(RunParams.TASKS).text().set("9");

        form.apply(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.EVENTLOOP).withTasks(30).with(RunParams.LATENCY_MS, 20));

        assertThat(form.workloadProperty().get()).isEqualTo(WorkloadKind.DOWNLOAD);
        assertThat(form.modelProperty().get()).isEqualTo(ModelKind.EVENTLOOP);
        assertThat(form.field(RunParams.TASKS).text().get()).isEqualTo("30");
        assertThat(form.field(RunParams.LATENCY_MS).text().get()).isEqualTo("20");
        form.workloadProperty().set(WorkloadKind.CPU);
        assertThat(form.field(RunParams.TASKS).text().get()).as("the numbers were not part of it").isEqualTo("9");
    }
}
