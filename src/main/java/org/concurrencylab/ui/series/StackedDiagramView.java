package org.concurrencylab.ui.series;

import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.StackedLayout;
import org.concurrencylab.diagram.StackedPainter;
import org.concurrencylab.diagram.Ticks;
import org.concurrencylab.render.FxSurface;

import java.util.List;

/// Several runs' diagrams stacked on one shared time axis ([StackedLayout]), drawn on a canvas
/// as wide as the view and as tall as the panels need (put it in a scroll pane).
///
/// Drawing happens after a layout pass (a scene pulse listener), only when the panels, the
/// palette or the width changed.
///
/// Thread-safety: FX thread only.
public final class StackedDiagramView extends Region {
    public static final String STYLE_CLASS = "stacked-diagram";

    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    private final Runnable pulse = this::drawIfDirtyFx;
    private final Tooltip tip = new Tooltip();
    /// Compact panels: the seven runs of a comparison fit on one screen, a projector's too.
    private DiagramStyle style = DiagramStyle.screen(Palette.articleLight()).compacted();
    private List<StackedLayout.Panel> panels = List.of();
    private String title = "";
    private String caption = "";
    private StackedLayout.Stacked last;
    private double cachedWidth = -1;
    private double cachedHeight;
    private boolean dirty = true;
    private long redraws;

    public StackedDiagramView() {
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setMinHeight(120);
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) old.removePostLayoutPulseListener(pulse);
            if (scene != null) scene.addPostLayoutPulseListener(pulse);
        });
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            Segment s = last == null ? null : StackedLayout.segmentAt(last, e.getX(), e.getY());
            tip.setText(s == null ? null : describe(s));
        });
    }

    /// Shows `newPanels` under a header with `newTitle` and `newCaption`.
    public void showFx(List<StackedLayout.Panel> newPanels, String newTitle, String newCaption) {
        panels = List.copyOf(newPanels);
        title = newTitle;
        caption = newCaption;
        invalidate();
    }

    public void setPaletteFx(Palette palette) {
        style = style.withPalette(palette);
        invalidate();
    }

    /// The picture as last drawn (for tests), or null.
    public StackedLayout.Stacked lastLayout() {
        return last;
    }

    public long redrawCount() {
        return redraws;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (panels.isEmpty()) return 160;
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 1000;
        if (w != cachedWidth) {
            cachedWidth = w;
            cachedHeight = StackedLayout.fittingHeight(panels, title, caption, w, style, surface);
        }
        return cachedHeight;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != snapSizeX(getWidth())) dirty = true;
    }

    private void invalidate() {
        dirty = true;
        cachedWidth = -1;
        requestLayout(); // a layout pass follows, and the pulse listener draws after it
    }

    private void drawIfDirtyFx() {
        if (!dirty) return;
        double w = snapSizeX(getWidth());
        if (w < 1) return;
        dirty = false;
        redraws++;
        if (panels.isEmpty()) {
            last = null;
            canvas.setWidth(w);
            canvas.setHeight(Math.max(1, snapSizeY(getHeight())));
            DiagramPainter.paintMessage(surface, canvas.getWidth(), canvas.getHeight(),
                    "Press Compare to run this workload under every model.", style);
            return;
        }
        last = StackedLayout.layout(panels, title, caption, w, StackedLayout.sharedEnd(panels), style, surface);
        canvas.setWidth(w);
        canvas.setHeight(last.height());
        StackedPainter.paint(surface, last);
        if (Math.abs(last.height() - getHeight()) > 0.5) requestLayout();
    }

    private static String describe(Segment s) {
        String text = s.state().title() + " · " + Ticks.duration(s.duration()) + " from " + Ticks.duration(s.start());
        if (!s.label().isEmpty()) text += "\n" + s.label();
        if (s.failed()) text += "\nfailed: " + s.error();
        return text;
    }
}
