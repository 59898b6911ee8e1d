package org.concurrencylab.core.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The lost-update race on its own: the shared counter hammered by platform threads, and the
/// race workload's plans. Counts only, no clocks.
@Timeout(60)
class RaceTest {
    private static final int THREADS = 4;
    private static final int INCREMENTS = 200_000;
    private static final int ATTEMPTS = 5;

    /// Runs `THREADS` platform threads, released together, each adding one `INCREMENTS` times;
    /// returns the count the counter ends with.
    private static long hammer(Step.CounterMode mode) throws InterruptedException {
        SharedCounter counter = new SharedCounter();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < INCREMENTS; i++) counter.increment(mode);
            }));
        }
        start.countDown();
        for (Thread thread : threads) thread.join();
        return counter.value(mode);
    }

    @Test
    void unsafe_increments_from_four_threads_lose_updates() throws Exception {
        long expected = (long) THREADS * INCREMENTS;
        List<Long> counts = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long count = hammer(Step.CounterMode.UNSAFE);
            counts.add(count);
            assertThat(count).as("an update can be lost, never invented").isBetween(1L, expected);
            if (count < expected) break;
        }

        assertThat(counts).as("counts over %d attempts", counts.size()).anyMatch(c -> c < expected);
    }

    @ParameterizedTest
    @EnumSource(value = Step.CounterMode.class, names = {"SYNCHRONIZED", "ATOMIC"})
    void safe_increments_from_four_threads_lose_nothing(Step.CounterMode mode) throws Exception {
        assertThat(hammer(mode)).isEqualTo((long) THREADS * INCREMENTS);
    }

    @ParameterizedTest
    @EnumSource(Step.CounterMode.class)
    void one_thread_loses_nothing_in_any_mode(Step.CounterMode mode) {
        SharedCounter counter = new SharedCounter();

        for (int i = 0; i < 1_000; i++) counter.increment(mode);

        assertThat(counter.value(mode)).isEqualTo(1_000);
    }

    @Test
    void each_mode_counts_on_its_own_value() {
        SharedCounter counter = new SharedCounter();

        counter.incrementUnsafe();
        counter.incrementSynchronized();
        counter.incrementSynchronized();
        counter.incrementAtomic();
        counter.incrementAtomic();
        counter.incrementAtomic();

        assertThat(counter.value(Step.CounterMode.UNSAFE)).isEqualTo(1);
        assertThat(counter.value(Step.CounterMode.SYNCHRONIZED)).isEqualTo(2);
        assertThat(counter.value(Step.CounterMode.ATOMIC)).isEqualTo(3);
    }

    @Test
    void a_race_plans_one_increment_step_per_task_and_expects_tasks_times_increments() {
        RaceCondition race = new RaceCondition(3, 7, Step.CounterMode.ATOMIC);

        List<TaskPlan> plans = race.plan(List.of());

        assertThat(plans).hasSize(3);
        for (int i = 0; i < plans.size(); i++) {
            assertThat(plans.get(i).id()).isEqualTo(i);
            assertThat(plans.get(i).name()).isEqualTo("increment #" + (i + 1));
            assertThat(plans.get(i).steps()).containsExactly(new Step.Increment(7, Step.CounterMode.ATOMIC));
        }
        assertThat(race.expected()).isEqualTo(21);
        assertThat(race.id()).isEqualTo("race");
        assertThat(race.needsDemoSites()).isFalse();
        assertThat(race.nature()).isEqualTo(Workload.Nature.CPU_BOUND);
        assertThat(new RaceCondition(RaceCondition.MAX_TASKS, Integer.MAX_VALUE, Step.CounterMode.UNSAFE).expected())
                .as("no int overflow").isEqualTo((long) RaceCondition.MAX_TASKS * Integer.MAX_VALUE);
    }

    @Test
    void a_race_refuses_no_tasks_no_increments_or_no_mode() {
        assertThatThrownBy(() -> new RaceCondition(0, 1, Step.CounterMode.UNSAFE)).hasMessageContaining("tasks");
        assertThatThrownBy(() -> new RaceCondition(RaceCondition.MAX_TASKS + 1, 1, Step.CounterMode.UNSAFE))
                .hasMessageContaining("tasks");
        assertThatThrownBy(() -> new RaceCondition(1, 0, Step.CounterMode.UNSAFE)).hasMessageContaining("increments");
        assertThatThrownBy(() -> new RaceCondition(1, 1, null)).hasMessageContaining("mode");
    }
}
