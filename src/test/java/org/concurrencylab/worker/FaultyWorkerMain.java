package org.concurrencylab.worker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/// A fake worker process for the fault suite: it speaks the protocol well enough to start and
/// run tasks (each answered at once with the result "fine"), and misbehaves as told.
///
/// Its first argument says how it starts: `ok`, `banner` (a line of text before "ready"),
/// `bad-pong` (answers the second ping with the wrong id), `stderr-flood` (writes 4 MiB on stderr
/// before "ready", then works). A task misbehaves by
/// the word in its name:
///
/// - `crash`: the process exits with code 3 at once (`Runtime.halt`, no shutdown hooks)
/// - `quit`: the process exits with code 0 without answering
/// - `long-line`: a line of 2 MiB, longer than the protocol allows
/// - `unknown-type`: valid JSON of a kind the protocol does not know
/// - `other-task`: the outcome of a task it was not given
/// - `half-line`: half a message, then the process exits
/// - `binary`: bytes that are not UTF-8 text, then a line break
/// - `close-output`: closes its stdout and hangs, alive but mute
/// - `freeze`: stops reading its commands and answers nothing more, its stdout open (as a stopped
///   or frozen process)
/// - `stall`: never answers the task, but goes on reading its commands and answering pings (as a
///   process whose task hangs)
final class FaultyWorkerMain {
    private FaultyWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String start = args.length > 0 ? args[0] : "ok";
        long origin = System.nanoTime();
        long pid = ProcessHandle.current().pid();
        switch (start) {
            case "banner" -> out.println("Picked up JAVA_TOOL_OPTIONS: -Xmx1g");
            case "stderr-flood" -> {
                char[] line = new char[1023];
                Arrays.fill(line, 'e');
                String text = new String(line);
                for (int i = 0; i < 4 * 1024; i++) System.err.println(text);
            }
            default -> { }
        }
        out.println(Protocol.write(new Protocol.Ready(pid, System.nanoTime() - origin, 0)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (Protocol.readCommand(line)) {
                case Protocol.Ping ping -> {
                    long id = start.equals("bad-pong") && ping.id() == 1 ? 7 : ping.id();
                    out.println(Protocol.write(new Protocol.Pong(id, System.nanoTime() - origin)));
                }
                case Protocol.Reset _ -> out.println(Protocol.write(new Protocol.Ready(pid, System.nanoTime() - origin, 0)));
                case Protocol.Run run -> misbehave(out, run, List.of(run.plan().name().split(" ")));
                case Protocol.Count count -> out.println(Protocol.write(new Protocol.Counted(count.mode(), 0)));
                case Protocol.Exit _ -> System.exit(0);
            }
        }
    }

    private static void misbehave(PrintStream out, Protocol.Run run, List<String> words) {
        int task = run.plan().id();
        if (words.contains("crash")) Runtime.getRuntime().halt(3);
        if (words.contains("quit")) System.exit(0);
        if (words.contains("stall")) return;
        if (words.contains("freeze") || words.contains("close-output")) {
            if (words.contains("close-output")) out.close();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (words.contains("long-line")) {
            out.println("x".repeat(2 * WorkerProcess.MAX_LINE_BYTES));
        } else if (words.contains("unknown-type")) {
            out.println("{\"type\":\"progress\",\"task\":" + task + ",\"percent\":50}");
        } else if (words.contains("other-task")) {
            out.println(Protocol.write(new Protocol.Outcome(task + 1_000, true, "fine", null)));
        } else if (words.contains("half-line")) {
            String message = Protocol.write(new Protocol.Outcome(task, true, "fine", null));
            out.print(message.substring(0, message.length() / 2));
            out.flush();
            Runtime.getRuntime().halt(0);
        } else if (words.contains("binary")) {
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0, 1, 2, '\n'}, 0, 8);
            out.flush();
        } else {
            out.println(Protocol.write(new Protocol.Outcome(task, true, "fine", null)));
        }
    }
}
