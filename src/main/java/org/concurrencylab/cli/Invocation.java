package org.concurrencylab.cli;

/// Whether the lab was started with a command (`run …`, `--help`) or to open the window. A class
/// of its own, without picocli: the launcher asks it before it starts the lab's JVM, and loading
/// [Cli] would load picocli's jar first (about 25 ms of every start).
///
/// Thread-safety: stateless.
public final class Invocation {
    private Invocation() {}

    /// Whether `args` name a command (or ask for help or the version) rather than open the window.
    public static boolean isCommand(String[] args) {
        if (args.length == 0) return false;
        String first = args[0];
        return !first.startsWith("-") || first.equals("--help") || first.equals("-h")
                || first.equals("--version") || first.equals("-V");
    }
}
