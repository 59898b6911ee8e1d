package org.concurrencylab.ui.series;

import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.concurrencylab.compare.ComparePanels;
import org.concurrencylab.compare.Comparison;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.render.PngRenderer;
import org.concurrencylab.render.SnapshotRenderer;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.FileChoosers;
import org.concurrencylab.ui.common.TaskExecutor;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/// A comparison as a slide: every run's diagram on one time axis, full size (lane names, each
/// run's outcome), under the work's title with the verdict as caption; copied to the clipboard
/// or saved as a PNG, at twice a slide's width in pixels. The PNG is written on the background
/// thread; the outcome is told to `tell`.
///
/// Thread-safety: FX thread only.
public final class CompareExports {
    /// The slide's width in logical pixels (the width `export` gives a diagram).
    static final int SLIDE_WIDTH = ImageOptions.DEFAULT_WIDTH;
    static final double PIXEL_SCALE = 2;

    private final TaskExecutor tasks;
    private final Consumer<String> tell;
    private final FileChoosers files = new FileChoosers();
    private Palette palette = Palette.articleLight();

    public CompareExports(TaskExecutor tasks, Consumer<String> tell) {
        this.tasks = tasks;
        this.tell = tell;
    }

    public void setPaletteFx(Palette palette) {
        this.palette = palette;
    }

    /// The slide of `comparison`, drawn on the FX thread.
    public WritableImage slideFx(Comparison comparison) {
        return SnapshotRenderer.stackedFx(ComparePanels.of(comparison), ComparePanels.title(comparison),
                comparison.verdict(), SLIDE_WIDTH, DiagramStyle.screen(palette), PIXEL_SCALE);
    }

    public void copyFx(Comparison comparison) {
        if (comparison == null || comparison.rows().isEmpty()) return;
        WritableImage image = slideFx(comparison);
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
        tell.accept("Copied the comparison" + size(image) + ".");
    }

    public void saveFx(Comparison comparison, Node owner) {
        if (comparison == null || comparison.rows().isEmpty()) return;
        Path file = files.save(owner.getScene() == null ? null : owner.getScene().getWindow(),
                "Save the comparison as a slide", "PNG image", "*.png", suggestedName(comparison));
        if (file != null) saveFx(comparison, file);
    }

    /// Writes the slide of `comparison` to `file` in the background and tells how it went.
    public void saveFx(Comparison comparison, Path file) {
        WritableImage image = slideFx(comparison);
        BufferedImage pixels = PngRenderer.toBufferedImage(image);
        BackgroundTask.wrap(() -> PngRenderer.write(pixels, file))
                .onSuccess(done -> tell.accept("Wrote " + file + size(image) + "."))
                .onFailure(why -> tell.accept("Could not write " + file + ": " + why))
                .executeWith(tasks);
    }

    static String suggestedName(Comparison comparison) {
        String workload = comparison.rows().getFirst().result().spec().workload().id();
        return "compare-" + workload + ".png";
    }

    private static String size(WritableImage image) {
        return String.format(Locale.ROOT, " (%d × %d pixels)", (int) image.getWidth(), (int) image.getHeight());
    }
}
