package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.Kernels;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.AsyncHttp;
import org.concurrencylab.net.Http;
import org.concurrencylab.net.Page;
import org.concurrencylab.sites.DemoSites;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The downloads read their pages into buffers of a pool, given back when the task is done with
/// them: hundreds of tasks at once, each parsing one page and then another of another size, must
/// each parse its own page's bytes, never those of a buffer that went on to another download.
@Timeout(120)
class PageBuffersInRunsTest {
    private static final int TASKS = 600;

    private static DemoSites sites;
    private static Http http;
    private static AsyncHttp asyncHttp;
    /// What parsing each demo page gives, from a page read whole and copied.
    private static Map<URI, String> expected;

    @BeforeAll
    static void start() throws Exception {
        sites = DemoSites.start(SiteConfig.defaults().withLatencyMs(5));
        http = Http.createDefault();
        asyncHttp = AsyncHttp.createDefault();
        expected = sites.pages().stream().collect(Collectors.toMap(Function.identity(), uri -> {
            try {
                byte[] bytes = http.fetch(uri, call -> {}).body();
                Kernels.PageSummary summary = Kernels.parsePage(bytes, Kernels.Checkpoint.NONE);
                return Grouped.bytes(bytes.length) + ", " + summary.links() + " links, " + Grouped.of(summary.words()) + " words";
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
    }

    @AfterAll
    static void stop() {
        if (asyncHttp != null) asyncHttp.close();
        if (http != null) http.close();
        if (sites != null) sites.close();
    }

    /// Task x downloads and parses one demo page, then the other: the first page's buffer goes
    /// back to the pool while the task goes on.
    private static List<TaskPlan> plans() {
        List<URI> pages = sites.pages();
        List<TaskPlan> plans = new ArrayList<>();
        for (int x = 0; x < TASKS; x++) {
            URI first = pages.get(x % 2);
            URI second = pages.get((x + 1) % 2);
            plans.add(new TaskPlan(x, "two pages #" + x,
                    List.of(new Step.Fetch(first), new Step.Parse(1), new Step.Fetch(second), new Step.Parse(1))));
        }
        return plans;
    }

    private static void assertEachTaskParsedItsOwnPages(ConcurrencyModel model) throws InterruptedException {
        List<TaskPlan> plans = plans();
        RunContext context = new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), new RunControl(), http,
                new Outcomes(plans.size()));
        model.run(context);
        List<TaskOutcome> outcomes = context.outcomes().list();
        assertThat(outcomes).hasSize(TASKS).allSatisfy(o -> {
            assertThat(o.ok()).as("task %d: %s", o.task(), o.error()).isTrue();
            URI second = ((Step.Fetch) plans.get(o.task()).steps().get(2)).uri();
            assertThat(o.result()).as("task %d", o.task()).isEqualTo(expected.get(second));
        });
        assertThat(expected.values()).as("the two pages parse apart").doesNotHaveDuplicates();
    }

    @Test
    void on_the_event_loop_each_task_parses_the_bytes_of_its_own_pages() throws Exception {
        assertEachTaskParsedItsOwnPages(new EventLoopModel(TASKS, asyncHttp));
    }

    @Test
    void on_virtual_threads_each_task_parses_the_bytes_of_its_own_pages() throws Exception {
        assertEachTaskParsedItsOwnPages(new VirtualThreadModel(TASKS, null));
    }

    @Test
    void in_a_thread_pool_each_task_parses_the_bytes_of_its_own_pages() throws Exception {
        assertEachTaskParsedItsOwnPages(new ThreadPoolModel(8));
    }

    /// A page given back is gone for its reader: a parse of it fails loudly, never reads bytes
    /// that may already be another page's.
    @Test
    void a_released_page_refuses_to_be_read() throws Exception {
        Page page = http.fetch(sites.pages().getFirst(), call -> {});
        page.release();
        page.release();

        assertThat(page.size()).isEqualTo(SiteConfig.defaults().largeBytes());
        assertThatThrownBy(page::buffer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was released");
    }
}
