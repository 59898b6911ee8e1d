package org.concurrencylab.core.model;

/// Whole numbers with their thousands grouped by commas, as `String.format(Locale.ROOT, "%,d", n)`
/// writes them, for the labels and results every task of a run writes: `String.format` makes a
/// `Formatter` and a `NumberFormat` each time: 7 % of the CPU samples of 5,000 downloads on
/// virtual threads.
final class Grouped {
    private Grouped() {}

    /// `n` with a comma between each group of three digits: `-1,234,567`.
    static String of(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int count = digits.length() - sign;
        if (count <= 3) return digits;
        StringBuilder out = new StringBuilder(digits.length() + (count - 1) / 3);
        int first = sign + (count % 3 == 0 ? 3 : count % 3);
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
        return out.toString();
    }

    /// `"<n> bytes"`, grouped.
    static String bytes(long n) {
        return of(n) + " bytes";
    }
}
