package org.concurrencylab.ui.diagram;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.TraceModel;
import org.concurrencylab.export.DiagramPicture;
import org.concurrencylab.export.DiagramSvg;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.export.ImageOptions.Aspect;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.export.SegmentCsv;
import org.concurrencylab.export.TraceEventJson;
import org.concurrencylab.render.FxSurface;
import org.concurrencylab.render.DiagramImage;
import org.concurrencylab.render.PngRenderer;
import org.concurrencylab.ui.common.Appearance;
import org.concurrencylab.ui.common.BackgroundTask;
import org.concurrencylab.ui.common.FileChoosers;
import org.concurrencylab.ui.common.TaskExecutor;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/// Getting a diagram out of the window: the clipboard, image and data files, and run files in.
/// Files are written and read on the background thread of the [TaskExecutor]; what needs the FX
/// thread (a snapshot, measuring text for an SVG) is done there first. Each outcome is told in a
/// sentence to `tell` (the status bar). File choosers open in the user's home the first time,
/// then where the last file went ([FileChoosers]).
///
/// Thread-safety: FX thread only.
public final class DiagramExports {
    private final TimingDiagram diagram;
    private final Appearance looks;
    private final TaskExecutor tasks;
    private final Consumer<String> tell;
    private final BiConsumer<RunResult, String> open;
    private final FileChoosers files = new FileChoosers();

    /// Exports of `diagram` in the colours of `looks`; `open` shows a run file read (with its name).
    public DiagramExports(TimingDiagram diagram, Appearance looks, TaskExecutor tasks, Consumer<String> tell,
                          BiConsumer<RunResult, String> open) {
        this.diagram = diagram;
        this.looks = looks;
        this.tasks = tasks;
        this.tell = tell;
        this.open = open;
    }

    public List<MenuItem> menuItems() {
        MenuItem png = new MenuItem("Image (PNG)…");
        png.setId("export-png");
        png.setOnAction(e -> exportPngFx());
        MenuItem svg = new MenuItem("Vector image (SVG)…");
        svg.setId("export-svg");
        svg.setOnAction(e -> exportSvgFx());
        MenuItem csv = new MenuItem("Segments table (CSV)…");
        csv.setId("export-csv");
        csv.setOnAction(e -> exportFileFx("Export the segments as CSV", "CSV table", "*.csv", ".csv", SegmentCsv::write));
        MenuItem trace = new MenuItem("Chrome trace, for Perfetto (JSON)…");
        trace.setId("export-trace");
        trace.setOnAction(e -> exportFileFx("Export a Chrome trace", "Trace Event JSON", "*.json", ".trace.json",
                TraceEventJson::write));
        MenuItem json = new MenuItem("Run file (JSON)…");
        json.setId("export-json");
        json.setOnAction(e -> exportFileFx("Save the run", "Run file", "*.json", ".json", RunJson::write));
        List<MenuItem> items = List.of(png, svg, csv, trace, json);
        for (MenuItem item : items) item.disableProperty().bind(diagram.finishedProperty().not());
        return items;
    }

    /// Writes a finished run to a file.
    @FunctionalInterface
    public interface RunWriter {
        void write(RunResult result, Path file) throws IOException;
    }

    /// The whole run in the window's colours, laid out with the canvas's fonts (on the FX
    /// thread) so the SVG is the picture a PNG of the same size would be; then written.
    private void exportSvgFx() {
        RunResult result = diagram.result();
        if (result == null) return;
        Path file = chooseFile("Export the diagram as SVG", "SVG image", "*.svg", suggestedName(".svg"));
        if (file == null) return;
        writeSvgFx(result, file);
    }

    /// Writes the SVG of `result` to `file`; the outcome is told.
    public void writeSvgFx(RunResult result, Path file) {
        ImageOptions options = ImageOptions.defaults().withColours(looks.darkProperty().get(), looks.colorBlindProperty().get());
        FxSurface measure = new FxSurface(new Canvas(1, 1).getGraphicsContext2D());
        String svg = DiagramSvg.toSvg(DiagramPicture.of(result, options), measure);
        writeFx(result, file, (r, f) -> Exports.writeAtomically(f, out -> out.write(svg.getBytes(StandardCharsets.UTF_8))));
    }

    private void exportFileFx(String title, String kind, String pattern, String extension, RunWriter writer) {
        RunResult result = diagram.result();
        if (result == null) return;
        Path file = chooseFile(title, kind, pattern, suggestedName(extension));
        if (file == null) return;
        writeFx(result, file, writer);
    }

    /// Writes `result` to `file` in the background and tells how it went.
    public void writeFx(RunResult result, Path file, RunWriter writer) {
        BackgroundTask.wrap(() -> writer.write(result, file))
                .onSuccess(done -> tell.accept("Wrote " + file + "."))
                .onFailure(why -> tell.accept("Could not write " + file + ": " + why))
                .executeWith(tasks);
    }

    /// Copies the diagram as shown (zoom, hidden states, replay cursor), with title, legend and
    /// caption, at twice the screen's resolution, ready to paste into a slide.
    public void copyFx() {
        WritableImage image = imageFx(Aspect.AUTO, 2, true);
        if (image == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
        tell.accept(String.format(Locale.ROOT, "Copied the diagram (%d × %d pixels).", (int) image.getWidth(), (int) image.getHeight()));
    }

    /// The diagram of the finished run in `aspect`, at `pixelScale`, with title and caption;
    /// `asShown` keeps the window's zoom, hidden states and replay cursor. Null before any run.
    ///
    /// [Aspect#AUTO] is the window's own shape and size; a slide's shape is as wide as a file
    /// exported with that aspect ([ImageOptions#DEFAULT_WIDTH]), so the window's 16:9 picture and
    /// `export --aspect 16:9` start from the same size.
    public WritableImage imageFx(Aspect aspect, double pixelScale, boolean asShown) {
        RunResult result = diagram.result();
        if (result == null) return null;
        TraceModel model = diagram.shownModel();
        DiagramStyle style = diagram.styleFx(true);
        ImageOptions slide = ImageOptions.defaults().withAspect(aspect);
        double width = aspect == Aspect.AUTO ? Math.max(400, diagram.getWidth()) : slide.width();
        double height = aspect == Aspect.AUTO ? Math.max(300, diagram.getHeight()) : slide.heightFor(0);
        long[] window = diagram.windowNanos();
        long start = asShown && window[1] > 0 ? window[0] : 0;
        long end = asShown && window[1] > 0 ? window[1] : Math.max(1, (long) (Math.max(result.wallNanos(), model.endNanos()) * 1.02));
        DiagramLayout.View view = asShown ? diagram.viewFx()
                : new DiagramLayout.View(0, TimingDiagram.MIN_ROW_PX, Set.of(), -1, -1)
                        .withMaxRow(DiagramLayout.View.FILLING_ROW);
        return DiagramImage.draw(model, start, end, style, view, width, height, pixelScale);
    }

    private void exportPngFx() {
        Optional<ImageChoice> choice = askImageOptions();
        if (choice.isEmpty()) return;
        Path file = chooseFile("Export the diagram as PNG", "PNG image", "*.png", suggestedName(".png"));
        if (file == null) return;
        WritableImage image = imageFx(choice.get().aspect(), choice.get().scale(), choice.get().asShown());
        if (image == null) return;
        BufferedImage pixels = PngRenderer.toBufferedImage(image);
        String size = String.format(Locale.ROOT, " (%d × %d pixels).", (int) image.getWidth(), (int) image.getHeight());
        BackgroundTask.wrap(() -> PngRenderer.write(pixels, file))
                .onSuccess(done -> tell.accept("Wrote " + file + size))
                .onFailure(why -> tell.accept("Could not write " + file + ": " + why))
                .executeWith(tasks);
    }

    /// Opens a saved run file to explore, replay and export it again.
    public void openFx() {
        Path file = files.open(window(), "Open a run file", "Run file", "*.json");
        if (file != null) openFx(file);
    }

    /// Reads the run file `file` in the background, then shows it.
    public void openFx(Path file) {
        BackgroundTask.wrap(() -> RunJson.read(file))
                .onSuccess(result -> open.accept(result, file.getFileName().toString()))
                .onFailure(tell)
                .executeWith(tasks);
    }

    record ImageChoice(Aspect aspect, double scale, boolean asShown) {}

    private Optional<ImageChoice> askImageOptions() {
        Dialog<ImageChoice> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Export PNG");
        dialog.setHeaderText("The diagram with its title, legend and caption");
        ChoiceBox<Aspect> aspect = new ChoiceBox<>();
        aspect.getItems().setAll(Aspect.values());
        aspect.setValue(Aspect.WIDE);
        aspect.setConverter(new StringConverter<>() {
            @Override public String toString(Aspect a) { return a == null ? "" : shapeTitle(a); }
            @Override public Aspect fromString(String s) { return null; }
        });
        ChoiceBox<Double> scale = new ChoiceBox<>();
        scale.getItems().setAll(1.0, 2.0, 4.0);
        scale.setValue(2.0);
        scale.setConverter(new StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : String.format(Locale.ROOT, "%.0f×", v); }
            @Override public Double fromString(String s) { return null; }
        });
        ChoiceBox<String> what = new ChoiceBox<>();
        what.getItems().setAll("the whole run", "what the window shows");
        what.setValue("the whole run");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Shape"), aspect);
        grid.addRow(1, new Label("Resolution"), scale);
        grid.addRow(2, new Label("Showing"), what);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new ImageChoice(aspect.getValue(), scale.getValue(), what.getValue().startsWith("what")) : null);
        return dialog.showAndWait();
    }

    /// A shape as the export dialog offers it.
    static String shapeTitle(Aspect aspect) {
        return switch (aspect) {
            case AUTO -> "the window's shape";
            case WIDE -> "16:9 slide";
            case STANDARD -> "4:3 slide";
        };
    }

    private Path chooseFile(String title, String kind, String pattern, String name) {
        return files.save(window(), title, kind, pattern, name);
    }

    private String suggestedName(String extension) {
        RunResult r = diagram.result();
        if (r == null) return "run" + extension;
        return r.spec().workload().id() + "-" + r.spec().model().id() + (r.spec().gil() ? "-gil" : "") + extension;
    }

    private Window window() {
        return diagram.getScene() == null ? null : diagram.getScene().getWindow();
    }
}
