package org.concurrencylab.core.model;

import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.SegmentChecks;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.SumOfSquares;
import org.concurrencylab.core.workload.TaskPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The blocking models driven through a [RunContext] directly, on plans that need no network
/// (sleeps and sums), so that what is asserted depends on the model alone.
@Timeout(30)
class BlockingModelsTest {

    private static RunContext context(List<TaskPlan> plans, RunControl control) {
        return new RunContext(plans, TraceRecorder.create(RunClock.startingNow()), control, null, new Outcomes(plans.size()));
    }

    private static List<TaskPlan> sleeps(int tasks, long millis) {
        List<TaskPlan> plans = new ArrayList<>();
        for (int i = 0; i < tasks; i++) plans.add(new TaskPlan(i, "sleep #" + i, List.of(new Step.Sleep(millis))));
        return plans;
    }

    private static List<Segment> all(RunContext context) {
        assertThat(context.recorder().openNow()).isEmpty();
        return context.recorder().finished();
    }

    @Test
    void a_pool_of_three_waits_on_at_most_three_tasks_at_once_and_reaches_three() throws Exception {
        RunContext context = context(sleeps(9, 40), new RunControl());

        new ThreadPoolModel(3).run(context);

        List<Segment> segments = all(context);
        assertThat(context.recorder().lanes()).hasSize(3);
        assertThat(context.outcomes().done()).isEqualTo(9);
        assertThat(segments).filteredOn(s -> s.state() == State.IO_WAIT).hasSize(9)
                .extracting(Segment::task).doesNotHaveDuplicates();
        assertThat(SegmentChecks.maxOpenAtOnce(segments, s -> s.state() == State.IO_WAIT)).isEqualTo(3);
        SegmentChecks.assertNoOverlapWithinLanes(segments);
    }

    @Test
    void the_synchronous_model_runs_one_task_at_a_time_in_plan_order() {
        RunContext context = context(sleeps(5, 5), new RunControl());

        new SyncModel().run(context);

        List<Segment> onLane = all(context).stream().filter(s -> s.lane() != Segment.NO_LANE).toList();
        assertThat(context.recorder().lanes()).hasSize(1);
        assertThat(onLane).extracting(Segment::task).containsExactly(0, 1, 2, 3, 4);
        assertThat(SegmentChecks.maxOpenAtOnce(onLane, s -> true)).isEqualTo(1);
        assertThat(context.outcomes().list()).extracting(TaskOutcome::ok).containsOnly(true);
    }

    @Test
    void a_failing_task_is_marked_and_does_not_stop_the_others() throws Exception {
        List<TaskPlan> plans = List.of(
                new TaskPlan(0, "sum", List.of(new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, 1000))),
                new TaskPlan(1, "parse nothing", List.of(new Step.Parse(1))),
                new TaskPlan(2, "sum", List.of(new Step.Compute(Step.ComputeKind.SUM_OF_SQUARES, 2000))));
        for (ConcurrencyModel model : List.of(new SyncModel(), new ThreadPoolModel(2))) {
            RunContext context = context(plans, new RunControl());

            model.run(context);

            assertThat(context.outcomes().errors()).as(model.kind().id()).isEqualTo(1);
            assertThat(context.outcomes().list()).extracting(TaskOutcome::ok).containsExactly(true, false, true);
            assertThat(context.outcomes().list().get(1).error()).contains("nothing to parse");
            assertThat(context.outcomes().list().get(2).result()).isEqualTo(SumOfSquares.expected(2000).toString());
            // the failing task had not entered a state yet: its failure gets a mark of its own on the lane
            assertThat(all(context)).filteredOn(s -> s.lane() != Segment.NO_LANE && s.failed())
                    .singleElement().satisfies(s -> {
                        assertThat(s.task()).isEqualTo(1);
                        assertThat(s.error()).contains("nothing to parse");
                    });
        }
    }

    @Test
    void a_pool_stops_taking_tasks_once_cancelled() throws Exception {
        RunControl control = new RunControl();
        RunContext context = context(sleeps(50, 30), control);
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            control.cancel();
        });

        new ThreadPoolModel(2).run(context);

        assertThat(context.outcomes().done()).isLessThan(50);
        List<Segment> segments = all(context);
        assertThat(segments).filteredOn(Segment::failed).isNotEmpty()
                .allSatisfy(s -> assertThat(s.error()).isEqualTo("cancelled"));
        SegmentChecks.assertNoOverlapWithinLanes(segments);
    }

    @Test
    void a_cancelled_control_throws_at_checkpoints_and_aborts_what_registers_later() throws Exception {
        RunControl control = new RunControl();
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger actions = new AtomicInteger();
        AutoCloseable registration = control.whileBlocked(closed::incrementAndGet);
        registration.close();
        control.whileBlocked(closed::incrementAndGet);
        control.onCancel(actions::incrementAndGet);

        control.cancel();
        control.cancel();

        assertThat(control.cancelled()).isTrue();
        assertThatThrownBy(control::checkpoint).isInstanceOf(CancelledException.class);
        assertThat(closed.get()).as("only the operation still registered is aborted").isEqualTo(1);
        assertThat(actions.get()).isEqualTo(1);

        control.whileBlocked(closed::incrementAndGet);
        control.onCancel(actions::incrementAndGet);
        assertThat(closed.get()).isEqualTo(2);
        assertThat(actions.get()).isEqualTo(2);
    }

    @Test
    void an_outcome_is_accepted_once_per_task() {
        Outcomes outcomes = new Outcomes(3);
        outcomes.add(TaskOutcome.success(2, "c", "ok"));
        outcomes.add(TaskOutcome.failure(0, "a", "boom"));

        assertThat(outcomes.done()).isEqualTo(2);
        assertThat(outcomes.errors()).isEqualTo(1);
        assertThat(outcomes.list()).extracting(TaskOutcome::task).containsExactly(0, 2);
        assertThatThrownBy(() -> outcomes.add(TaskOutcome.success(2, "c", "again")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task 2");
    }
}
