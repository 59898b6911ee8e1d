package org.concurrencylab.racelab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/// What one thread runs: source lines, and the steps they are made of, in order. The thread
/// starts at instruction 0 and is done when it goes past the last one (a jump to `end` does
/// that too).
///
/// @param lines        the source, line by line; a line may have no step (`do {`, `}`)
/// @param instructions the steps, each naming its line
public record Program(List<Line> lines, List<Instruction> instructions) {
    public Program {
        lines = List.copyOf(lines);
        instructions = List.copyOf(instructions);
        if (instructions.isEmpty()) throw new IllegalArgumentException("a program needs at least one step");
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.line() >= lines.size()) {
                throw new IllegalArgumentException("step " + i + " names line " + instruction.line() + " of a program of "
                        + lines.size() + " lines");
            }
            for (Op.Target target : targets(instruction.op())) {
                if (target.index() > instructions.size()) {
                    throw new IllegalArgumentException("step " + i + " (" + instruction.text() + ") jumps to " + target.index()
                            + ", past the end of a program of " + instructions.size() + " steps");
                }
            }
        }
    }

    /// The number of steps: the pc of a thread that is done.
    public int size() {
        return instructions.size();
    }

    /// The registers the program uses, in the order they first appear.
    public List<String> registers() {
        Set<String> names = new LinkedHashSet<>();
        for (Instruction instruction : instructions) {
            switch (instruction.op()) {
                case Op.Load load -> names.add(load.register());
                case Op.Compute compute -> {
                    names.add(compute.register());
                    local(compute.left(), names);
                    local(compute.right(), names);
                }
                case Op.Store store -> local(store.value(), names);
                case Op.JumpIf jump -> {
                    local(jump.left(), names);
                    local(jump.right(), names);
                }
                case Op.Cas cas -> {
                    local(cas.expected(), names);
                    local(cas.update(), names);
                }
                case Op.Jump _, Op.Lock _, Op.Unlock _, Op.Await _ -> { }
            }
        }
        return List.copyOf(names);
    }

    /// The registers the program sets (by a load or a computation).
    public Set<String> registersSet() {
        Set<String> names = new LinkedHashSet<>();
        for (Instruction instruction : instructions) {
            switch (instruction.op()) {
                case Op.Load load -> names.add(load.register());
                case Op.Compute compute -> names.add(compute.register());
                default -> { }
            }
        }
        return names;
    }

    /// The program with only the toggled lines whose toggle is in `on`: the other toggled lines
    /// and their steps are left out, and jumps are renumbered (a jump to a step left out goes to
    /// the next step kept).
    public Program with(Set<String> on) {
        List<Line> keptLines = new ArrayList<>();
        int[] newLine = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            newLine[i] = keptLines.size();
            if (line.toggle() == null || on.contains(line.toggle())) keptLines.add(line);
            else newLine[i] = -1;
        }
        int[] newIndex = new int[instructions.size() + 1];
        int kept = 0;
        for (int i = 0; i < instructions.size(); i++) {
            newIndex[i] = kept;
            if (newLine[instructions.get(i).line()] >= 0) kept++;
        }
        newIndex[instructions.size()] = kept;
        List<Instruction> keptInstructions = new ArrayList<>();
        for (Instruction instruction : instructions) {
            int line = newLine[instruction.line()];
            if (line < 0) continue;
            keptInstructions.add(new Instruction(instruction.op().renumbered(index -> newIndex[index]), line,
                    instruction.jvm(), instruction.python()));
        }
        return new Program(keptLines, keptInstructions);
    }

    /// The toggles the program's lines name, in order.
    public Set<String> toggles() {
        Set<String> toggles = new LinkedHashSet<>();
        for (Line line : lines) if (line.toggle() != null) toggles.add(line.toggle());
        return toggles;
    }

    static List<Op.Target> targets(Op op) {
        return switch (op) {
            case Op.JumpIf jump -> List.of(jump.target());
            case Op.Jump jump -> List.of(jump.target());
            case Op.Cas cas when cas.retry() != null -> List.of(cas.retry());
            default -> List.of();
        };
    }

    private static void local(Operand operand, Set<String> names) {
        if (operand instanceof Operand.Local(String name)) names.add(Objects.requireNonNull(name));
    }
}
