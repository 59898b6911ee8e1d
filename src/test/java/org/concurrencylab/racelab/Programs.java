package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Small machines written in a test: one step per line, `label: step` to label one.
final class Programs {
    private Programs() {}

    /// A program of `steps`, each its own source line.
    static Program program(String... steps) {
        Map<String, Integer> labels = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int colon = step.indexOf(':');
            if (colon > 0 && !step.startsWith("cas")) {
                labels.put(step.substring(0, colon).strip(), i);
                step = step.substring(colon + 1).strip();
            }
            texts.add(step);
        }
        labels.put(Assembly.END, steps.length);
        List<Line> lines = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        for (String text : texts) {
            instructions.add(new Instruction(Assembly.parse(text, labels), lines.size()));
            lines.add(new Line(text));
        }
        return new Program(lines, instructions);
    }

    /// A machine of threads "thread 1"… running `programs` over `counter` (starting at 0),
    /// under `rules`, whose goal is to finish.
    static Machine machine(Rules rules, Program... programs) {
        List<ThreadSpec> threads = new ArrayList<>();
        for (int i = 0; i < programs.length; i++) threads.add(new ThreadSpec("thread " + (i + 1), programs[i]));
        Map<String, Integer> shared = new LinkedHashMap<>();
        shared.put("counter", 0);
        return new Machine(rules, threads, shared, Map.of(), List.of(), new Goal("Finish.", List.of(new Condition.Finished())));
    }

    /// The three steps of `counter = counter + 1`.
    static final String[] INCREMENT = {"load r <- counter", "set r <- r + 1", "store counter <- r"};
}
