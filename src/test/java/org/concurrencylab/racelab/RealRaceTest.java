package org.concurrencylab.racelab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The race for real: the detector on records built by hand, real runs that must lose nothing,
/// and real unsafe runs checked for their structure only (whether a run loses is up to the
/// machine), with their lost updates reenacted in the step engine.
@Timeout(60)
class RealRaceTest {
    private static final int INCREMENTS = 1_000;
    private static final int RUNS = 20;

    /// An increment of `thread` reading `read` over [readAt, readAt + 1] and writing over
    /// [writeAt, writeAt + 1].
    private static RealRecord record(int thread, int index, int read, long readAt, long writeAt) {
        return new RealRecord(thread, index, read, read + 1, readAt, readAt + 1, writeAt, writeAt + 1);
    }

    @Test
    void two_increments_that_read_the_same_value_are_one_lost_update() {
        RealRecord first = record(0, 0, 0, 0, 20);
        RealRecord second = record(1, 0, 0, 5, 25);
        List<RealRecord> records = List.of(first, record(0, 1, 1, 40, 50), second, record(1, 1, 2, 60, 70));

        RealDetection detection = RealRace.detect(records);

        assertThat(detection.lost()).containsExactly(new RealLostUpdate(first, second));
        assertThat(detection).extracting(RealDetection::writes, RealDetection::distinct, RealDetection::maxWritten,
                RealDetection::lostUpdates).containsExactly(4, 3, 3, 1);
        assertThat(detection.agreesWith(4, 3)).isTrue();
        assertThat(detection.agreesWith(5, 3)).as("one lost of five would end at 4").isFalse();
        assertThat(detection.lost().getFirst().text()).isEqualTo("thread 2 wrote 1 over thread 1's 1: both read 0");
    }

    @Test
    void a_stale_write_over_several_increments_is_counted_once_per_value_written_again() {
        RealRecord stale = record(0, 0, 0, 0, 30);
        List<RealRecord> records = List.of(stale, record(1, 0, 0, 5, 10), record(1, 1, 1, 15, 20), record(1, 2, 1, 40, 50));

        RealDetection detection = RealRace.detect(records);

        assertThat(detection.lost()).containsExactly(new RealLostUpdate(records.get(1), stale),
                new RealLostUpdate(records.get(2), records.get(3)));
        assertThat(detection.lostUpdates()).as("4 increments, the counter ends at 2").isEqualTo(2);
        assertThat(detection.agreesWith(4, 2)).isTrue();
    }

    @Test
    void a_stale_write_that_comes_last_sets_the_counter_back_below_the_highest_value() {
        List<RealRecord> records = List.of(record(0, 0, 0, 0, 30), record(1, 0, 0, 5, 10), record(1, 1, 1, 15, 20));

        RealDetection detection = RealRace.detect(records);

        assertThat(detection.lostUpdates()).isEqualTo(1);
        assertThat(detection.maxWritten()).isEqualTo(2);
        assertThat(detection.agreesWith(3, 1)).as("the counter ends at 1: 2 lost, one of them by going back").isTrue();
    }

    @Test
    void increments_that_each_read_the_last_write_lose_nothing() {
        List<RealRecord> records = List.of(record(0, 0, 0, 0, 5), record(1, 0, 1, 10, 15), record(0, 1, 2, 20, 25));

        RealDetection detection = RealRace.detect(records);

        assertThat(detection.lost()).isEmpty();
        assertThat(detection.agreesWith(3, 3)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RealRace.Mode.class, names = {"SYNCHRONIZED", "ATOMIC"})
    void real_synchronized_and_atomic_runs_lose_no_update(RealRace.Mode mode) throws Exception {
        RealRun run = RealRace.run(mode, 2, INCREMENTS);

        assertThat(run.records()).hasSize(2 * INCREMENTS);
        assertThat(run.finalCount()).isEqualTo(2 * INCREMENTS);
        assertThat(run.detect().lost()).isEmpty();
        assertThat(run.records()).extracting(RealRecord::written).doesNotHaveDuplicates();
        assertThat(Reenactment.of(run)).isEmpty();
    }

    @Test
    void real_unsafe_runs_are_recorded_whole_and_the_detector_agrees_with_the_counter() throws Exception {
        int losing = 0;
        int reenacted = 0;
        for (int i = 0; i < RUNS; i++) {
            RealRun run = RealRace.run(RealRace.Mode.UNSAFE, 2, INCREMENTS);
            RealDetection detection = run.detect();

            assertThat(run.records()).hasSize(2 * INCREMENTS);
            for (int t = 0; t < 2; t++) {
                int thread = t;
                List<RealRecord> own = run.records().stream().filter(r -> r.thread() == thread).toList();
                assertThat(own).extracting(RealRecord::index).containsExactlyElementsOf(IntStream.range(0, INCREMENTS).boxed().toList());
                assertThat(own).isSortedAccordingTo(Comparator.comparingLong(RealRecord::readStart));
            }
            assertThat(detection.agreesWith(run.expected(), run.finalCount()))
                    .as("%d lost, counter %d of %d, highest value %d", detection.lostUpdates(), run.finalCount(), run.expected(),
                            detection.maxWritten()).isTrue();
            if (detection.lostUpdates() > 0) losing++;
            if (Reenactment.of(run).isPresent()) {
                reenacted++;
                assertReproduces(Reenactment.of(run).orElseThrow());
            }
        }
        System.out.println("Race lab: " + losing + " of " + RUNS + " real unsafe runs of 2 threads x " + INCREMENTS
                + " increments lost an update; " + reenacted + " reenacted step by step");
    }

    @Test
    void a_reenactment_steps_through_the_real_interleaving() {
        RealRecord first = record(0, 0, 5, 0, 20);
        RealRecord second = record(1, 0, 5, 5, 25);
        List<RealRecord> records = List.of(record(0, 1, 6, 100, 110), first, second);

        Reenactment reenactment = Reenactment.of(records, new RealLostUpdate(first, second)).orElseThrow();

        assertThat(reenactment.window()).containsExactly(first, second);
        assertThat(reenactment.schedule()).containsExactly(0, 1, 0, 0, 1, 1);
        assertThat(reenactment.timeline()).containsExactly("+0 ns: thread 1 read 5", "+5 ns: thread 2 read 5",
                "+20 ns: thread 1 wrote 6", "+25 ns: thread 2 wrote 6");
        assertThat(reenactment.machine().shared()).containsEntry("counter", 5);
        assertThat(reenactment.machine().threads()).extracting(ThreadSpec::name).containsExactly("thread 1", "thread 2");
        assertThat(reenactment.machine().threads().getFirst().program().lines()).extracting(Line::text)
                .containsExactly("counter = counter + 1;   // increment 1");
        Session session = reenactment.open();
        List<String> actions = new ArrayList<>();
        while (session.canRedo()) actions.add(session.redo().action());
        assertThat(actions).containsExactly("thread 1 loads counter = 5 into r", "thread 2 loads counter = 5 into r",
                "thread 1 computes r = 5 + 1 = 6", "thread 1 stores 6 into counter; thread 1 is done",
                "thread 2 computes r = 5 + 1 = 6", "thread 2 stores 6 into counter; thread 2 is done");
        assertThat(session.goal().progress()).isEqualTo(GoalStatus.Progress.REACHED);
        assertReproduces(reenactment);
    }

    @Test
    void where_the_clock_cannot_tell_the_order_the_values_do() {
        RealRecord writesFive = record(0, 0, 4, 0, 10);
        RealRecord readsFiveEarly = record(1, 0, 5, 8, 20);
        RealRecord readsFiveLate = record(0, 1, 5, 12, 22);
        List<RealRecord> records = List.of(writesFive, readsFiveLate, readsFiveEarly);

        Reenactment reenactment = Reenactment.first(records, RealRace.detect(records)).orElseThrow();

        assertThat(reenactment.lost()).isEqualTo(new RealLostUpdate(readsFiveEarly, readsFiveLate));
        assertThat(reenactment.schedule()).as("thread 2 reads 5 only after thread 1 wrote it, though its clock says earlier")
                .containsExactly(0, 0, 0, 1, 0, 1, 1, 0, 0);
        assertReproduces(reenactment);
    }

    @Test
    void a_lost_update_spread_over_more_increments_than_a_window_holds_is_not_reenacted() {
        List<RealRecord> records = new ArrayList<>();
        RealRecord slow = record(0, 0, 0, 0, 1_000);
        records.add(slow);
        for (int i = 0; i < Reenactment.MAX_WINDOW + 1; i++) records.add(record(1, i, i, 10 + 20L * i, 20 + 20L * i));

        assertThat(RealRace.detect(records).lostUpdates()).isEqualTo(1);
        assertThat(Reenactment.first(records, RealRace.detect(records))).isEmpty();
    }

    /// Every load of the reenactment reads the value the real increment read, and the engine
    /// sees the update lost.
    private static void assertReproduces(Reenactment reenactment) {
        RaceState end = reenactment.machine().replay(reenactment.schedule());
        List<Integer> loaded = end.history().stream().filter(e -> e.instruction().startsWith("load"))
                .map(e -> Integer.parseInt(e.action().replaceAll(".* = (-?[0-9]+) into .*", "$1"))).toList();
        List<Integer> reads = new ArrayList<>();
        int[] next = new int[2];
        List<List<RealRecord>> byThread = List.of(
                reenactment.window().stream().filter(r -> r.thread() == reenactment.window().getFirst().thread()).toList(),
                reenactment.window().stream().filter(r -> r.thread() != reenactment.window().getFirst().thread()).toList());
        for (Event e : end.history()) {
            if (e.instruction().startsWith("load")) reads.add(byThread.get(e.thread()).get(next[e.thread()]++).read());
        }
        assertThat(loaded).isEqualTo(reads);
        assertThat(end.counts().lostUpdates()).isPositive();
        assertThat(reenactment.machine().ending(end)).get().isInstanceOf(Ending.Finished.class);
    }
}
