package org.concurrencylab.python;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/// A Python interpreter the lab found and asked about itself ([PythonRuntime]).
///
/// @param executable     the interpreter to start (as found, e.g. a pyenv shim)
/// @param implementation `sys.implementation.name`: `cpython`, `pypy`…
/// @param version        `major.minor.micro`, e.g. `3.11.7`
/// @param freeThreaded   whether it is a free-threaded build (`Py_GIL_DISABLED`, 3.13t and later)
/// @param gilEnabled     whether the GIL is on: `sys._is_gil_enabled()` on 3.13+, else always
/// @param requests       whether `import requests` works
/// @param aiohttp        whether `import aiohttp` works
public record PythonInfo(Path executable, String implementation, String version, boolean freeThreaded,
                         boolean gilEnabled, boolean requests, boolean aiohttp) {
    /// The oldest Python the twin programs and the harness run on (`ast.unparse`, positional-only
    /// parameters, `str.removeprefix` are 3.8 and 3.9).
    public static final int MIN_MINOR = 9;

    public PythonInfo {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(version, "version");
        if (!version.matches("\\d+\\.\\d+(\\.\\d+)?.*")) throw new IllegalArgumentException("not a Python version: " + version);
    }

    public int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    public int minor() {
        return Integer.parseInt(version.split("\\.")[1].replaceAll("\\D.*", ""));
    }

    /// Whether the GIL is off, so that threads run Python code side by side.
    public boolean parallelThreads() {
        return !gilEnabled;
    }

    /// The implementation as its project writes it: `CPython`, `PyPy`.
    public String implementationName() {
        return switch (implementation.toLowerCase(Locale.ROOT)) {
            case "cpython" -> "CPython";
            case "pypy" -> "PyPy";
            case "graalpy" -> "GraalPy";
            default -> implementation;
        };
    }

    /// One line for a status bar: "CPython 3.11 · requests ✓ · aiohttp ✗", with "3.13t, GIL
    /// off" for a free-threaded build.
    public String summary() {
        String build = major() + "." + minor() + (freeThreaded ? "t" : "") + (freeThreaded || !gilEnabled
                ? (gilEnabled ? ", GIL on" : ", GIL off") : "");
        return implementationName() + " " + build + " · requests " + mark(requests) + " · aiohttp " + mark(aiohttp);
    }

    private static String mark(boolean available) {
        return available ? "✓" : "✗";
    }
}
