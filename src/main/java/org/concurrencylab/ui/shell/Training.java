package org.concurrencylab.ui.shell;

import javafx.application.Application;
import javafx.application.Platform;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/// The training of the lab's AOT cache (`core.jvm.LabCache`): what a first session does, so its
/// classes and method profiles are in the cache. The real window on JavaFX's headless platform
/// (no display needed, nothing on screen), and in it a run of each model a class sees first,
/// drawn live: the downloads on the event loop, on virtual threads (5,000 at 1,000 connections)
/// and on a pool of threads, and the sums of squares. Its history goes to a folder that is thrown
/// away. Nothing of it is timed.
///
/// Thread-safety: [#run] blocks its caller until the window has closed.
public final class Training {
    private static final long LIMIT_SECONDS = 150;

    private Training() {}

    private static List<RunSpec> runs() {
        RunSpec download = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.SYNC).withTasks(40);
        RunSpec many = RunSpec.manyDownloads(ModelKind.SYNC);
        return List.of(download,
                download.withModel(ModelKind.EVENTLOOP).withTasks(160),
                many.withModel(ModelKind.EVENTLOOP),
                many.withModel(ModelKind.VIRTUAL),
                download.withModel(ModelKind.THREADS).withWorkers(5).withTasks(160),
                RunSpec.defaults(WorkloadKind.CPU, ModelKind.SYNC).withTasks(6),
                RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS).withWorkers(2).withTasks(6));
    }

    /// Opens the window headless, runs [#runs()] one after the other in it, and closes it.
    public static void run() {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Thread.ofPlatform().daemon(true).name("training-limit").start(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1); // a training that hangs records nothing
        });
        App.onShown = shell -> {
            // the tabs nobody opened join the scene only when first opened: open each once
            shell.window().openEveryTab();
            next(shell, runs(), 0);
        };
        Application.launch(App.class);
    }

    private static void next(LabShell shell, List<RunSpec> runs, int at) {
        if (at == runs.size()) {
            Platform.exit();
            return;
        }
        CompletableFuture<RunResult> done = shell.run().runFx(runs.get(at));
        done.whenComplete((result, failure) -> Platform.runLater(() -> next(shell, runs, at + 1)));
    }
}
