package org.concurrencylab.ui.racelab;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.racelab.Event;
import org.concurrencylab.racelab.GoalStatus;
import org.concurrencylab.racelab.Level;
import org.concurrencylab.racelab.LockState;
import org.concurrencylab.racelab.RaceState;
import org.concurrencylab.racelab.RandomSchedules;
import org.concurrencylab.racelab.Session;
import org.concurrencylab.racelab.SharedVariable;
import org.concurrencylab.racelab.Toggle;
import org.concurrencylab.ui.common.Forms;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/// The race lab's tab: the level (its story, its goal, its switches), one card per thread with
/// its program line by line and the step it takes next, the shared variables and locks, what the
/// last step did, and the steps so far. Keys: 1–4 step that thread, Ctrl+Z undoes, Ctrl+Y redoes,
/// Ctrl+R restarts, Ctrl+Enter lets the scheduler decide. A thread's colour is the diagram's: pale
/// blue while it could run, blue for the one that just ran, amber while it waits for a lock.
///
/// Thread-safety: FX thread only.
public final class RaceLabPane extends ScrollPane {
    private final RaceLabViewModel vm;
    private final ObservableValue<Palette> palette;
    private final ComboBox<Level> levels = new ComboBox<>();
    private final Label title = Forms.header("");
    private final Label intro = Forms.paragraph("");
    private final Label goal = Forms.paragraph("");
    private final FlowPane toggles = new FlowPane(12, 6);
    private final HBox threads = new HBox(12);
    private final VBox shared = new VBox(4);
    private final Label said = Forms.paragraph("");
    private final Label status = Forms.paragraph("");
    private final Label scheduler = Forms.paragraph("");
    private final BarChart<String, Number> lostChart = lostChart();
    private final VBox log = new VBox(2);
    private final HBox legend = new HBox(14);
    private final CheckBox bytecode = new CheckBox("Show the bytecode of each step (JVM, CPython)");
    private final Button undo = button("race-undo", "Undo", "Back one step (Ctrl+Z)");
    private final Button redo = button("race-redo", "Redo", "The step undone last, or the next step of a schedule opened (Ctrl+Y)");
    private final Button restart = button("race-restart", "Restart", "Back to the start (Ctrl+R)");
    private final Button decide = button("race-decide", "Let the scheduler decide",
            "Play " + RaceLabViewModel.RANDOM_RUNS + " random schedules (seeded, repeatable) and count what they lose (Ctrl+Enter)");
    private final Button openLosing = button("race-open-losing", "Open the first losing schedule",
            "Step through the first random schedule that lost an update");
    private final Button real = button("race-real", "Replay a real lost update",
            "Run 2 real threads × " + RaceLabViewModel.REAL_INCREMENTS + " unsafe increments, find a lost update in what "
                    + "they read and wrote, and open it step by step");
    private final Button next = button("race-next", "Next level", "The next level");

    public RaceLabPane(RaceLabViewModel vm, ObservableValue<Palette> palette) {
        this.vm = vm;
        this.palette = palette;
        getStyleClass().add("race-lab");
        setId("race-lab");
        levels.setId("race-levels");
        levels.getItems().setAll(vm.levels());
        levels.setCellFactory(list -> new LevelCell());
        levels.setButtonCell(new LevelCell());
        levels.setOnAction(e -> {
            Level chosen = levels.getValue();
            if (chosen != null && chosen != vm.level()) vm.select(chosen);
        });
        undo.setOnAction(e -> vm.undo());
        redo.setOnAction(e -> vm.redo());
        restart.setOnAction(e -> vm.restart());
        decide.setOnAction(e -> vm.letTheSchedulerDecide());
        openLosing.setOnAction(e -> vm.openFirstLosing());
        real.setOnAction(e -> vm.replayRealRun());
        real.disableProperty().bind(vm.busyProperty());
        next.setOnAction(e -> vm.next());
        bytecode.setId("race-bytecode");
        bytecode.setOnAction(e -> redraw());
        said.setId("race-said");
        said.getStyleClass().add("race-said");
        status.setId("race-goal-status");
        scheduler.setId("race-scheduler");
        scheduler.textProperty().bind(vm.schedulerProperty());
        said.textProperty().bind(vm.saidProperty());

        HBox top = new HBox(10, Forms.toolbarLabel("Level"), levels, next);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, undo, redo, restart, Forms.gap(12), decide, openLosing, real);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label steps = Forms.header("Steps so far");
        VBox box = new VBox(10, top, title, intro, goal, toggles, legend, threads, shared, said, status, actions,
                scheduler, lostChart, bytecode, steps, log);
        box.setPadding(new Insets(12));
        setContent(box);
        setFitToWidth(true);

        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.revisionProperty().addListener((obs, a, b) -> redraw());
        palette.addListener((obs, a, b) -> redraw());
        redraw();
    }

    private void key(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c.isDigitKey() && !e.isShortcutDown()) {
            int n = c.getChar().charAt(0) - '1';
            if (c.getCode() >= KeyCode.NUMPAD0.getCode() && c.getCode() <= KeyCode.NUMPAD9.getCode()) {
                n = c.getCode() - KeyCode.NUMPAD1.getCode();
            }
            if (n >= 0 && n < vm.session().state().threads().size()) {
                vm.step(n);
                e.consume();
            }
        } else if (e.isShortcutDown() && c == KeyCode.Z && !e.isShiftDown()) {
            vm.undo();
            e.consume();
        } else if (e.isShortcutDown() && (c == KeyCode.Y || (c == KeyCode.Z && e.isShiftDown()))) {
            vm.redo();
            e.consume();
        } else if (e.isShortcutDown() && c == KeyCode.R) {
            vm.restart();
            e.consume();
        } else if (e.isShortcutDown() && c == KeyCode.ENTER) {
            vm.letTheSchedulerDecide();
            e.consume();
        }
    }

    private void redraw() {
        Level level = vm.level();
        Session session = vm.session();
        RaceState state = session.state();
        Palette p = palette.getValue();
        if (levels.getValue() != level) levels.setValue(level);
        title.setText(vm.reenactment().isPresent() ? "What the CPU really did" : level.title());
        intro.setText(vm.reenactment().isPresent()
                ? "Two real threads, recorded: each load reads the value the thread really read. "
                  + String.join("; ", vm.reenactment().get().timeline()) + "."
                : level.intro());
        goal.setText("Goal: " + session.machine().goal().text());
        toggles.getChildren().clear();
        if (vm.reenactment().isEmpty()) {
            for (Toggle t : level.toggles()) {
                CheckBox box = new CheckBox(t.label());
                box.setId("race-toggle-" + t.id());
                box.setSelected(vm.toggled(t.id()));
                box.setOnAction(e -> vm.toggle(t.id(), box.isSelected()));
                toggles.getChildren().add(box);
            }
        }
        legend.getChildren().setAll(swatch(p, State.READY, "can take the next step"), swatch(p, State.WORK, "took the last step"),
                swatch(p, State.LOCK_WAIT, "waits for a lock"));
        Integer last = session.lastEvent().map(Event::thread).orElse(null);
        threads.getChildren().clear();
        for (int i = 0; i < state.threads().size(); i++) {
            int thread = i;
            threads.getChildren().add(ThreadCard.of(session, thread, last != null && last == thread, p, bytecode.isSelected(),
                    level.language(), () -> vm.step(thread)));
        }
        shared.getChildren().clear();
        for (SharedVariable v : state.shared()) {
            Integer expected = session.machine().expected().get(v.name());
            Label l = new Label(v.name() + " = " + v.value() + (expected == null ? "" : "   (with no update lost: " + expected + ")"));
            l.getStyleClass().add("race-shared");
            l.setId("race-shared-" + v.name());
            shared.getChildren().add(l);
        }
        for (LockState lock : state.locks()) {
            String holder = lock.free() ? "free" : "held by " + session.machine().name(lock.owner());
            String queue = lock.waiters().isEmpty() ? "" : "; waiting: "
                    + lock.waiters().stream().map(session.machine()::name).collect(Collectors.joining(", "));
            Label l = new Label("lock " + lock.name() + ": " + holder + queue);
            l.getStyleClass().add("race-lock");
            shared.getChildren().add(l);
        }
        said.getStyleClass().remove("danger");
        if (vm.saidLostProperty().get()) said.getStyleClass().add("danger");
        GoalStatus g = session.goal();
        status.setText(switch (g.progress()) {
            case PLAYING -> "";
            case REACHED -> "✓ " + g.text();
            case MISSED -> "✗ " + g.text();
        });
        status.getStyleClass().removeAll("success", "warning");
        if (g.progress() == GoalStatus.Progress.REACHED) status.getStyleClass().add("success");
        if (g.progress() == GoalStatus.Progress.MISSED) status.getStyleClass().add("warning");
        undo.setDisable(!session.canUndo());
        redo.setDisable(!session.canRedo());
        restart.setDisable(!session.canUndo() && !session.canRedo());
        openLosing.setDisable(!vm.hasLosingSchedule());
        next.setDisable(vm.levels().indexOf(level) == vm.levels().size() - 1);
        drawReport(vm.report().orElse(null));
        List<Event> events = session.events();
        log.getChildren().clear();
        for (Event e : events) {
            Label l = new Label(e.step() + ". " + e.text());
            l.setWrapText(true);
            if (e.lostUpdate()) l.getStyleClass().add("danger");
            log.getChildren().add(l);
        }
        if (events.isEmpty()) log.getChildren().add(new Label("No step yet."));
    }

    private static Node swatch(Palette p, State state, String text) {
        Region box = new Region();
        box.setMinSize(14, 14);
        box.setPrefSize(14, 14);
        box.setStyle(fill(p, state));
        Label l = new Label(text + " (" + p.colourName(state) + ")");
        HBox h = new HBox(5, box, l);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /// How many of the random schedules lost 0, 1, 2… updates, as bars in the diagram's blue.
    private static BarChart<String, Number> lostChart() {
        CategoryAxis lost = new CategoryAxis();
        lost.setLabel("updates lost");
        NumberAxis runs = new NumberAxis();
        runs.setLabel("schedules");
        BarChart<String, Number> chart = new BarChart<>(lost, runs);
        chart.setId("race-lost-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Random schedules");
        chart.setPrefHeight(220);
        chart.setMaxWidth(520);
        chart.setVisible(false);
        chart.setManaged(false);
        return chart;
    }

    private void drawReport(RandomSchedules.Report report) {
        lostChart.setVisible(report != null);
        lostChart.setManaged(report != null);
        if (report == null) return;
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        report.lostUpdates().forEach((lost, runs) -> series.getData().add(new XYChart.Data<>(String.valueOf(lost), runs)));
        lostChart.setTitle(String.format(Locale.ROOT, "%,d random schedules: how many updates each lost", report.runs()));
        lostChart.getData().setAll(List.of(series));
        for (XYChart.Data<String, Number> d : series.getData()) {
            if (d.getNode() != null) d.getNode().setStyle(fill(palette.getValue(), State.WORK));
        }
    }

    /// The CSS that fills a swatch as the diagram fills `state`: hatched where the diagram hatches.
    static String fill(Palette p, State state) {
        String hex = p.fill(state).toHex();
        if (!p.isHatched(state)) return "-fx-background-color: " + hex + ";";
        String light = p.fill(state).mix(p.background(), 0.55).toHex();
        return "-fx-background-color: linear-gradient(from 0px 0px to 5px 5px, repeat, " + hex + " 0%, " + hex + " 50%, "
                + light + " 50%, " + light + " 100%);";
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(b, Priority.NEVER);
        return b;
    }

    /// Focuses the pane, so the number keys step the threads.
    public void focusFx() {
        requestFocus();
    }

    private final class LevelCell extends ListCell<Level> {
        @Override
        protected void updateItem(Level item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.number(item) + ". " + item.title());
        }
    }
}
