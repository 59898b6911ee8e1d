package org.concurrencylab.ui.diagram;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.ui.common.Appearance;
import org.concurrencylab.ui.common.Forms;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// The bar above the diagram: view by worker or by task, zoom, replay, the share of time per
/// state, appearance (theme, colour-blind palette, presentation mode) and export.
///
/// Thread-safety: FX thread only.
public final class DiagramBar extends ToolBar {
    static final List<Double> SPEEDS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0);

    private final TimingDiagram diagram;
    private final HBox summary = new HBox(10);
    private final Map<State, Label> summaryLabels = new EnumMap<>(State.class);
    private final Label idle = new Label("", new Rectangle(10, 10));

    /// The bar over `diagram`; Replay waits while `running`.
    public DiagramBar(TimingDiagram diagram, ObservableBooleanValue running, Appearance looks, DiagramExports exports) {
        this.diagram = diagram;
        getStyleClass().add("diagram-bar");

        ToggleButton byWorker = new ToggleButton("By worker");
        byWorker.setId("view-workers");
        byWorker.setUserData(TimingDiagram.ViewMode.WORKERS);
        byWorker.setTooltip(new Tooltip("One lane per worker: what each thread, loop or process did (T)"));
        ToggleButton byTask = new ToggleButton("By task");
        byTask.setId("view-tasks");
        byTask.setUserData(TimingDiagram.ViewMode.TASKS);
        byTask.setTooltip(new Tooltip("One lane per task: when it waited in the queue, ran and waited (T)"));
        SegmentedButton views = new SegmentedButton(byWorker, byTask);
        byWorker.setSelected(true);
        views.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true);
            else diagram.viewModeProperty().set((TimingDiagram.ViewMode) now.getUserData());
        });
        diagram.viewModeProperty().addListener((obs, a, mode) -> (mode == TimingDiagram.ViewMode.WORKERS ? byWorker : byTask).setSelected(true));

        Button zoomOut = Forms.iconButton("zoom-out", "mdi2m-magnify-minus-outline", "Zoom out (−, wheel)", () -> diagram.zoomFx(1 / 1.5));
        Button zoomIn = Forms.iconButton("zoom-in", "mdi2m-magnify-plus-outline", "Zoom in (+, wheel; Shift+drag zooms to a range)", () -> diagram.zoomFx(1.5));
        Button fit = Forms.iconButton("fit", "mdi2f-fit-to-screen-outline", "Show the whole run (0)", diagram::fitFx);
        fit.disableProperty().bind(diagram.zoomedProperty().not());

        ToggleButton replay = new ToggleButton("Replay");
        replay.setId("replay");
        replay.setGraphic(new FontIcon("mdi2r-replay"));
        replay.setTooltip(new Tooltip("Replay the run slowly: the diagram shows only what had happened by the cursor "
                + "(Space plays and pauses, arrows step, +/− change the speed, Esc ends)"));
        replay.disableProperty().bind(diagram.finishedProperty().not().or(running));
        replay.selectedProperty().addListener((obs, was, is) -> {
            if (is && !diagram.replayingProperty().get()) diagram.startReplayFx();
            if (!is && diagram.replayingProperty().get()) diagram.stopReplayFx();
        });
        diagram.replayingProperty().addListener((obs, was, is) -> replay.setSelected(is));

        Button back = Forms.iconButton("replay-back", "mdi2s-skip-previous", "Previous change (←)", () -> diagram.stepFx(false));
        Button play = Forms.iconButton("replay-play", "mdi2p-play", "Play or pause (Space)", diagram::togglePlayFx);
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(diagram.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play"), diagram.playingProperty()));
        Button next = Forms.iconButton("replay-next", "mdi2s-skip-next", "Next change (→)", () -> diagram.stepFx(true));
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("replay-speed");
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : speedText(v); }
            @Override public Double fromString(String text) { return null; }
        });
        speed.setValue(diagram.speedProperty().get());
        speed.valueProperty().addListener((obs, a, v) -> {
            if (v != null) diagram.speedProperty().set(v);
        });
        diagram.speedProperty().addListener((obs, a, v) -> speed.setValue(v.doubleValue()));
        speed.setTooltip(new Tooltip("Replay speed: run time per real second (+/−)"));
        Label cursor = new Label();
        cursor.setId("replay-cursor");
        cursor.setMinWidth(64);
        cursor.textProperty().bind(Bindings.createStringBinding(() -> diagram.replayCursorProperty().get() < 0 ? ""
                : Ticks.duration(diagram.replayCursorProperty().get()), diagram.replayCursorProperty()));
        HBox replayControls = new HBox(4, back, play, next, speed, cursor);
        replayControls.setAlignment(Pos.CENTER_LEFT);
        replayControls.visibleProperty().bind(diagram.replayingProperty());
        replayControls.managedProperty().bind(diagram.replayingProperty());

        summary.setId("summary");
        summary.setAlignment(Pos.CENTER_LEFT);
        diagram.totalsProperty().addListener((obs, a, totals) -> updateSummary(totals));
        idle.getStyleClass().addAll("summary-item", "summary-idle");
        idle.setMinWidth(Region.USE_PREF_SIZE);
        idle.setTooltip(new Tooltip("Idle: time a lane was in no state (nothing to do, or between tasks)"));
        diagram.paletteProperty().addListener((obs, a, p) -> updateSummary(diagram.totalsProperty().get()));

        MenuButton appearance = new MenuButton(null, new FontIcon("mdi2t-theme-light-dark"));
        appearance.setId("appearance");
        appearance.setTooltip(new Tooltip("Theme, colours and presentation mode"));
        appearance.getItems().addAll(
                check("appearance-dark", "Dark theme", looks.darkProperty()),
                check("appearance-colorblind", "Colour-blind-safe colours (blue and orange, waits hatched)", looks.colorBlindProperty()),
                check("appearance-present", "Presentation mode (F11)", looks.presentationProperty()));

        Button copy = Forms.iconButton("copy", "mdi2c-content-copy", "Copy the diagram as an image, for slides (Ctrl+C)", exports::copyFx);
        copy.disableProperty().bind(diagram.finishedProperty().not());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.setGraphic(new FontIcon("mdi2e-export-variant"));
        export.getItems().addAll(exports.menuItems());
        export.getItems().add(new SeparatorMenuItem());
        MenuItem open = new MenuItem("Open a run file…");
        open.setOnAction(e -> exports.openFx());
        export.getItems().add(open);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(views, Forms.gap(8), zoomOut, zoomIn, fit, Forms.gap(8), replay, replayControls, spacer,
                appearance, copy, export);
        // the bar's words never shrink into ellipses; the spacer gives way instead
        for (Labeled l : List.of(byWorker, byTask, replay, export, cursor)) l.setMinWidth(Region.USE_PREF_SIZE);
        speed.setMinWidth(Region.USE_PREF_SIZE);
    }

    /// "0.4%" under ten, "37%" above: a small share still reads as more than nothing.
    public static String percent(double share) {
        double p = 100 * share;
        if (p > 0 && p < 0.1) return "<0.1%";
        return p > 0 && p < 10 ? String.format(Locale.ROOT, "%.1f%%", p) : String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String speedText(double v) {
        return (v < 1 ? String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "") : String.format(Locale.ROOT, "%.0f", v)) + "×";
    }

    /// One label per state, its share of the whole lane time, then the idle share: a lane that
    /// did nothing for most of the run reads as mostly idle, not as mostly busy.
    private void updateSummary(Map<State, Long> totals) {
        long busy = totals.values().stream().mapToLong(Long::longValue).sum();
        long all = Math.max(busy, diagram.laneNanosProperty().get());
        Palette palette = diagram.paletteProperty().get();
        // one label per state, made once and updated in place: this runs with every live frame
        for (State state : State.values()) {
            Label label = summaryLabels.computeIfAbsent(state, s -> {
                Label l = new Label("", new Rectangle(10, 10));
                l.getStyleClass().add("summary-item");
                l.setMinWidth(Region.USE_PREF_SIZE);
                l.setTooltip(new Tooltip());
                l.managedProperty().bind(l.visibleProperty());
                summary.getChildren().add(l);
                return l;
            });
            Long nanos = totals.get(state);
            boolean shown = all > 0 && nanos != null && nanos > 0;
            label.setVisible(shown);
            if (!shown) continue;
            Rgb c = palette.fill(state);
            ((Rectangle) label.getGraphic()).setFill(Color.rgb(c.r(), c.g(), c.b(), c.alpha()));
            label.setText(state.shortTitle() + " " + percent((double) nanos / all));
            label.getTooltip().setText(state.title() + ": " + Ticks.duration(nanos) + " summed over all lanes");
        }
        if (!summary.getChildren().contains(idle)) summary.getChildren().add(idle);
        boolean idleShown = all > 0 && all - busy > 0;
        idle.setVisible(idleShown);
        idle.setManaged(idleShown);
        if (idleShown) {
            Rgb bg = palette.background();
            ((Rectangle) idle.getGraphic()).setFill(Color.rgb(bg.r(), bg.g(), bg.b()));
            ((Rectangle) idle.getGraphic()).setStroke(Color.GRAY);
            idle.setText("idle " + percent((double) (all - busy) / all));
        }
    }

    /// The share of time per state, as a strip under the diagram.
    public Node summaryStrip() {
        Label title = new Label("Time per state, all lanes:");
        title.getStyleClass().add("summary-title");
        HBox strip = new HBox(10, title, summary);
        strip.getStyleClass().add("summary-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        return strip;
    }

    /// The summary strip's text, for tests.
    public String summaryText() {
        return summary.getChildren().stream().filter(Node::isVisible).map(n -> ((Label) n).getText())
                .reduce((a, b) -> a + " · " + b).orElse("");
    }


    private static CheckMenuItem check(String id, String text, BooleanProperty property) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.selectedProperty().bindBidirectional(property);
        return item;
    }

}
