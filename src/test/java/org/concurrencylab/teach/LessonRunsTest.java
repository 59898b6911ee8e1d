package org.concurrencylab.teach;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.EngineRuns;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.LaneKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/// Every step of every lesson runs for real, shrunk to a few tasks: each run finishes with no
/// error and the shape its lesson is about; recorded, the runs answer every question and fill
/// every row of the guide.
class LessonRunsTest {
    private static RunEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new RunEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void every_lesson_step_runs_and_its_records_answer_every_question(@TempDir Path dir) throws Exception {
        LessonProgress progress = LessonProgress.open(dir);
        for (Lesson lesson : Lessons.all()) {
            for (LessonStep step : lesson.steps()) {
                List<RunRecord> records = new ArrayList<>();
                for (RunSpec lessonSpec : step.runs()) {
                    RunSpec spec = SmallLessons.small(lessonSpec);
                    RunResult result = EngineRuns.finished(engine, spec, 60);
                    String what = step.id() + " " + result.summaryLine();
                    assertShape(spec, result, what);
                    records.add(RunRecord.of(result, Instant.now()));
                }
                progress.record(step.id(), records);
            }
        }

        for (Lesson lesson : Lessons.all()) {
            assertThat(lesson.completedIn(progress)).isTrue();
            for (LessonStep step : lesson.steps()) {
                Verdict v = Verdict.of(step, OptionalInt.of(0), progress);
                assertThat(v.status()).as(step.id()).isIn(step.question() == null
                        ? List.of(Verdict.Status.NOT_PREDICTED) : List.of(Verdict.Status.RIGHT, Verdict.Status.WRONG));
            }
        }
        assertThat(DecisionGuide.rows(progress)).allMatch(DecisionGuide.Row::measured);
        assertThat(LessonProgress.open(dir).runs("3.1")).hasSize(Lessons.step("3.1").orElseThrow().runs().size());
    }

    private static void assertShape(RunSpec spec, RunResult result, String what) {
        switch (spec.model()) {
            case THREADS, PROCESSES -> assertThat(result.lanes()).as(what).hasSize(spec.workers());
            case SYNC -> assertThat(result.lanes()).as(what).hasSize(1);
            case EVENTLOOP -> assertThat(result.lanes().getFirst().kind()).as(what).isEqualTo(LaneKind.LOOP);
            case VIRTUAL -> assertThat(result.lanes()).as(what).allMatch(l -> l.kind() == LaneKind.VIRTUAL_THREAD);
        }
        if (spec.workload() == WorkloadKind.RACE) {
            assertThat(result.counter()).as(what).isNotNull();
            // a lock, an atomic and a single loop thread never lose an update
            if (spec.counterMode() != org.concurrencylab.core.workload.Step.CounterMode.UNSAFE || spec.model() == ModelKind.EVENTLOOP) {
                assertThat(result.counter().lost()).as(what).isZero();
            }
        }
    }
}
