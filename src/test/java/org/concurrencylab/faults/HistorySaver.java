package org.concurrencylab.faults;

import org.concurrencylab.history.RunHistory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/// A second process for the fault suite: saves runs into a history folder at the same time as
/// the test's own process. Arguments: the folder and how many runs. It says "ready" when it is
/// warm, saves once it reads "go", and says "saved N" at the end.
final class HistorySaver {
    private HistorySaver() {}

    public static void main(String[] args) throws Exception {
        RunHistory history = new RunHistory(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) System.exit(3);
        for (int i = 0; i < count; i++) history.save(RunJsonSample.tiny());
        System.out.println("saved " + count);
    }
}
