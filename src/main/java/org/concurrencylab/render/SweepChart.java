package org.concurrencylab.render;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.concurrencylab.compare.Sweep;
import org.concurrencylab.compare.SweepParam;
import org.concurrencylab.diagram.Ticks;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// A sweep drawn as two JavaFX line charts over the swept parameter: wall time (measured, and
/// the ideal dashed) on top, efficiency below. Workers and task counts go on a log₂ axis, so
/// 1, 2, 4 … 64 are evenly spaced. Shared by the window and the command line's PNG.
///
/// Thread-safety: FX thread only.
public final class SweepChart extends VBox {
    public static final String STYLE_CLASS = "sweep-chart";

    private final NumberAxis wallX = new NumberAxis();
    private final NumberAxis wallY = new NumberAxis();
    private final NumberAxis effX = new NumberAxis();
    private final NumberAxis effY = new NumberAxis();
    private final LineChart<Number, Number> wallChart = new LineChart<>(wallX, wallY);
    private final LineChart<Number, Number> efficiencyChart = new LineChart<>(effX, effY);
    private final XYChart.Series<Number, Number> measured = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> ideal = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> efficiency = new XYChart.Series<>();
    private boolean log;

    public SweepChart() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(SweepChart.class.getResource("sweep-chart.css")).toExternalForm());
        measured.setName("wall time");
        ideal.setName("ideal");
        efficiency.setName("efficiency (ideal / wall)");
        wallY.setLabel("wall time (s)");
        wallY.setForceZeroInRange(true);
        effY.setLabel("efficiency (%)");
        effY.setAutoRanging(false);
        effY.setLowerBound(0);
        effY.setUpperBound(100);
        effY.setTickUnit(20);
        for (LineChart<Number, Number> c : List.of(wallChart, efficiencyChart)) {
            c.setAnimated(false);
            c.setCreateSymbols(true);
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        wallChart.setId("sweep-wall-chart");
        efficiencyChart.setId("sweep-efficiency-chart");
        wallChart.getData().add(measured);
        wallChart.getData().add(ideal);
        efficiencyChart.getData().add(efficiency);
        efficiencyChart.setLegendVisible(false);
        getChildren().addAll(wallChart, efficiencyChart);
    }

    /// Shows `sweep`'s points (so far): call again as points arrive.
    public void showFx(Sweep sweep) {
        SweepParam param = sweep.param();
        List<Sweep.Point> points = sweep.points();
        int min = points.stream().mapToInt(Sweep.Point::value).min().orElse(1);
        int max = points.stream().mapToInt(Sweep.Point::value).max().orElse(1);
        log = param.logScale() && min >= 1 && max >= 4L * min;
        String label = param.axisLabel() + (log ? ", log scale" : "");
        for (NumberAxis x : List.of(wallX, effX)) {
            x.setLabel(label);
            if (log) {
                double lo = Math.floor(log2(min));
                double hi = Math.max(lo + 1, Math.ceil(log2(max)));
                x.setAutoRanging(false);
                x.setLowerBound(lo);
                x.setUpperBound(hi);
                x.setTickUnit(hi - lo > 12 ? 2 : 1);
                x.setMinorTickCount(0);
                x.setTickLabelFormatter(POWERS_OF_TWO);
            } else {
                x.setAutoRanging(true);
                x.setForceZeroInRange(false);
                x.setTickLabelFormatter(null);
            }
        }
        measured.getData().clear();
        ideal.getData().clear();
        efficiency.getData().clear();
        double maxEfficiency = 100;
        for (Sweep.Point p : points) {
            double x = log ? log2(p.value()) : p.value();
            measured.getData().add(new XYChart.Data<>(x, p.result().wallNanos() / 1e9));
            if (p.idealNanos() >= 0) ideal.getData().add(new XYChart.Data<>(x, p.idealNanos() / 1e9));
            if (!Double.isNaN(p.efficiency())) {
                efficiency.getData().add(new XYChart.Data<>(x, p.efficiency() * 100));
                maxEfficiency = Math.max(maxEfficiency, p.efficiency() * 100);
            }
        }
        effY.setUpperBound(Math.ceil(maxEfficiency / 20) * 20);
        String model = sweep.base().model().title() + (sweep.base().gil() ? ", GIL on" : "");
        wallChart.setTitle(sweep.base().workload().title() + " · " + model + " · wall time against " + param.axisLabel()
                + sweep.fastest().map(p -> String.format(Locale.ROOT, " · fastest: %s = %d (%s)", param.id(), p.value(),
                Ticks.duration(p.result().wallNanos()))).orElse(""));
        efficiencyChart.setTitle("Efficiency: ideal time / wall time");
    }

    /// Whether the horizontal axes are on a log₂ scale (for tests).
    public boolean logScale() {
        return log;
    }

    /// The wall-time points drawn, as (x, seconds); x is log₂ of the value on a log scale.
    public List<XYChart.Data<Number, Number>> wallPoints() {
        return List.copyOf(measured.getData());
    }

    public List<XYChart.Data<Number, Number>> efficiencyPoints() {
        return List.copyOf(efficiency.getData());
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static final StringConverter<Number> POWERS_OF_TWO = new StringConverter<>() {
        @Override
        public String toString(Number exponent) {
            return Long.toString(Math.round(Math.pow(2, exponent.doubleValue())));
        }

        @Override
        public Number fromString(String text) {
            return log2(Double.parseDouble(text));
        }
    };
}
