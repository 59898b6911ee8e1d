package org.concurrencylab.render;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.export.DiagramPicture;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.ImageOptions;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/// Renders a whole run's diagram to a PNG file with the window's painter, on a canvas snapshot.
/// Works with no display: [#startHeadlessIfNeeded] picks JavaFX's headless platform.
///
/// Thread-safety: [#render] may be called from any thread; the drawing happens on the FX thread.
public final class PngRenderer {
    private PngRenderer() {}

    /// Starts the JavaFX toolkit on its headless platform, unless it runs already (in the app).
    public static synchronized void startHeadlessIfNeeded() {
        quietClasspathWarning();
        if (System.getProperty("glass.platform") == null && !FxStarted.started) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
        if (FxStarted.started) return;
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            up.complete(null);
        }
        up.join();
        restoreFxLogging();
        FxStarted.started = true;
    }

    /// JavaFX warns at start-up when it is loaded from the class path rather than as modules; the
    /// lab is built and run that way on purpose (see docs/MEASUREMENTS.md), so for users the warning is noise.
    /// Silences the "javafx" logger until [#restoreFxLogging()] (called once the toolkit is up,
    /// so later warnings, e.g. about CSS, still show).
    public static void quietClasspathWarning() {
        FX_LOGGER.setLevel(Level.SEVERE);
    }

    public static void restoreFxLogging() {
        FX_LOGGER.setLevel(null);
    }

    /// Held strongly: a logger only referenced by the log manager may be collected, level and all.
    private static final Logger FX_LOGGER = Logger.getLogger("javafx");

    /// Draws `model` from `startNanos` to `endNanos` at `width` × `height` logical pixels and
    /// `pixelScale` device pixels per logical pixel, and returns the image.
    public static BufferedImage render(TraceModel model, long startNanos, long endNanos, DiagramStyle style,
                                       int width, int height, double pixelScale) throws IOException {
        return onFx("draw the diagram", () -> toBufferedImage(DiagramImage.draw(model, startNanos, endNanos, style,
                DiagramLayout.View.ALL, width, height, pixelScale)));
    }

    /// Draws a file's picture at its size and scale, laid out by the picture itself (as its SVG).
    public static BufferedImage render(DiagramPicture picture) throws IOException {
        ImageOptions.Size size = picture.size();
        if (!size.fitsPng()) {
            throw new IOException(String.format(Locale.ROOT,
                    "a PNG of %,d × %,d pixels is over the %,d million that can be drawn; lower the width, height or scale",
                    size.pixelWidth(), size.pixelHeight(), ImageOptions.MAX_PIXEL_COUNT / 1_000_000));
        }
        return onFx("draw the diagram", () -> toBufferedImage(DiagramImage.draw(size.width(), size.height(),
                size.scale(), picture::frame, picture.style())));
    }

    /// Work that measures text as the canvas does.
    @FunctionalInterface
    public interface CanvasTextWork<T> {
        T run(DiagramLayout.TextMeasure canvasText) throws IOException;
    }

    /// Runs `work` on the FX thread with the canvas's text measure, and returns its result: an
    /// SVG laid out with it has the geometry of the PNG of the same picture.
    public static <T> T withCanvasText(CanvasTextWork<T> work) throws IOException {
        return onFx("lay out the diagram", () -> work.run(new FxSurface(new Canvas(1, 1).getGraphicsContext2D())));
    }

    /// Runs `work` on the FX thread (at once if called on it) and waits up to 60 s for it; `what`
    /// names the work in the error ("draw the diagram").
    public static <T> T onFx(String what, Callable<T> work) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        };
        if (Platform.isFxApplicationThread()) run.run();
        else Platform.runLater(run);
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("took over 60 s to " + what, e);
        }
    }

    /// Writes `image` as PNG to `out`, atomically (a temporary file, then a rename).
    public static void write(BufferedImage image, Path out) throws IOException {
        Exports.writeAtomically(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) throw new IOException("no PNG writer available");
        });
    }

    /// Draws `picture` and writes it as PNG to `out`, atomically.
    public static void write(DiagramPicture picture, Path out) throws IOException {
        write(render(picture), out);
    }

    /// The snapshot as an AWT image, for ImageIO.
    public static BufferedImage toBufferedImage(WritableImage snap) {
        int w = (int) snap.getWidth();
        int h = (int) snap.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = snap.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static final class FxStarted {
        static volatile boolean started;
    }
}
