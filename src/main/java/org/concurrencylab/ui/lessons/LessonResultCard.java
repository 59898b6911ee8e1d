package org.concurrencylab.ui.lessons;

import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.teach.LessonProgress;
import org.concurrencylab.teach.LessonStep;
import org.concurrencylab.teach.RunRecord;
import org.concurrencylab.teach.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/// The card under a lesson step once it has run: the learner's prediction beside what was
/// measured, the verdict, a sweep's bar chart, and the run's facts.
///
/// Thread-safety: FX thread only.
final class LessonResultCard {
    private LessonResultCard() {}

    /// Fills `resultCard` for `step`: what runs now while `running` (`runStatus`), else the
    /// prediction beside the measured result, the verdict, a sweep's chart and the run's facts.
    static void fill(VBox resultCard, LessonStep step, LessonProgress progress, boolean running, String runStatus) {
        resultCard.getChildren().clear();
        List<RunRecord> runs = progress.runs(step.id());
        if (running) {
            Label status = new Label(runStatus);
            status.setId("lesson-run-status");
            resultCard.getChildren().add(status);
            return;
        }
        OptionalInt predicted = progress.prediction(step.id());
        Verdict verdict = Verdict.of(step, predicted, progress);

        // the prediction beside the result, in two equal columns
        String measuredText = step.isSweep() ? fastestOf(step, runs) : Ticks.duration(runs.getFirst().wallNanos());
        GridPane side = new GridPane();
        side.setHgap(12);
        side.setVgap(2);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        side.getColumnConstraints().setAll(half, half);
        side.addRow(0, caption("Your prediction"), caption("Measured"));
        side.addRow(1, big(Verdict.predictedText(step, predicted).orElse(step.question() == null ? "—" : "none"),
                "lesson-predicted"), big(measuredText, "lesson-measured"));
        resultCard.getChildren().add(side);

        if (!verdict.measured().isEmpty() && !verdict.measured().equals(measuredText)) {
            Label detail = new Label(verdict.measured());
            detail.setWrapText(true);
            resultCard.getChildren().add(detail);
        }
        if (!verdict.text().isEmpty()) {
            Label v = new Label(verdict.text());
            v.setId("lesson-verdict");
            v.setWrapText(true);
            v.getStyleClass().add(switch (verdict.status()) {
                case RIGHT -> "verdict-right";
                case WRONG -> "verdict-wrong";
                default -> "verdict-pending";
            });
            resultCard.getChildren().add(v);
        }
        if (step.isSweep()) resultCard.getChildren().add(sweepChart(step, runs));
        RunRecord first = runs.getFirst();
        int errors = runs.stream().mapToInt(RunRecord::errors).sum();
        Label facts = new Label(String.format(Locale.ROOT, "%,d %s per run%s", first.tasks(),
                step.spec().workload().taskNoun(), errors == 0 ? ", no errors." : ", " + errors + " failed."));
        facts.getStyleClass().add("run-what");
        resultCard.getChildren().add(facts);
    }

    static String fastestOf(LessonStep step, List<RunRecord> runs) {
        int best = 0;
        for (int i = 1; i < runs.size(); i++) if (runs.get(i).wallNanos() < runs.get(best).wallNanos()) best = i;
        return step.runLabel(best) + ", " + Ticks.duration(runs.get(best).wallNanos());
    }

    private static Node sweepChart(LessonStep step, List<RunRecord> runs) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(step.spec().model().hasWorkers() ? "pool size" : "run");
        NumberAxis y = new NumberAxis();
        y.setLabel("wall time (s)");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("lesson-sweep-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        chart.setMinHeight(180);
        chart.setBarGap(2);
        chart.setCategoryGap(8);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int i = 0; i < runs.size() && i < step.runs().size(); i++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(runs.get(i).workers()), runs.get(i).wallNanos() / 1e9));
        }
        chart.getData().add(series);
        return chart;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("run-what");
        return label;
    }

    private static Label big(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("measured");
        return label;
    }
}
