package io.eventsync.egress.filter;

import java.util.Arrays;
import java.util.Optional;

/** Whether any or all of a filter's rules must hold (seed 002's {@code matchType}). */
public enum MatchType {
    ANY, ALL;

    public static Optional<MatchType> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
