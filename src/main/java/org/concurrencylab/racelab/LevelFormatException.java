package org.concurrencylab.racelab;

import java.io.IOException;

/// A level file, or the level index, that cannot be used: the message names the file and what
/// is wrong with it.
public final class LevelFormatException extends IOException {
    private final String file;

    public LevelFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /// The file at fault.
    public String file() {
        return file;
    }
}
