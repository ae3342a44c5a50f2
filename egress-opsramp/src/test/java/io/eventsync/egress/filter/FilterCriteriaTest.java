package io.eventsync.egress.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.eventsync.egress.entity.EventView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class FilterCriteriaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventView INCIDENT = view("""
            {"subject": "Windows server down", "description": "disk C: full", "priority": {"name": "High"},
             "time_created": "2026-11-25T10:00:00Z", "count": 3}""");

    @ParameterizedTest(name = "{0} {1} ''{2}'' → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Subject     | Contains     | windows        | true
            Subject     | Contains     | linux          | false
            Subject     | Not Contains | linux          | true
            Subject     | Not Contains | SERVER         | false
            Subject     | Equals       | windows SERVER down | true
            Subject     | Equals       | windows        | false
            Subject     | Not Equals   | windows        | true
            Subject     | Not Equals   | Windows server down | false
            Subject     | Starts with  | WIN            | true
            Subject     | Starts with  | server         | false
            Subject     | Ends with    | DOWN           | true
            Subject     | Ends with    | windows        | false
            Subject     | Regex        | ^Windows .* down$ | true
            Subject     | Regex        | ^windows       | false
            Subject     | Regex        | (?i)^windows   | true
            priority.name | Equals     | high           | true
            timeCreated | Starts with  | 2026-11-25     | true
            count       | Equals       | 3              | true
            """)
    void everyOperatorOfTheSeed(String key, String operator, String value, boolean expected) {
        Rule rule = Rule.of(key, Operator.parse(operator).orElseThrow(), value, "INCIDENT");
        assertThat(rule.test(INCIDENT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Contains     | false
            Not Contains | true
            Equals       | false
            Not Equals   | true
            Starts with  | false
            Ends with    | false
            Regex        | false
            """)
    void aMissingPropertyComparesAsEmptyText(String operator, boolean expected) {
        Rule rule = Rule.of("impact", Operator.parse(operator).orElseThrow(), "x", "INCIDENT");
        assertThat(rule.test(INCIDENT)).isEqualTo(expected);
    }

    @Test
    void operatorsAreReadAsClientsWriteThem() {
        assertThat(Operator.parse("NOT_CONTAINS")).contains(Operator.NOT_CONTAINS);
        assertThat(Operator.parse("Starts With")).contains(Operator.STARTS_WITH);
        assertThat(Operator.parse("regex")).contains(Operator.REGEX);
        assertThat(Operator.parse("Like")).isEmpty();
    }

    @Test
    void anyNeedsOneRuleAndAllNeedsEvery() {
        Rule windows = Rule.of("Subject", Operator.CONTAINS, "windows", "INCIDENT");
        Rule linux = Rule.of("Subject", Operator.CONTAINS, "linux", "INCIDENT");
        assertThat(new FilterCriteria(MatchType.ANY, List.of(windows, linux)).matches(INCIDENT)).isTrue();
        assertThat(new FilterCriteria(MatchType.ALL, List.of(windows, linux)).matches(INCIDENT)).isFalse();
        assertThat(new FilterCriteria(MatchType.ALL, List.of(windows)).matches(INCIDENT)).isTrue();
        assertThat(new FilterCriteria(MatchType.ANY, List.of(linux)).matches(INCIDENT)).isFalse();
    }

    @Test
    void noRulesLetEveryEventThrough() {
        assertThat(FilterCriteria.NONE.matches(INCIDENT)).isTrue();
        assertThat(new FilterCriteria(MatchType.ANY, List.of()).matches(INCIDENT)).isTrue();
    }

    @Test
    void aPatternThatIsNotARegexIsRefusedWhenTheRuleIsBuilt() {
        assertThatThrownBy(() -> Rule.of("Subject", Operator.REGEX, "(unclosed", "INCIDENT"))
                .isInstanceOf(Rule.InvalidRuleException.class).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Rule.of("Subject", Operator.REGEX, "a".repeat(Rule.MAX_PATTERN_LENGTH + 1), "X"))
                .isInstanceOf(Rule.InvalidRuleException.class).hasMessageContaining("at most");
    }

    @Test
    void aCatastrophicPatternStillAnswers() {
        // (a+)+$ against "aaa...a!" takes exponential time in a backtracking engine: minutes at 40
        // characters. The limit only turns such a hang into a failure; RE2/J answers at once.
        EventView hostile = view("{\"subject\": \"" + "a".repeat(5_000) + "!\"}");
        Rule rule = Rule.of("Subject", Operator.REGEX, "(a+)+$", "INCIDENT");
        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> rule.test(hostile));
        assertThat(matched).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a{101}", "a{1,101}", "a{101,}", "a{99999999999}", "(a{1000}){100}",
            "((a{1000}){1000}){1000}", "((a{10}){10}){11}", "(?:(?i)(a{50}){21})", "(a{100}){21}",
            "(a{100}b{100}c{100}){7}", "[a-z]{100}(x{100}|y{100}){19}"})
    void aCountedRepetitionThatWouldBlowUpTheCompiledPatternIsRefusedBeforeCompiling(String pattern) {
        // Compiling the nested ones is what runs out of memory: refused before RE2/J sees them.
        assertThatThrownBy(() -> Rule.of("Subject", Operator.REGEX, pattern, "INCIDENT"))
                .isInstanceOf(Rule.InvalidRuleException.class).hasMessageContaining("at most");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\d{3}-\\d{4}", "[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,100}\\.[a-z]{2,10}",
            "((a{10}){10}){10}", "(a{100}){10}", "x{2,}", "a{,1000}", "\\{1000\\}", "[{1000}]", "\\Q{1000}\\E",
            "(?i)^(error|fail|critical).*disk\\s+\\d{1,3}%$"})
    void anOrdinaryCountedRepetitionIsKept(String pattern) {
        assertThat(Rule.of("Subject", Operator.REGEX, pattern, "INCIDENT").value()).isEqualTo(pattern);
    }

    @Test
    void theLargestPatternAllowedStillMatches64KiBInAFewSeconds() {
        // Just under the program-size bound, about 2,000 instructions, all live on every character.
        Rule rule = Rule.of("Subject", Operator.REGEX, "(a{100}){10}(a{100}){9}b", "INCIDENT");
        EventView hostile = view("{\"subject\": \"" + "a".repeat(Rule.MAX_MATCHED_LENGTH) + "\"}");
        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> rule.test(hostile));
        assertThat(matched).isFalse();
    }

    private static EventView view(String json) {
        return new EventView(JSON.readTree(json));
    }
}
