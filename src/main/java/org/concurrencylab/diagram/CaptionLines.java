package org.concurrencylab.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/// A caption broken into lines that fit the picture's width.
final class CaptionLines {
    private CaptionLines() {}

    /// `text` on as many lines as it needs for none to be wider than `maxWidth` at `size`: broken
    /// after a " · " or " — " between its parts (a part wider than a line, between its words), so
    /// a narrow window or a projector shows the whole outcome rather than cutting it off. A word
    /// wider than the line keeps a line of its own.
    static List<String> wrap(String text, double size, double maxWidth, DiagramLayout.TextMeasure measure) {
        if (text.isEmpty()) return List.of();
        if (measure.textWidth(text, size, false) <= maxWidth) return List.of(text);
        List<String> tokens = new ArrayList<>();
        for (String part : SEPARATOR_END.split(text)) {
            if (measure.textWidth(part.strip(), size, false) <= maxWidth) {
                tokens.add(part);
            } else {
                for (String word : WORD_END.split(part)) tokens.add(word);
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : tokens) {
            String candidate = lineText(line + token);
            if (!line.isEmpty() && measure.textWidth(candidate, size, false) > maxWidth) {
                lines.add(lineText(line.toString()));
                line.setLength(0);
            }
            line.append(token);
        }
        if (!line.isEmpty()) lines.add(lineText(line.toString()));
        return lines;
    }

    /// Splits after a caption's separators, keeping them at the end of each part.
    private static final Pattern SEPARATOR_END = Pattern.compile("(?<= · )|(?<= — )");
    private static final Pattern WORD_END = Pattern.compile("(?<= )");

    /// A line as drawn: without the separator a break leaves at its end.
    private static String lineText(String line) {
        String text = line.strip();
        return text.endsWith(" ·") ? text.substring(0, text.length() - 2) : text;
    }
}
