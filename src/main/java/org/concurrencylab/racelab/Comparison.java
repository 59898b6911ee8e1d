package org.concurrencylab.racelab;

import java.util.Arrays;
import java.util.Optional;

/// A comparison of two whole numbers, as a program's `if` and a level's conditions write it.
public enum Comparison {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /// `<`, `<=`, `>`, `>=`, `==` or `!=`.
    public String symbol() {
        return symbol;
    }

    public boolean test(int left, int right) {
        return switch (this) {
            case LESS -> left < right;
            case LESS_OR_EQUAL -> left <= right;
            case GREATER -> left > right;
            case GREATER_OR_EQUAL -> left >= right;
            case EQUAL -> left == right;
            case NOT_EQUAL -> left != right;
        };
    }

    /// The comparison written `symbol`, if there is one.
    public static Optional<Comparison> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
