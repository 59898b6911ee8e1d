package org.concurrencylab.racelab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Reads the one-line form of an [Op], the way level files write steps: the inverse of
/// [Op#text]. Names are letters, digits and `_`, starting with a letter or `_`; numbers are
/// whole, possibly negative. Jumps name labels of the program; `end` is the label past the last
/// instruction.
///
/// Thread-safety: stateless.
final class Assembly {
    /// The label every program has: past its last instruction.
    static final String END = "end";

    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final String OPERAND = "(-?[0-9]+|[A-Za-z_][A-Za-z0-9_]*)";
    private static final String ARROW = "\\s*<-\\s*";

    /// Each operation: its pattern, and how it is written, for the error message.
    private record Form(Pattern pattern, String example) {
        Form(String regex, String example) {
            this(Pattern.compile(regex), example);
        }
    }

    private static final Map<String, Form> FORMS = forms();

    private Assembly() {}

    private static Map<String, Form> forms() {
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("load", new Form("load\\s+" + NAME + ARROW + NAME, "load r <- counter"));
        forms.put("store", new Form("store\\s+" + NAME + ARROW + OPERAND, "store counter <- r"));
        forms.put("set", new Form("set\\s+" + NAME + ARROW + OPERAND + "\\s*([+-])\\s*" + OPERAND, "set r <- r + 1"));
        forms.put("if", new Form("if\\s+" + OPERAND + "\\s*(<=|>=|==|!=|<|>)\\s*" + OPERAND + "\\s+goto\\s+" + NAME,
                "if b < 80 goto end"));
        forms.put("goto", new Form("goto\\s+" + NAME, "goto top"));
        forms.put("cas", new Form("cas\\s+" + NAME + "\\s*,\\s*expected\\s+" + OPERAND + "\\s*,\\s*new\\s+" + OPERAND
                + "(?:\\s*,\\s*else\\s+goto\\s+" + NAME + ")?", "cas counter, expected v, new n, else goto top"));
        forms.put("lock", new Form("lock\\s+" + NAME, "lock A"));
        forms.put("unlock", new Form("unlock\\s+" + NAME, "unlock A"));
        forms.put("await", new Form("await", "await"));
        return Map.copyOf(forms);
    }

    /// Reads `text`; `labels` maps every label of the program (including [#END]) to the index of
    /// the instruction it names.
    ///
    /// @throws IllegalArgumentException naming what is wrong, with an example of the right form
    static Op parse(String text, Map<String, Integer> labels) {
        String line = text.strip();
        String keyword = line.split("\\s", 2)[0];
        Form form = FORMS.get(keyword);
        if (form == null) {
            throw new IllegalArgumentException("\"" + line + "\": unknown operation \"" + keyword
                    + "\"; the operations are load, store, set, if, goto, cas, lock, unlock and await");
        }
        Matcher m = form.pattern().matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + line + "\" is not a " + keyword + ": write it like " + form.example());
        }
        return switch (keyword) {
            case "load" -> new Op.Load(m.group(1), m.group(2));
            case "store" -> new Op.Store(m.group(1), operand(m.group(2)));
            case "set" -> new Op.Compute(m.group(1), operand(m.group(2)),
                    m.group(3).equals("+") ? Op.Arithmetic.ADD : Op.Arithmetic.SUBTRACT, operand(m.group(4)));
            case "if" -> new Op.JumpIf(operand(m.group(1)), Comparison.bySymbol(m.group(2)).orElseThrow(),
                    operand(m.group(3)), target(m.group(4), labels, line));
            case "goto" -> new Op.Jump(target(m.group(1), labels, line));
            case "cas" -> new Op.Cas(m.group(1), operand(m.group(2)), operand(m.group(3)),
                    m.group(4) == null ? null : target(m.group(4), labels, line));
            case "lock" -> new Op.Lock(m.group(1));
            case "unlock" -> new Op.Unlock(m.group(1));
            default -> new Op.Await();
        };
    }

    /// Reads a condition's measure and comparison: `lostUpdates >= 1`, `balance < 0`.
    static Optional<Condition.Measure> measure(String text) {
        Matcher m = Pattern.compile(NAME + "\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9]+)").matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new Condition.Measure(m.group(1), Comparison.bySymbol(m.group(2)).orElseThrow(),
                    Integer.parseInt(m.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static Operand operand(String text) {
        if (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_') return new Operand.Local(text);
        try {
            return new Operand.Literal(Integer.parseInt(text));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException(text + " is too large: numbers are ints, from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
    }

    private static Op.Target target(String label, Map<String, Integer> labels, String line) {
        Integer index = labels.get(label);
        if (index == null) {
            throw new IllegalArgumentException("\"" + line + "\" jumps to " + label + ", which is no label of the program (its labels: "
                    + String.join(", ", labels.keySet().stream().sorted().toList()) + ")");
        }
        return new Op.Target(label, index);
    }
}
