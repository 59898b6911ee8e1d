package org.concurrencylab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/// The last lines a child process wrote to its standard error, kept to explain how it ended
/// ("Traceback … | ZeroDivisionError: division by zero"): each line on one line and abbreviated,
/// blank lines left out, only the newest few kept.
///
/// Thread-safety: thread-safe; one thread reads the stream ([#readAll]), any thread asks [#text].
public final class StderrTail {
    /// The longest line kept, in characters.
    public static final int MAX_CHARS = 120;

    private final int lines;
    private final int maxLineBytes;
    private final Deque<String> tail = new ArrayDeque<>();

    /// Keeps the last `lines` lines, reading lines of at most `maxLineBytes`.
    public StderrTail(int lines, int maxLineBytes) {
        if (lines < 1) throw new IllegalArgumentException("lines must be >= 1, was " + lines);
        this.lines = lines;
        this.maxLineBytes = maxLineBytes;
    }

    /// Reads `err` to its end (the process is gone), keeping its last lines; closes it.
    public void readAll(InputStream err) {
        try (err) {
            LineReader reader = new LineReader(err, maxLineBytes);
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) continue;
                synchronized (tail) {
                    if (tail.size() == lines) tail.removeFirst();
                    tail.addLast(oneLine(line));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /// The lines kept, oldest first, joined with " | "; empty if there were none.
    public String text() {
        synchronized (tail) {
            return String.join(" | ", tail);
        }
    }

    /// `text` on one line, stripped, control characters as `?`, at most [#MAX_CHARS] long.
    public static String oneLine(String text) {
        String oneLine = text.strip().replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS - 3) + "...";
    }
}
