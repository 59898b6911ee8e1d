package org.concurrencylab.core.workload;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadsTest {
    private static final URI LARGE = URI.create("http://127.0.0.1:8080/large");
    private static final URI SMALL = URI.create("http://127.0.0.1:8080/small");

    @Test
    void download_plans_alternate_between_the_demo_pages_each_fetching_then_parsing() {
        List<TaskPlan> plans = DownloadSites.demo(7).plan(List.of(LARGE, SMALL));

        assertThat(plans).hasSize(7);
        for (int i = 0; i < plans.size(); i++) {
            TaskPlan plan = plans.get(i);
            URI expected = i % 2 == 0 ? LARGE : SMALL;
            assertThat(plan.id()).isEqualTo(i);
            assertThat(plan.steps()).containsExactly(new Step.Fetch(expected), new Step.Parse(1));
            assertThat(plan.name()).isEqualTo("GET " + expected.getPath() + " #" + (i + 1));
        }
    }

    @Test
    void download_plans_cycle_through_the_given_urls_instead_of_the_demo_pages() {
        List<URI> urls = List.of(URI.create("https://example.com/a"), URI.create("https://example.org/"),
                URI.create("http://example.net"));
        DownloadSites workload = new DownloadSites(5, urls);

        List<TaskPlan> plans = workload.plan(List.of(LARGE, SMALL));

        assertThat(workload.needsDemoSites()).isFalse();
        assertThat(plans).extracting(p -> ((Step.Fetch) p.steps().getFirst()).uri())
                .containsExactly(urls.get(0), urls.get(1), urls.get(2), urls.get(0), urls.get(1));
        assertThat(plans).extracting(TaskPlan::name)
                .containsExactly("GET example.com/a #1", "GET example.org/ #2", "GET example.net/ #3",
                        "GET example.com/a #4", "GET example.org/ #5");
    }

    @Test
    void the_demo_download_needs_the_demo_sites_and_fails_clearly_without_them() {
        DownloadSites workload = DownloadSites.demo(3);

        assertThat(workload.needsDemoSites()).isTrue();
        assertThat(workload.nature()).isEqualTo(Workload.Nature.IO_BOUND);
        assertThatThrownBy(() -> workload.plan(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo sites");
    }

    @Test
    void the_article_sum_of_squares_has_twenty_tasks_from_five_million() {
        SumOfSquares workload = SumOfSquares.articleDefault();
        List<TaskPlan> plans = workload.plan(List.of());

        assertThat(workload.needsDemoSites()).isFalse();
        assertThat(workload.nature()).isEqualTo(Workload.Nature.CPU_BOUND);
        assertThat(plans).hasSize(20);
        for (int x = 0; x < 20; x++) {
            assertThat(plans.get(x).id()).isEqualTo(x);
            assertThat(plans.get(x).steps())
                    .containsExactly(new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, 5_000_000L + x));
        }
    }

    @Test
    void the_closed_form_matches_small_sums_worked_out_by_hand() {
        assertThat(SumOfSquares.expected(-3)).isZero();
        assertThat(SumOfSquares.expected(0)).isZero();
        assertThat(SumOfSquares.expected(1)).isZero();
        assertThat(SumOfSquares.expected(2)).isEqualTo(1);
        assertThat(SumOfSquares.expected(4)).isEqualTo(0 + 1 + 4 + 9);
        assertThat(SumOfSquares.expected(10)).isEqualTo(285);
    }

    @Test
    void invalid_download_requests_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> DownloadSites.demo(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests").hasMessageContaining("was 0");
        assertThatThrownBy(() -> DownloadSites.demo(DownloadSites.MAX_REQUESTS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
    }

    @Test
    void invalid_sum_of_squares_parameters_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> new SumOfSquares(0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count").hasMessageContaining("was 0");
        assertThatThrownBy(() -> new SumOfSquares(SumOfSquares.MAX_COUNT + 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> new SumOfSquares(1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base").hasMessageContaining("was -1");
        assertThatThrownBy(() -> new SumOfSquares(1, SumOfSquares.MAX_BASE + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
    }

    @Test
    void invalid_steps_and_plans_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> new Step.Parse(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
        assertThatThrownBy(() -> new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be");
        assertThatThrownBy(() -> new Step.Sleep(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("millis");
        assertThatThrownBy(() -> new Step.Fetch(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("uri");
        assertThatThrownBy(() -> new TaskPlan(-1, "x", List.of(new Step.Sleep(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task id");
        assertThatThrownBy(() -> new TaskPlan(0, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one step");
    }
}
