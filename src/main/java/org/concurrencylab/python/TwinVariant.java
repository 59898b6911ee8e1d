package org.concurrencylab.python;

import java.util.Locale;

/// Which of a program's two versions runs.
public enum TwinVariant {
    /// The program the Code tab shows if the library it needs (`requests`, `aiohttp`) imports,
    /// else its standard-library variant.
    AUTO,
    /// The program the Code tab shows, whatever it imports.
    LIBRARY,
    /// The standard-library variant beside it (`urllib.request`, asyncio's streams); for the
    /// workloads that need no library, the program itself.
    STDLIB;

    /// The name the harness takes.
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
