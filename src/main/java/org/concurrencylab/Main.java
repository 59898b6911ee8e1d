package org.concurrencylab;

import org.concurrencylab.cli.Cli;
import org.concurrencylab.ui.shell.App;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// The entry point: with a command (`run …`) the lab works headless; with none it opens the window.
/// A plain class, not an `Application`, so a classpath launch finds JavaFX on the class path.
///
/// The lab measures CPU-bound work, so it runs on the JVM settings that measure it fairly
/// ([#JVM_OPTIONS]). `mvn javafx:run`, the tests and the app image pass them; a plain
/// `java -jar` cannot, so then the launcher starts one child JVM with them and passes on its
/// exit code. Why: on a small machine G1 grows the young generation to gigabytes under the
/// sum-of-squares workload's allocation rate, so the first run of a JVM spends seconds in page
/// faults (measured: 4.4 s instead of 1.9 s for 20 numbers) and the numbers stop comparing.
/// The serial collector keeps the heap small and in cache; a fixed 384 MB young generation
/// lets 5,000 requests in flight come and go without a collection in the middle of the run
/// (measured: 1.4 s instead of 1.9 s for the event loop). Set `CONCURRENCY_LAB_NO_RELAUNCH`
/// to run in the JVM as started.
public final class Main {
    /// The JVM options the lab is measured with.
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmn384m", "--enable-native-access=ALL-UNNAMED");

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (shouldRelaunch()) {
            Optional<Integer> code = relaunch(args);
            if (code.isPresent()) System.exit(code.get());
        }
        if (Cli.isCommand(args)) {
            Cli.main(args);
        } else {
            App.main(args);
        }
    }

    private static boolean shouldRelaunch() {
        if (System.getenv("CONCURRENCY_LAB_NO_RELAUNCH") != null || Boolean.getBoolean("concurrencylab.relaunched")) {
            return false;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().equals("Copy")) return false; // the serial collector's young generation
        }
        return true;
    }

    /// Runs the same main class in a child JVM with [#JVM_OPTIONS]; empty if that is not possible
    /// (then the lab runs here, as started).
    private static Optional<Integer> relaunch(String[] args) {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(JVM_OPTIONS);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-XX:+Use") || !arg.endsWith("GC")) command.add(arg);
        }
        command.add("-Dconcurrencylab.relaunched=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stopChild = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            return Optional.of(code);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
