package io.eventsync.sandbox.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, with the labels it filters or groups them by: what a
 * Prometheus must have scraped for a dashboard panel or an alert rule to mean anything. A small
 * tokenizer, not a PromQL parser; what it understands:
 *
 * <ul>
 *   <li>an identifier followed by {@code {...}} is a metric, the label names of its matchers are the
 *       labels it filters by, and its {@code label="value"} matchers (without a Grafana variable in the
 *       value) the values it expects to exist;</li>
 *   <li>an identifier followed by {@code (}, or by {@code by} or {@code without}, is a function or an
 *       aggregation, not a metric; {@code by},
 *       {@code without}, {@code on}, {@code ignoring}, {@code group_left} and {@code group_right}
 *       followed by {@code (...)} list labels the expression groups or matches by;</li>
 *   <li>any other identifier is a bare metric name, except the keywords {@code and or unless bool offset
 *       inf nan} and these grouping words;</li>
 *   <li>strings, numbers and durations, range and subquery brackets {@code [...]}, Grafana variables
 *       ({@code $__rate_interval}, {@code ${...}}) and {@code #} comments are skipped;</li>
 *   <li>Grafana's {@code label_values(expr, label)} reads {@code expr}, grouped by {@code label}.</li>
 * </ul>
 *
 * <p>Simplification: every label an expression groups or matches by is taken as required of every
 * metric in it, which holds when a join's sides are grouped alike (as the rules and the dashboard are
 * written). A selector without a name ({@code {__name__=...}}) is refused rather than misread.
 * Functions that invent labels ({@code label_replace}, {@code label_join}) are not understood and are
 * not used.
 */
final class PromQlMetrics {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan",
            "by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$", Pattern.DOTALL);

    /** One metric read by an expression: the labels it must carry, and the label values it filters on. */
    record Use(String metric, Set<String> labels, Map<String, String> values) {
        @Override
        public String toString() {
            return metric + labels + (values.isEmpty() ? "" : " with " + values);
        }
    }

    private PromQlMetrics() {
    }

    /** The metrics {@code expression} reads; a Grafana {@code label_values(...)} query too. */
    static List<Use> of(String expression) {
        Matcher labelValues = LABEL_VALUES.matcher(expression);
        if (labelValues.matches()) {
            return parse(labelValues.group(1), Set.of(labelValues.group(2)));
        }
        return parse(expression, Set.of());
    }

    private static List<Use> parse(String expression, Set<String> extraLabels) {
        List<Token> tokens = tokens(expression);
        Set<String> grouping = new LinkedHashSet<>(extraLabels);
        List<Token> metrics = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.kind == Kind.BRACES) {
                // Reached only for a selector without a name: an identifier consumes its own braces.
                throw new IllegalArgumentException("a selector without a metric name is not understood: " + expression);
            }
            if (token.kind != Kind.IDENTIFIER) {
                continue;
            }
            // A function call, or an aggregation with its grouping first: sum by (x) (...).
            boolean call = next != null && (next.kind == Kind.OPEN
                    || next.kind == Kind.IDENTIFIER && (next.text.equals("by") || next.text.equals("without")));
            if (GROUPING.contains(token.text)) {
                if (call) {
                    int j = i + 2;
                    for (; j < tokens.size() && tokens.get(j).kind != Kind.CLOSE; j++) {
                        if (tokens.get(j).kind == Kind.IDENTIFIER) {
                            grouping.add(tokens.get(j).text);
                        }
                    }
                    i = j;
                }
            } else if (next != null && next.kind == Kind.BRACES) {
                metrics.add(new Token(Kind.IDENTIFIER, token.text, next.matchers));
                i++;
            } else if (!call && !KEYWORDS.contains(token.text.toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(new Token(Kind.IDENTIFIER, token.text, List.of()));
            }
        }
        List<Use> uses = new ArrayList<>();
        for (Token metric : metrics) {
            Set<String> labels = new LinkedHashSet<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (LabelMatcher matcher : metric.matchers) {
                labels.add(matcher.label);
                if (matcher.operator.equals("=") && !matcher.value.contains("$")) {
                    values.put(matcher.label, matcher.value);
                }
            }
            labels.addAll(grouping);
            uses.add(new Use(metric.text, Set.copyOf(labels), Map.copyOf(values)));
        }
        return uses;
    }

    private enum Kind { IDENTIFIER, BRACES, OPEN, CLOSE, OTHER }

    private record LabelMatcher(String label, String operator, String value) {
    }

    private record Token(Kind kind, String text, List<LabelMatcher> matchers) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(text, i);
                tokens.add(new Token(Kind.OTHER, "string", List.of()));
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '$') {
                i++;
                if (i < text.length() && text.charAt(i) == '{') {
                    int end = text.indexOf('}', i);
                    i = end < 0 ? text.length() : end + 1;
                } else {
                    while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                }
            } else if (c == '{') {
                List<LabelMatcher> matchers = new ArrayList<>();
                i = matchers(text, i + 1, matchers);
                tokens.add(new Token(Kind.BRACES, "{}", matchers));
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", List.of()));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", List.of()));
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                // Numbers and durations (1e3, 0.99, 30m, 1h30m): digits, letters and dots together.
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.OTHER, "number", List.of()));
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, i), List.of()));
            } else {
                tokens.add(new Token(Kind.OTHER, String.valueOf(c), List.of()));
                i++;
            }
        }
        return tokens;
    }

    /** Reads {@code label op "value"} matchers up to the closing brace; returns the index after it. */
    private static int matchers(String text, int from, List<LabelMatcher> into) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '}') {
                return i + 1;
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                String label = text.substring(start, i);
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int operatorStart = i;
                while (i < text.length() && "=!~".indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                String operator = text.substring(operatorStart, i);
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (operator.isEmpty() || i >= text.length() || "\"'`".indexOf(text.charAt(i)) < 0) {
                    throw new IllegalArgumentException("a label matcher is not understood at " + start + ": " + text);
                }
                int end = endOfString(text, i);
                into.add(new LabelMatcher(label, operator, text.substring(i + 1, end - 1)));
                i = end;
            } else {
                throw new IllegalArgumentException("a label matcher is not understood at " + i + ": " + text);
            }
        }
        throw new IllegalArgumentException("unclosed braces: " + text);
    }

    /** The index after the string literal starting at {@code start} (backslash escapes, not in backticks). */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed string: " + text);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
