package org.concurrencylab.render;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.StackedLayout;
import org.concurrencylab.diagram.StackedPainter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/// Pictures for files beyond the single diagram: stacked diagrams on one time axis, and any
/// JavaFX node (a chart) snapshotted headless. Start the toolkit first with
/// [PngRenderer#startHeadlessIfNeeded]; write the images with [PngRenderer#write].
///
/// Thread-safety: callable from any thread; the drawing happens on the FX thread.
public final class SnapshotRenderer {
    private SnapshotRenderer() {}

    /// Draws `panels` stacked on one time axis under a header, `width` logical pixels wide (the
    /// height fits the panels), at `pixelScale` device pixels per logical pixel.
    public static BufferedImage stacked(List<StackedLayout.Panel> panels, String title, String caption, int width,
                                        DiagramStyle style, double pixelScale) throws IOException {
        return onFx(() -> PngRenderer.toBufferedImage(stackedFx(panels, title, caption, width, style, pixelScale)));
    }

    /// The same picture as [#stacked] as a JavaFX image (for the clipboard); on the FX thread.
    public static WritableImage stackedFx(List<StackedLayout.Panel> panels, String title, String caption, int width,
                                          DiagramStyle style, double pixelScale) {
        Canvas probe = new Canvas(1, 1);
        FxSurface measure = new FxSurface(probe.getGraphicsContext2D());
        long end = StackedLayout.sharedEnd(panels);
        StackedLayout.Stacked stacked = StackedLayout.layout(panels, title, caption, width, end, style, measure);
        Canvas canvas = new Canvas(width, stacked.height());
        StackedPainter.paint(new FxSurface(canvas.getGraphicsContext2D()), stacked);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        return canvas.snapshot(params, null);
    }

    /// Snapshots the node `content` makes, on the FX thread, on a white ground (a file for a
    /// slide); a node with no scene gets one of its own first, so CSS and layout apply (a chart
    /// needs both).
    public static BufferedImage node(Supplier<? extends Node> content, double pixelScale) throws IOException {
        return onFx(() -> {
            Node node = content.get();
            if (node.getScene() == null && node instanceof Parent parent) {
                new Scene(parent);
                parent.applyCss();
                parent.layout();
            }
            return snapshot(node, pixelScale, Color.WHITE);
        });
    }

    private static BufferedImage snapshot(Node node, double pixelScale, Color ground) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(ground);
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        return PngRenderer.toBufferedImage(node.snapshot(params, null));
    }

    private static BufferedImage onFx(Callable<BufferedImage> work) throws IOException {
        return PngRenderer.onFx("draw the picture", work);
    }
}
