package io.eventsync.egress.filter;

import io.eventsync.egress.entity.EventView;
import java.util.List;
import java.util.Objects;

/**
 * Seed 002's {@code filterCriteria}: {@code ANY} holds when one rule does, {@code ALL} when every
 * rule does. No rules (or no criteria) lets every event of the route's entity through.
 */
public record FilterCriteria(MatchType matchType, List<Rule> rules) {

    public static final FilterCriteria NONE = new FilterCriteria(MatchType.ALL, List.of());

    public FilterCriteria {
        Objects.requireNonNull(matchType, "matchType");
        rules = List.copyOf(rules);
    }

    public boolean matches(EventView event) {
        if (rules.isEmpty()) {
            return true;
        }
        return matchType == MatchType.ANY
                ? rules.stream().anyMatch(rule -> rule.test(event))
                : rules.stream().allMatch(rule -> rule.test(event));
    }
}
