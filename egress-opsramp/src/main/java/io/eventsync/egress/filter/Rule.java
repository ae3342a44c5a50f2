package io.eventsync.egress.filter;

import com.google.re2j.Pattern;
import io.eventsync.egress.entity.EventView;
import java.util.Locale;
import java.util.Objects;

/**
 * One rule of a filter: the event property at {@code key} compared with {@code value}. Text
 * comparisons ignore case; a missing property compares as the empty text (so {@code Not Contains}
 * and {@code Not Equals} hold for it). {@code Regex} searches the property with a linear-time
 * engine (RE2/J), so no pattern can backtrack; its cost is the text's length times the compiled
 * pattern's size, which {@link PatternCost} bounds. {@code (?i)} makes it ignore case.
 */
public final class Rule {

    /** Longer property values are matched on their first this many characters. */
    public static final int MAX_MATCHED_LENGTH = 64 * 1024;
    public static final int MAX_PATTERN_LENGTH = 1024;

    private final String key;
    private final Operator operator;
    private final String value;
    private final String resourceType;
    private final String foldedValue;
    private final Pattern pattern;

    private Rule(String key, Operator operator, String value, String resourceType, Pattern pattern) {
        this.key = key;
        this.operator = operator;
        this.value = value;
        this.resourceType = resourceType;
        this.foldedValue = value.toLowerCase(Locale.ROOT);
        this.pattern = pattern;
    }

    /**
     * @throws InvalidRuleException when {@code value} is not a usable pattern for {@code Regex}
     */
    public static Rule of(String key, Operator operator, String value, String resourceType) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Pattern pattern = null;
        if (operator == Operator.REGEX) {
            if (value.length() > MAX_PATTERN_LENGTH) {
                throw new InvalidRuleException("a pattern is at most " + MAX_PATTERN_LENGTH + " characters");
            }
            // Before compiling: compiling a pattern that expands too far is itself what stalls.
            PatternCost.refusalOf(value).ifPresent(why -> {
                throw new InvalidRuleException(why);
            });
            try {
                pattern = Pattern.compile(value);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new InvalidRuleException("not a regular expression (RE2 syntax): " + e.getDescription());
            }
        }
        return new Rule(key, operator, value, resourceType, pattern);
    }

    public boolean test(EventView event) {
        String actual = event.text(key).orElse("");
        if (actual.length() > MAX_MATCHED_LENGTH) {
            actual = actual.substring(0, MAX_MATCHED_LENGTH);
        }
        if (operator == Operator.REGEX) {
            return pattern.matcher(actual).find();
        }
        String folded = actual.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case CONTAINS -> folded.contains(foldedValue);
            case NOT_CONTAINS -> !folded.contains(foldedValue);
            case EQUALS -> folded.equals(foldedValue);
            case NOT_EQUALS -> !folded.equals(foldedValue);
            case STARTS_WITH -> folded.startsWith(foldedValue);
            case ENDS_WITH -> folded.endsWith(foldedValue);
            case REGEX -> throw new IllegalStateException("handled above");
        };
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    public String value() {
        return value;
    }

    /** The seed's {@code resourceType}: documentation of the rule, not part of matching. */
    public String resourceType() {
        return resourceType;
    }

    @Override
    public String toString() {
        return key + " " + operator.label() + " '" + value + "'";
    }

    /** A rule that cannot be built; the message says why, for the client that sent it. */
    public static final class InvalidRuleException extends IllegalArgumentException {
        public InvalidRuleException(String message) {
            super(message);
        }
    }
}
