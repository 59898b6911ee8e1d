package org.concurrencylab.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.concurrencylab.ui.code.CodePane;
import org.concurrencylab.ui.common.Appearance;
import org.concurrencylab.ui.common.Forms;
import org.concurrencylab.ui.common.Lazy;
import org.concurrencylab.ui.diagram.DiagramBar;
import org.concurrencylab.ui.diagram.TimingDiagram;
import org.concurrencylab.ui.explain.ExplanationPane;
import org.concurrencylab.ui.history.HistoryPane;
import org.concurrencylab.ui.lessons.LessonsPane;
import org.concurrencylab.ui.run.RunForm;
import org.concurrencylab.ui.run.RunToolbar;
import org.concurrencylab.ui.run.StatusView;
import org.concurrencylab.ui.racelab.RaceLabPane;
import org.concurrencylab.ui.series.ComparePane;
import org.concurrencylab.ui.series.SweepPane;

import java.util.List;

/// The window's layout: the toolbar on top; the lab's form, the lessons and the history on the
/// left; the run's diagram, Compare, Sweep and the race lab in the middle over Explain and Code; the status
/// bar at the bottom. Presentation mode gives the middle the whole window, with large type.
/// It places what [LabShell] made; it holds no state of its own.
///
/// Thread-safety: FX thread only.
public final class MainWindow extends BorderPane {
    /// Where the divider between the middle and Explain/Code sits: for the run's diagram, and for
    /// Compare and Sweep, which need the height.
    private static final double DIAGRAM_SPLIT = 0.68;
    private static final double SERIES_SPLIT = 0.94;

    private final TabPane left;
    private final TabPane centerTabs = new TabPane();
    private final TabPane below;
    private final SplitPane center;
    private double dividerBefore = DIAGRAM_SPLIT;

    /// The panes of tabs not shown at first (`lessons`, `history`, `compare`, `sweep`, `raceLab`)
    /// are made when their tab is first selected.
    MainWindow(RunToolbar toolbar, RunForm form, Lazy<LessonsPane> lessons, Lazy<HistoryPane> history, TimingDiagram diagram,
               DiagramBar diagramBar, Lazy<ComparePane> compare, Lazy<SweepPane> sweep, Lazy<RaceLabPane> raceLab,
               ExplanationPane explanation, CodePane code, StatusView status, Appearance looks) {
        getStyleClass().add("lab-main");
        setTop(toolbar);

        left = new TabPane(Forms.tab("tab-lab", "Lab", form), Forms.deferredTab("tab-lessons", "Lessons", lessons),
                Forms.deferredTab("tab-history", "History", history));
        left.setId("left-tabs");
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setPrefWidth(340);
        left.setMinWidth(280);
        setLeft(left);

        BorderPane diagramPane = new BorderPane(diagram);
        diagramPane.setTop(diagramBar);
        diagramPane.setBottom(diagramBar.summaryStrip());
        diagramPane.getStyleClass().add("diagram-pane");

        below = new TabPane(Forms.tab("tab-explain", "Explain", explanation), Forms.deferredTab("tab-code", "Code", () -> code));
        below.setId("below-tabs");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centerTabs.getTabs().addAll(Forms.tab("tab-diagram", "Run", diagramPane), Forms.deferredTab("tab-compare", "Compare models", compare),
                Forms.deferredTab("tab-sweep", "Sweep", sweep), Forms.deferredTab("tab-race-lab", "Race lab", raceLab));
        centerTabs.setId("center-tabs");
        centerTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        center = new SplitPane(centerTabs, below);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(DIAGRAM_SPLIT);
        SplitPane.setResizableWithParent(below, false);
        // the divider goes where it is put: neither side's content holds it back
        below.setMinHeight(0);
        centerTabs.setMinHeight(0);
        // compare and sweep need the height: the panes below fold down while they are shown
        centerTabs.getSelectionModel().selectedIndexProperty().addListener((obs, a, index) -> placeDivider());
        // the race lab's number keys step its threads: it takes the focus when it is shown
        centerTabs.getSelectionModel().selectedItemProperty().addListener((obs, a, tab) -> {
            if (tab != null && tab.getId().equals("tab-race-lab")) Platform.runLater(() -> raceLab.get().focusFx());
        });
        setCenter(center);
        setBottom(status);

        looks.presentationProperty().addListener((obs, was, on) -> {
            setLeft(on ? null : left);
            // the middle takes the whole window; Explain and Code come back where they were
            if (on) {
                dividerBefore = center.getDividerPositions()[0];
                center.getItems().remove(centerTabs);
                setCenter(centerTabs);
            } else if (getCenter() == centerTabs) {
                setCenter(null);
                center.getItems().addFirst(centerTabs);
                center.setDividerPositions(dividerBefore);
                setCenter(center);
            }
            diagram.scaleProperty().set(on ? Appearance.PRESENTATION_SCALE : 1);
            if (on) getStyleClass().add("presentation");
            else getStyleClass().remove("presentation");
        });
    }

    private void placeDivider() {
        if (below.isVisible()) {
            center.setDividerPositions(centerTabs.getSelectionModel().getSelectedIndex() == 0 ? DIAGRAM_SPLIT : SERIES_SPLIT);
        }
    }

    /// Brings the run's diagram to the front.
    public void showDiagramTab() {
        centerTabs.getSelectionModel().select(0);
    }

    /// Brings Compare to the front.
    public void showCompareTab() {
        centerTabs.getSelectionModel().select(1);
    }

    /// Brings the race lab to the front.
    public void showRaceLabTab() {
        centerTabs.getSelectionModel().select(3);
    }

    /// Brings Explain to the front, under the diagram.
    public void showExplainTab() {
        below.getSelectionModel().select(0);
    }

    /// Selects every tab once and then the first of each pane again, so that each tab's content
    /// has joined the scene: the AOT cache's training does so to record their classes too.
    void openEveryTab() {
        for (TabPane pane : List.of(left, centerTabs, below)) {
            for (int i = pane.getTabs().size() - 1; i >= 0; i--) pane.getSelectionModel().select(i);
        }
    }

    Node leftTabs() {
        return left;
    }
}
