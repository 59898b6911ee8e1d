package org.concurrencylab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/// A process's whole command line, for tests that find the lab's processes by it. The JDK's
/// `ProcessHandle.Info.commandLine()` stops at 4,096 characters on Linux, and a class path of
/// the lab's jars is longer: the main class at its end would be cut off. On Linux this reads
/// `/proc/PID/cmdline` in full; elsewhere it is the JDK's.
public final class CommandLines {
    private CommandLines() {}

    public static String of(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ').strip();
            } catch (IOException e) {
                return ""; // gone meanwhile
            }
        }
        return process.info().commandLine().orElse("");
    }
}
