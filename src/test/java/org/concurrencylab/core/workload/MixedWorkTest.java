package org.concurrencylab.core.workload;

import org.concurrencylab.core.model.CancelledException;
import org.concurrencylab.core.model.CpuSteps;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.StepFailedException;
import org.concurrencylab.core.model.TaskContext;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.net.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/// The mixed workload: each task downloads a page, then parses it heavily for a given amount of
/// its thread's CPU time. The plan is checked as data; the heavy parse against the thread's own
/// CPU clock.
@Timeout(30)
class MixedWorkTest {
    private static final URI LARGE = URI.create("http://127.0.0.1:8080/large");
    private static final URI SMALL = URI.create("http://127.0.0.1:8080/small");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static Page page(URI uri) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 400; i++) html.append("<p>word ").append(i).append(" <a href=\"/p").append(i).append("\">link</a></p>\n");
        html.append("</body></html>");
        return Page.of(uri, 200, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /// A task context on a fresh recorder's one lane, with no GIL and no connection limit.
    private record Worker(TraceRecorder recorder, TaskContext context) {
        static Worker create(RunControl control) {
            TraceRecorder recorder = TraceRecorder.create(RunClock.startingNow());
            TaskContext context = new TaskContext(recorder.track(recorder.addLane("main", LaneKind.THREAD)), 0, control);
            return new Worker(recorder, context);
        }
    }

    @Test
    void each_task_fetches_a_page_then_crunches_it_for_the_cpu_time_asked() {
        MixedWork mixed = new MixedWork(5, List.of(), 30);

        List<TaskPlan> plans = mixed.plan(List.of(LARGE, SMALL));

        assertThat(plans).hasSize(5);
        for (int i = 0; i < plans.size(); i++) {
            URI expected = i % 2 == 0 ? LARGE : SMALL;
            assertThat(plans.get(i).id()).isEqualTo(i);
            assertThat(plans.get(i).name()).isEqualTo("GET " + expected.getPath() + " #" + (i + 1));
            assertThat(plans.get(i).steps()).containsExactly(new Step.Fetch(expected), new Step.Crunch(30));
        }
        assertThat(mixed.id()).isEqualTo("mixed");
        assertThat(mixed.needsDemoSites()).isTrue();
        assertThat(mixed.nature()).isEqualTo(Workload.Nature.IO_BOUND);
    }

    @Test
    void given_urls_replace_the_demo_pages() {
        List<URI> urls = List.of(URI.create("https://example.org/a"), URI.create("https://example.org/b"));
        MixedWork mixed = new MixedWork(3, urls, 5);

        List<TaskPlan> plans = mixed.plan(List.of(LARGE, SMALL));

        assertThat(mixed.needsDemoSites()).isFalse();
        assertThat(plans).extracting(p -> p.steps().getFirst())
                .containsExactly(new Step.Fetch(urls.get(0)), new Step.Fetch(urls.get(1)), new Step.Fetch(urls.get(0)));
        assertThat(plans).allSatisfy(p -> assertThat(p.steps().get(1)).isEqualTo(new Step.Crunch(5)));
    }

    @Test
    void a_mixed_workload_refuses_no_requests_and_no_cpu_time() {
        assertThatThrownBy(() -> new MixedWork(0, List.of(), 20)).hasMessageContaining("requests");
        assertThatThrownBy(() -> new MixedWork(1, List.of(), 0)).hasMessageContaining("CPU ms");
        assertThatThrownBy(() -> new Step.Crunch(0)).hasMessageContaining("CPU time");
        assertThatThrownBy(() -> new Step.Crunch(60_001)).hasMessageContaining("CPU time");
    }

    @Test
    void a_crunch_burns_at_least_the_cpu_time_asked_on_its_own_thread() {
        assumeThat(THREADS.isCurrentThreadCpuTimeSupported()).isTrue();
        long cpuMs = 40;
        Worker worker = Worker.create(new RunControl());
        Page page = page(LARGE);

        long before = THREADS.getCurrentThreadCpuTime();
        String result = CpuSteps.run(new Step.Crunch(cpuMs), page, worker.context(), null);
        long used = THREADS.getCurrentThreadCpuTime() - before;
        worker.context().finish();

        assertThat(used).as("ns of this thread's CPU time").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(cpuMs))
                .as("generous upper bound").isLessThan(TimeUnit.MILLISECONDS.toNanos(cpuMs + 2_000));
        assertThat(result).startsWith(String.format("%,d bytes parsed ", page.body().length)).endsWith(" times");
        long rounds = Long.parseLong(result.replaceAll(".* parsed ([\\d,]+) times", "$1").replace(",", ""));
        assertThat(rounds).isPositive();
        // one CPU step, however often the thread waited for a core within it
        List<Segment> segments = SegmentChecks.cpuSteps(worker.recorder().finished());
        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(State.WORK);
            assertThat(s.label()).isEqualTo("heavy parse of /large, 40 ms of CPU");
            assertThat(s.failed()).isFalse();
        });
    }

    @Test
    void a_crunch_with_no_page_downloaded_fails_the_step() {
        Worker worker = Worker.create(new RunControl());

        assertThatThrownBy(() -> CpuSteps.run(new Step.Crunch(10), null, worker.context(), null))
                .isInstanceOf(StepFailedException.class).hasMessageContaining("nothing to parse");
    }

    @Test
    void a_stop_ends_a_long_crunch_at_its_next_checkpoint() {
        RunControl control = new RunControl();
        Worker worker = Worker.create(control);
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                while (worker.recorder().openNow().isEmpty()) Thread.sleep(1);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            control.cancel();
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> CpuSteps.run(new Step.Crunch(60_000), page(SMALL), worker.context(), null))
                .isInstanceOf(CancelledException.class);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("s of a 60 s crunch").isLessThan(10);
        assertThat(worker.recorder().openNow()).singleElement()
                .satisfies(s -> assertThat(s.label()).isEqualTo("heavy parse of /small, 60000 ms of CPU"));
    }
}
