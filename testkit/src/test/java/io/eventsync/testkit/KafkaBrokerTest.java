package io.eventsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static final String LEGAL_TOPIC = "[a-zA-Z0-9._-]{1,249}";

    @Test
    void uniqueTopicsKeepThePrefixAndDiffer() {
        Set<String> topics = IntStream.range(0, 1_000)
                .mapToObj(i -> KafkaBroker.uniqueTopic("orders"))
                .collect(Collectors.toSet());

        assertThat(topics).hasSize(1_000).allMatch(topic -> topic.startsWith("orders-") && topic.matches(LEGAL_TOPIC));
    }

    @Test
    void charactersKafkaForbidsAreReplaced() {
        String topic = KafkaBroker.uniqueTopic("GatewayIT$Nested test/ü");

        assertThat(topic).matches(LEGAL_TOPIC).startsWith("GatewayIT-Nested-test--");
    }
}
