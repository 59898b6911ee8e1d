package org.concurrencylab.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/// How a worker process is started: the java of this app, its class path, the JVM options the
/// pool's children run with, and the main class.
///
/// The options, measured on the 2-core machine of BUILD.md: the serial collector (G1's helper
/// threads fight over the cores: two children summing squares took 2.3–2.8 s instead of
/// 1.1–1.2 s, and a child starts 35 ms later with G1); both JIT tiers (C1 alone,
/// `-XX:TieredStopAtLevel=1`, makes a child ready about 40 ms sooner but runs the sums almost
/// twice as slow: 2.2 s instead of 1.2 s on two processes); no perf-data file; and the JVM's own
/// log messages on stderr: by default they go to stdout, where a line like
/// `[0.005s][error][aot] Unable to map shared spaces` would garble the protocol. The pool adds
/// the AOT cache ([AotCache]) when there is one.
///
/// @param java       the java executable
/// @param classPath  the class path, as `java.class.path`
/// @param options    JVM options
/// @param mainClass  the child's main class
/// @param args       the child's arguments
public record ChildJvm(String java, String classPath, List<String> options, String mainClass, List<String> args) {
    /// The options every worker process gets.
    public static final List<String> OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr",
            "-Djava.awt.headless=true");

    public ChildJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(mainClass, "mainClass");
        options = List.copyOf(options);
        args = List.copyOf(args);
    }

    /// A [WorkerMain] on this JVM's own java and class path.
    public static ChildJvm ofThisApp() {
        return forMainClass(WorkerMain.class.getName());
    }

    /// Another main class on this JVM's java and class path (tests start fake workers this way).
    static ChildJvm forMainClass(String mainClass) {
        return new ChildJvm(javaOfThisProcess(), System.getProperty("java.class.path", ""), OPTIONS, mainClass, List.of());
    }

    /// The same process with `more` options (an AOT cache) after this one's.
    ChildJvm withOptions(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new ChildJvm(java, classPath, all, mainClass, args);
    }

    ChildJvm withArgs(List<String> newArgs) {
        return new ChildJvm(java, classPath, options, mainClass, newArgs);
    }

    /// The command line that starts the process.
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /// The java that runs this process; else (a packaged app runs from its own launcher) the one
    /// in `java.home`.
    static String javaOfThisProcess() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path home = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        Optional<Path> command = ProcessHandle.current().info().command().map(Path::of);
        if (command.isPresent() && isJava(command.get()) && Files.isExecutable(command.get())) return command.get().toString();
        if (Files.isExecutable(home) || command.isEmpty()) return home.toString();
        return command.get().toString();
    }

    private static boolean isJava(Path command) {
        String name = command.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("java") || name.equals("java.exe");
    }
}
