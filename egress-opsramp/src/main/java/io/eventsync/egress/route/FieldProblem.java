package io.eventsync.egress.route;

/**
 * One thing wrong with a request, at a field given as a JSON pointer ({@code /notifier/grantType},
 * {@code /filterCriteria/rules/1/operator}).
 */
public record FieldProblem(String pointer, String detail) {
}
