package org.concurrencylab.worker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/// A fake worker process for tests: it speaks the protocol just enough to start and take tasks,
/// answers every task at once with a made-up result, except that a task whose name contains
/// "junk" gets a line of junk instead of an answer (then the fake waits to be killed).
final class JunkWorkerMain {
    private JunkWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long origin = System.nanoTime();
        long pid = ProcessHandle.current().pid();
        out.println(Protocol.write(new Protocol.Ready(pid, System.nanoTime() - origin, 0)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (Protocol.readCommand(line)) {
                case Protocol.Ping ping -> out.println(Protocol.write(new Protocol.Pong(ping.id(), System.nanoTime() - origin)));
                case Protocol.Reset _ -> out.println(Protocol.write(new Protocol.Ready(pid, System.nanoTime() - origin, 0)));
                case Protocol.Run run when run.plan().name().contains("junk") -> out.println("Traceback (most recent call last): \u0000 not json");
                case Protocol.Run run -> out.println(Protocol.write(new Protocol.Outcome(run.plan().id(), true, "fake", null)));
                case Protocol.Count count -> out.println(Protocol.write(new Protocol.Counted(count.mode(), 0)));
                case Protocol.Exit _ -> System.exit(0);
            }
        }
    }
}
