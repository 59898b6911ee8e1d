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
    void the_article_fibonacci_has_twenty_tasks_of_fib_35_named_as_the_python_twin_names_them() {
        Fibonacci workload = Fibonacci.articleDefault();
        List<TaskPlan> plans = workload.plan(List.of());

        assertThat(workload).isEqualTo(new Fibonacci(20, 35));
        assertThat(workload.id()).isEqualTo("fib");
        assertThat(workload.needsDemoSites()).isFalse();
        assertThat(workload.nature()).isEqualTo(Workload.Nature.CPU_BOUND);
        assertThat(plans).hasSize(20);
        for (int x = 0; x < 20; x++) {
            assertThat(plans.get(x).id()).isEqualTo(x);
            assertThat(plans.get(x).name()).isEqualTo("fib(35) #" + (x + 1));
            assertThat(plans.get(x).steps()).containsExactly(new Step.Compute(Step.ComputeKind.FIBONACCI, 35));
        }
        assertThat(new Fibonacci(3, 20).plan(List.of())).extracting(TaskPlan::name)
                .containsExactly("fib(20) #1", "fib(20) #2", "fib(20) #3");
    }

    @Test
    void fibonacci_refuses_an_n_or_a_count_out_of_range() {
        assertThat(new Fibonacci(1, Fibonacci.MIN_N).n()).isEqualTo(1);
        assertThat(new Fibonacci(Fibonacci.MAX_COUNT, Fibonacci.MAX_N).n()).isEqualTo(45);
        assertThatThrownBy(() -> new Fibonacci(20, 0)).hasMessage("n must be between 1 and 45, was 0");
        assertThatThrownBy(() -> new Fibonacci(20, 46)).hasMessage("n must be between 1 and 45, was 46");
        assertThatThrownBy(() -> new Fibonacci(0, 35)).hasMessage("count must be between 1 and 100000, was 0");
        assertThatThrownBy(() -> new Fibonacci(100_001, 35)).hasMessage("count must be between 1 and 100000, was 100001");
        assertThatThrownBy(() -> new Step.Compute(Step.ComputeKind.FIBONACCI, 93)).hasMessageContaining("fits in a long up to n = 92");
    }

    @Test
    void the_iterative_fib_and_the_count_of_calls_match_values_worked_out_by_hand() {
        assertThat(Fibonacci.expected(0)).isZero();
        assertThat(Fibonacci.expected(1)).isEqualTo(1);
        assertThat(Fibonacci.expected(2)).isEqualTo(1);
        assertThat(Fibonacci.expected(7)).isEqualTo(13);
        assertThat(Fibonacci.expected(20)).isEqualTo(6_765);
        assertThat(Fibonacci.expected(35)).isEqualTo(9_227_465L);
        assertThat(Fibonacci.expected(92)).isEqualTo(7_540_113_804_746_346_429L);
        assertThatThrownBy(() -> Fibonacci.expected(93)).isInstanceOf(IllegalArgumentException.class);
        // fib(2) calls fib(2), fib(1), fib(0); fib(3) those and fib(1) again
        assertThat(Fibonacci.calls(0)).isEqualTo(1);
        assertThat(Fibonacci.calls(2)).isEqualTo(3);
        assertThat(Fibonacci.calls(3)).isEqualTo(5);
        assertThat(Fibonacci.calls(35)).isEqualTo(29_860_703L);
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
