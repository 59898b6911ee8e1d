package org.concurrencylab.compare;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunHandle;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Real runs, one after another.
@Timeout(60)
class SeriesRunTest {
    private final RunEngine engine = new RunEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static RunSpec download(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withTasks(12).with(RunParams.LATENCY_MS, 5).withWarmup(false);
    }

    @Test
    void runs_go_one_after_another_in_order_each_reported_and_kept() throws Exception {
        List<RunSpec> specs = List.of(download(ModelKind.SYNC), download(ModelKind.THREADS).withWorkers(3), download(ModelKind.EVENTLOOP));
        List<String> events = new CopyOnWriteArrayList<>();

        SeriesRun series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
            @Override
            public void runStarted(int index, int total, RunSpec spec, RunHandle handle) {
                events.add("start " + index + "/" + total + " " + spec.model().id());
            }

            @Override
            public void runFinished(int index, int total, RunResult result) {
                events.add("end " + index + " " + result.spec().model().id());
            }
        });
        SeriesRun.Outcome outcome = series.outcome().get(30, TimeUnit.SECONDS);

        // one run at a time: each starts after the one before has ended
        assertThat(events).containsExactly("start 0/3 sync", "end 0 sync", "start 1/3 threads", "end 1 threads",
                "start 2/3 eventloop", "end 2 eventloop");
        assertThat(outcome.cancelled()).isFalse();
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.results()).extracting(RunResult::spec).containsExactlyElementsOf(specs);
        assertThat(outcome.results()).allSatisfy(r -> assertThat(r.completed()).isEqualTo(12));
        Comparison c = Comparison.of(outcome.results(), 2);
        assertThat(c.rows()).hasSize(3);
        assertThat(c.reference()).isPresent();
        assertThat(series.index()).isEqualTo(3);
    }

    @Test
    void cancelling_stops_the_run_going_on_and_the_rest_keeping_those_that_ended() throws Exception {
        RunSpec slow = download(ModelKind.SYNC).withTasks(400).with(RunParams.LATENCY_MS, 100);
        List<RunSpec> specs = List.of(download(ModelKind.SYNC), slow, download(ModelKind.THREADS));
        CountDownLatch slowStarted = new CountDownLatch(1);
        List<Integer> finished = new CopyOnWriteArrayList<>();

        SeriesRun series = SeriesRun.start(engine, specs, new SeriesRun.Listener() {
            @Override
            public void runStarted(int index, int total, RunSpec spec, RunHandle handle) {
                if (index == 1) slowStarted.countDown();
            }

            @Override
            public void runFinished(int index, int total, RunResult result) {
                finished.add(index);
            }
        });
        assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();
        series.cancel();
        SeriesRun.Outcome outcome = series.outcome().get(20, TimeUnit.SECONDS);

        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.results()).extracting(RunResult::spec).containsExactly(specs.getFirst());
        assertThat(finished).as("the stopped run is reported, the third never starts").containsExactly(0, 1);
    }

    @Test
    void an_empty_series_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeriesRun.start(engine, List.of(), new SeriesRun.Listener() {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
