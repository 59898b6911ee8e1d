package org.concurrencylab.cli;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.export.DiagramPicture;
import org.concurrencylab.export.DiagramSvg;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.ImageOptions;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.export.SegmentCsv;
import org.concurrencylab.export.TraceEventJson;
import org.concurrencylab.render.PngRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// The files `run` and `export` write, and how the pictures look: shared options, checked
/// together before any work starts (so a long run is never wasted on a file it cannot write).
final class OutputOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--json", paramLabel = "FILE",
            description = "write the run (spec, lanes, segments, stats) as JSON")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "write the timing diagram as a PNG image")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", description = "write the timing diagram as an SVG (vector) image")
    Path svg;

    @Option(names = "--csv", paramLabel = "FILE", description = "write every segment as a row of a CSV table")
    Path csv;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "write a Chrome Trace Event file (opens in Perfetto or chrome://tracing)")
    Path trace;

    @Option(names = "--width", paramLabel = "PX",
            description = "picture width, " + ImageOptions.MIN_WIDTH + "–" + ImageOptions.MAX_WIDTH + " (default: " + ImageOptions.DEFAULT_WIDTH + ")")
    Integer width;

    @Option(names = "--height", paramLabel = "PX",
            description = "picture height, " + ImageOptions.MIN_HEIGHT + "–" + ImageOptions.MAX_HEIGHT + " (default: from --aspect)")
    Integer height;

    @Option(names = "--aspect", paramLabel = "A", converter = AspectConverter.class,
            description = "16:9 | 4:3 | auto (fits the lanes): the shape when --height is not given (default: auto)")
    ImageOptions.Aspect aspect;

    @Option(names = "--scale", paramLabel = "S", converter = ScaleConverter.class,
            description = "1 | 2 | 4: pixels per picture pixel, for sharp slides; an SVG is shown this much larger (default: 1)")
    Integer scale;

    @CommandLine.Mixin
    LookOptions look;

    /// The files asked for, by option, in the order they are written.
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        if (json != null) files.put("--json", json);
        if (csv != null) files.put("--csv", csv);
        if (trace != null) files.put("--trace", trace);
        if (svg != null) files.put("--svg", svg);
        if (png != null) files.put("--png", png);
        return files;
    }

    boolean drawsPictures() {
        return png != null || svg != null;
    }

    /// Checks every option and output file; throws a [CommandLine.ParameterException] naming the
    /// first problem. Returns the picture options.
    ImageOptions check() {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files().entrySet()) {
            try {
                Exports.checkWritable(file.getValue());
            } catch (IOException e) {
                throw bad(file.getKey() + ": " + e.getMessage());
            }
            Path key = file.getValue().toAbsolutePath().normalize();
            for (Map.Entry<String, Path> earlier : seen.entrySet()) {
                if (earlier.getValue().equals(key)) {
                    throw bad(earlier.getKey() + " and " + file.getKey() + " name the same file, " + file.getValue());
                }
            }
            seen.put(file.getKey(), key);
        }
        if (!drawsPictures()) {
            String picture = width != null ? "--width" : height != null ? "--height" : aspect != null ? "--aspect"
                    : scale != null ? "--scale" : look.given();
            if (picture != null) throw bad(picture + " applies to pictures: add --png FILE or --svg FILE");
        }
        int w = width == null ? ImageOptions.DEFAULT_WIDTH : width;
        if (w < ImageOptions.MIN_WIDTH || w > ImageOptions.MAX_WIDTH) {
            throw bad("--width must be " + ImageOptions.MIN_WIDTH + "–" + ImageOptions.MAX_WIDTH + " pixels, was " + w);
        }
        if (height != null && (height < ImageOptions.MIN_HEIGHT || height > ImageOptions.MAX_HEIGHT)) {
            throw bad("--height must be " + ImageOptions.MIN_HEIGHT + "–" + ImageOptions.MAX_HEIGHT + " pixels, was " + height);
        }
        if (height != null && aspect != null && aspect != ImageOptions.Aspect.AUTO) {
            throw bad("--height and --aspect " + aspect.id() + " both set the height; give one of them");
        }
        int s = scale == null ? 1 : scale;
        // a height that fits the lanes is at most 4,000 pixels, within bounds at every scale
        if (w * s > ImageOptions.MAX_PIXELS || height != null && height * s > ImageOptions.MAX_PIXELS) {
            throw bad("--scale " + s + " makes the picture over " + ImageOptions.MAX_PIXELS
                    + " pixels on a side; lower --width, --height or --scale");
        }
        ImageOptions options = new ImageOptions(w, height == null ? 0 : height, aspect == null ? ImageOptions.Aspect.AUTO : aspect, s,
                look.dark(), look.colorBlind());
        int fixedHeight = options.heightFor(0);
        ImageOptions.Size size = new ImageOptions.Size(w, fixedHeight, s);
        if (png != null && fixedHeight > 0 && !size.fitsPng()) {
            throw bad(String.format(Locale.ROOT, "--png: %,d × %,d pixels is over the %,d million a PNG can have; lower --width, --height or --scale",
                    size.pixelWidth(), size.pixelHeight(), ImageOptions.MAX_PIXEL_COUNT / 1_000_000));
        }
        return options;
    }

    /// Writes every file asked for, the pictures drawn with `options`; the picture is laid out
    /// before any file is written, so a run that cannot be drawn leaves no file behind.
    void write(RunResult result, ImageOptions options) throws IOException {
        DiagramPicture picture = drawsPictures() ? DiagramPicture.of(result, options) : null;
        if (json != null) RunJson.write(result, json);
        if (csv != null) SegmentCsv.write(result, csv);
        if (trace != null) TraceEventJson.write(result, trace);
        if (picture != null) {
            if (svg != null) PngRenderer.withCanvasText(text -> {
                DiagramSvg.write(picture, text, svg);
                return null;
            });
            if (png != null) PngRenderer.write(picture, png);
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return Cli.bad(command, message);
    }

    static final class AspectConverter implements CommandLine.ITypeConverter<ImageOptions.Aspect> {
        @Override
        public ImageOptions.Aspect convert(String value) {
            return ImageOptions.Aspect.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown aspect '" + value + "' (choose " + ImageOptions.Aspect.ids() + ")"));
        }
    }

    static final class ScaleConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String digits = value.strip().toLowerCase(Locale.ROOT);
            if (digits.endsWith("x") || digits.endsWith("×")) digits = digits.substring(0, digits.length() - 1);
            return switch (digits) {
                case "1" -> 1;
                case "2" -> 2;
                case "4" -> 4;
                default -> throw new CommandLine.TypeConversionException("the scale must be 1, 2 or 4, was '" + value + "'");
            };
        }
    }
}
