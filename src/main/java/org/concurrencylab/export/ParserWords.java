package org.concurrencylab.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The JSON parser's messages about a run file, in the words of a user: what the file holds
/// and what a run file may hold, without the parser's class and method names. A message not
/// known here is kept, with any class name shortened to its simple name.
///
/// Thread-safety: stateless.
final class ParserWords {
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((.{1,80}?)\\) out of range of (int|long)\\b.*");
    private static final Pattern TOO_LONG = Pattern.compile("(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern TOO_DEEP = Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern CLASS_NAME = Pattern.compile("`(?:[a-z_][\\w$]*\\.)+([\\w$]+)`");

    private ParserWords() {}

    /// `message`, one line from the parser, said plainly.
    static String plain(String message) {
        Matcher m = OUT_OF_RANGE.matcher(message);
        if (m.matches()) {
            long max = m.group(2).equals("int") ? Integer.MAX_VALUE : Long.MAX_VALUE;
            return String.format(Locale.ROOT, "%s is out of range (a whole number from %,d to %,d here)", m.group(1), -max - 1, max);
        }
        m = TOO_LONG.matcher(message);
        if (m.matches()) {
            String what = switch (m.group(1)) {
                case "String value" -> "a text of %,d characters";
                case "Number value" -> "a number of %,d digits";
                default -> "a field name of %,d characters";
            };
            return String.format(Locale.ROOT, what + ", longer than the %,d a run file may hold", Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)));
        }
        m = TOO_DEEP.matcher(message);
        if (m.matches()) {
            return String.format(Locale.ROOT, "values nested over %,d deep, where a run file nests a few", Long.parseLong(m.group(2)));
        }
        // `org.concurrencylab.core.trace.Segment` → Segment: the class names say nothing to a user
        return CLASS_NAME.matcher(message).replaceAll("$1");
    }
}
