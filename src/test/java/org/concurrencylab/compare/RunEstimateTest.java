package org.concurrencylab.compare;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// What a run will cost, before it runs: the article's runs start at once, a million pages asks.
class RunEstimateTest {

    @Test
    void the_article_s_runs_are_not_large() {
        for (WorkloadKind w : WorkloadKind.values()) {
            for (ModelKind m : ModelKind.values()) {
                assertThat(RunEstimate.of(RunSpec.defaults(w, m), 2).large()).as("%s on %s", w, m).isFalse();
            }
        }
    }

    @Test
    void a_million_pages_is_large_and_says_what_it_costs() {
        RunEstimate e = RunEstimate.of(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withTasks(1_000_000), 2);

        assertThat(e.large()).isTrue();
        assertThat(e.nanos()).as("200,000 rounds of 5 requests at 90 ms").isEqualTo(200_000L * 90_000_000L);
        assertThat(e.summary()).isEqualTo("about 5.0 h, about 2.8 GB of memory, a history file of about 550 MB");
        assertThat(e.reason()).contains("20,000 tasks");
    }

    @Test
    void long_work_is_large_though_it_has_few_tasks() {
        RunSpec sums = RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withTasks(100).with(RunParams.BASE, 100_000_000L);

        RunEstimate e = RunEstimate.of(sums, 2);

        assertThat(e.tasks()).isEqualTo(100);
        assertThat(e.large()).as("%s", e.summary()).isTrue();
        assertThat(RunEstimate.of(sums.withModel(ModelKind.PROCESSES).withWorkers(2), 2).nanos()).as("two cores halve it")
                .isEqualTo(Math.round(e.nanos() / 2.0));
    }

    @Test
    void fibonacci_costs_its_calls_and_grows_by_the_golden_ratio_with_n() {
        RunSpec fib = RunSpec.defaults(WorkloadKind.FIB, ModelKind.SYNC);

        RunEstimate article = RunEstimate.of(fib, 2);
        assertThat(article.nanos()).as("20 × fib(35), about 30 million calls each")
                .isEqualTo(Math.round(RunEstimate.NANOS_PER_FIB_CALL * 20 * 29_860_703L));
        assertThat(article.large()).isFalse();
        assertThat(RunEstimate.of(fib.withModel(ModelKind.PROCESSES).withWorkers(2), 2).nanos()).as("two cores halve it")
                .isEqualTo(Math.round(article.nanos() / 2.0));
        assertThat(RunEstimate.of(fib.with(RunParams.FIB_N, 36), 2).nanos() / (double) article.nanos()).isBetween(1.6, 1.65);
        RunEstimate long45 = RunEstimate.of(fib.with(RunParams.FIB_N, 45).withTasks(100), 2);
        assertThat(long45.large()).as("%s", long45.summary()).isTrue();
    }

    @Test
    void the_user_s_own_pages_have_no_known_time() {
        RunSpec urls = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).withTasks(3)
                .withUrls(List.of(URI.create("http://example.org/")));

        assertThat(RunEstimate.of(urls, 2).nanos()).isEqualTo(-1);
        assertThat(RunEstimate.of(urls, 2).summary()).startsWith("an unknown time");
    }
}
