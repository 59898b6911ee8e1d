package org.concurrencylab.ui.shell;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/// Keeps the window's frames on time while a run loads both cores: on Linux, every thread of the
/// lab but the window's own (the JavaFX application thread, its renderer, its dispatcher, GTK's
/// loop and bus, Mesa's rasterizers) runs at a lower priority: [#NICE] steps nicer than the lab
/// was started with (never a higher priority than a thread has). The run's threads, the demo sites, the
/// compilers and the collector then yield a core to the drawing the moment it needs one, and take
/// it back when a frame is done: the window's threads use the same CPU time as before, so the runs
/// take the same time. Measured with `bench --live-pulses` (docs/MEASUREMENTS.md).
///
/// Threads are found in `/proc/self/task` within 200 ms of a thread's start (and every five
/// seconds), by the names the JVM gives them; a thread once lowered stays so (raising it again
/// needs a privilege), and the threads and processes it starts inherit its priority. A run's
/// first thread may run at the window's priority for up to 200 ms, and what it starts meanwhile
/// (a worker process) keeps that. Elsewhere than on Linux, or where the C library cannot be
/// called, this does nothing.
///
/// Thread-safety: [#start] once, from any thread; the rest runs on its own daemon thread.
final class WindowFirst {
    /// How much lower than the window the other threads run (a weight about a third of the window's).
    static final int NICE = 5;
    private static final long EVERY_MILLIS = 200;
    /// How long after the window opens the threads start to be lowered.
    private static final long START_AFTER_MILLIS = 3_000;
    /// The window's threads, as `/proc` names them (the JVM's thread names, cut to 15 characters).
    private static final List<String> WINDOW = List.of("JavaFX Applicat", "QuantumRenderer", "InvokeLaterDisp", "gmain",
            "gdbus", "llvmpipe", "Prism Font Disp", "JavaFX-Launcher");
    private static final Path TASKS = Path.of("/proc/self/task");
    /// `int setpriority(int which, id_t who, int prio)`, which 0: one thread (Linux: a task).
    private static final int PRIO_PROCESS = 0;

    private final MethodHandle setPriority;
    private final MethodHandle getPriority;
    /// The threads lowered already: each is lowered once.
    private final Set<Integer> lowered = new HashSet<>();
    /// The window's threads, by their names: looked at again every tenth look, as a thread has the
    /// name of the thread that made it for a moment before the JVM names it.
    private final Set<Integer> window = new HashSet<>();
    private int scans;
    private int target;

    private WindowFirst(MethodHandle setPriority, MethodHandle getPriority) {
        this.setPriority = setPriority;
        this.getPriority = getPriority;
    }

    /// Starts lowering the lab's other threads, if this system allows it, once the window has
    /// started: while it starts, the compilers working at full priority make its first frame
    /// come sooner (measured: 1.8–1.9 s instead of 2.6–2.7 s with them lowered from the start).
    static void start() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isDirectory(TASKS)) return;
        Thread.ofPlatform().daemon(true).name("window-first").start(() -> {
            try {
                Thread.sleep(START_AFTER_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Optional<MethodHandle> set = function("setpriority", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
            Optional<MethodHandle> get = function("getpriority", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
            if (set.isPresent() && get.isPresent()) new WindowFirst(set.get(), get.get()).watch();
        });
    }

    /// The C library's `int name(int…)`, if it can be called.
    private static Optional<MethodHandle> function(String name, ValueLayout... arguments) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address ->
                    linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT, arguments)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no native access: the threads keep their priority
        }
    }

    private void watch() {
        try {
            // this thread has the priority the lab was started with (0, or what `nice` gave it)
            target = Math.min(19, (int) getPriority.invokeExact(PRIO_PROCESS, 0) + NICE);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = -1;
            for (long tick = 0; ; tick++) {
                // /proc is read when a thread started (the JVM counts them for nothing), and every
                // five seconds for the JVM's own threads, which it does not count: an idle window
                // costs next to nothing
                long now = threads.getTotalStartedThreadCount();
                if (now != started || tick % 25 == 0) {
                    started = now;
                    lowerOthers();
                }
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable stopped) {
            // the C call failed: the threads keep the priority they have
        }
    }

    private void lowerOthers() throws Throwable {
        Set<Integer> alive = new HashSet<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                int tid;
                try {
                    tid = Integer.parseInt(task.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                alive.add(tid);
                if (lowered.contains(tid) || window.contains(tid) && scans % 10 != 0) continue;
                if (isWindows(task)) {
                    window.add(tid);
                    continue;
                }
                window.remove(tid);
                lowered.add(tid); // tried once: a thread that ended meanwhile is forgotten below
                // never a higher priority than it has (a lab started as root could give one)
                if ((int) getPriority.invokeExact(PRIO_PROCESS, tid) >= target) continue;
                int ignored = (int) setPriority.invokeExact(PRIO_PROCESS, tid, target);
            }
        } catch (IOException e) {
            return;
        }
        lowered.retainAll(alive);
        window.retainAll(alive);
        scans++;
    }

    private static boolean isWindows(Path task) {
        String name;
        try {
            name = Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return true; // gone, or not ours to tell
        }
        return WINDOW.stream().anyMatch(name::startsWith);
    }
}
