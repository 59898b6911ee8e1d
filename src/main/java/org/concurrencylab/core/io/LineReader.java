package org.concurrencylab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// Splits a child process's output into UTF-8 lines. A line longer than the limit comes back cut
/// short at one byte more than the limit (so the caller sees it is too long), its rest skipped:
/// a child that writes garbage cannot make the lab buffer it all.
///
/// Thread-safety: not thread-safe; one reader thread per stream.
public final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    /// Lines of `in`, each at most `maxLineBytes` long.
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be >= 1, was " + maxLineBytes);
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /// The next line without its terminator, or null at the end of the stream.
    public String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? decode(length) : null;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') return decode(length);
            if (length <= maxLineBytes) {
                if (length == line.length) line = Arrays.copyOf(line, Math.min(line.length * 2, maxLineBytes + 1));
                line[length++] = b;
            }
        }
    }

    /// Whether bytes read from the stream wait here, so that [#next] may not have to wait for more.
    public boolean buffered() {
        return position < limit;
    }

    private String decode(int length) {
        if (length > 0 && line[length - 1] == '\r') length--;
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
