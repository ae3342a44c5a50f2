package io.eventsync.egress.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 002's rule operators, under the labels it lists. Parsing forgives case, spaces and
 * underscores ({@code NOT_CONTAINS}, {@code Starts With}), since clients of such APIs write both.
 */
public enum Operator {
    CONTAINS("Contains"),
    NOT_CONTAINS("Not Contains"),
    EQUALS("Equals"),
    NOT_EQUALS("Not Equals"),
    STARTS_WITH("Starts with"),
    ENDS_WITH("Ends with"),
    REGEX("Regex");

    private final String label;

    Operator(String label) {
        this.label = label;
    }

    /** As the seed writes it, and as answers echo it. */
    public String label() {
        return label;
    }

    public static Optional<Operator> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalized(text);
        return Arrays.stream(values()).filter(o -> normalized(o.label).equals(wanted)).findFirst();
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }
}
