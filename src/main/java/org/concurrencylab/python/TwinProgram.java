package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.teach.CodeLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/// One of the Python programs a run can have as its twin: `<model>_<workload>.py` under
/// [CodeLibrary#PYTHON_ROOT], the very file the Code tab shows, and for the workloads that
/// download, its standard-library variant `<model>_<workload>_stdlib.py` beside it.
///
/// The synchronous loop, the thread pool, the event loop and the process pool have twins.
/// Virtual threads have none: Python has no virtual threads, and `virtual_*.py` (one OS thread
/// per task) is shown for comparison only, never run.
///
/// @param model    how the program runs its tasks; not [ModelKind#VIRTUAL]
/// @param workload what its tasks do
public record TwinProgram(ModelKind model, TwinWorkload workload) {
    public TwinProgram {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(workload, "workload");
        if (!hasTwin(model)) {
            throw new IllegalArgumentException("virtual threads have no Python twin: Python has no virtual threads, "
                    + "and the thread-per-task program is shown, not run");
        }
    }

    /// Whether runs of `model` can have a Python twin.
    public static boolean hasTwin(ModelKind model) {
        return model.traits().pythonTwin();
    }

    /// The twin of a Java run of `workload` under `model`; empty for virtual threads.
    public static Optional<TwinProgram> of(ModelKind model, WorkloadKind workload) {
        return hasTwin(model) ? Optional.of(new TwinProgram(model, TwinWorkload.of(workload))) : Optional.empty();
    }

    /// `threads_download.py`.
    public String fileName() {
        return model.id() + "_" + workload.id() + ".py";
    }

    /// The library the program imports for HTTP, or empty if it needs none.
    public Optional<String> library() {
        if (!workload.downloads()) return Optional.empty();
        return Optional.of(model == ModelKind.EVENTLOOP ? "aiohttp" : "requests");
    }

    /// `threads_download_stdlib.py`, for the programs that need a library; else empty.
    public Optional<String> stdlibFileName() {
        return library().map(l -> model.id() + "_" + workload.id() + "_stdlib.py");
    }

    /// Whether `python` can run the program as the Code tab shows it.
    public boolean runsAsShownOn(PythonInfo python) {
        return library().map(l -> l.equals("requests") ? python.requests() : python.aiohttp()).orElse(true);
    }

    /// The program's text: what the Code tab shows ([CodeLibrary#python] for the workload's Java
    /// twin), read from the same resource.
    public String code() {
        return workload.kind().map(kind -> CodeLibrary.python(model, kind, false).code())
                .orElseGet(() -> read(fileName()));
    }

    /// The standard-library variant's text, or empty.
    public Optional<String> stdlibCode() {
        return stdlibFileName().map(TwinProgram::read);
    }

    static String read(String fileName) {
        String resource = CodeLibrary.PYTHON_ROOT + fileName;
        try (InputStream in = TwinProgram.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the Python program " + resource + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource + ": " + e.getMessage(), e);
        }
    }
}
