package org.concurrencylab.racelab;

import java.util.List;

/// Small helpers for the lab's sentences.
///
/// Thread-safety: stateless.
final class Words {
    private Words() {}

    /// "A", "A and B", "A, B and C".
    static String and(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /// "one update", "2 updates".
    static String count(int n, String singular, String plural) {
        return n == 1 ? "one " + singular : n + " " + plural;
    }

    /// The sentence with its first letter in capitals.
    static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
