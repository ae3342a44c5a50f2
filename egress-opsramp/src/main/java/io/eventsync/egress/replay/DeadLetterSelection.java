package io.eventsync.egress.replay;

import io.eventsync.egress.delivery.KafkaDeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which dead letters to replay: those of one route, optionally only with some statuses, from one
 * source topic, with one key, or dead-lettered within a time window.
 *
 * @param statuses the target's status when the letter was written (0 no answer, -1 no request); empty: any
 * @param since dead-lettered at or after; also where reading starts
 * @param until dead-lettered before
 */
public record DeadLetterSelection(String route, Set<Integer> statuses, Optional<String> sourceTopic,
                                  Optional<String> key, Optional<Instant> since, Optional<Instant> until) {

    public DeadLetterSelection {
        Objects.requireNonNull(route, "route");
        statuses = Set.copyOf(statuses);
    }

    public static DeadLetterSelection ofRoute(String route) {
        return new DeadLetterSelection(route, Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public boolean matches(ConsumerRecord<?, ?> letter) {
        if (!route.equals(header(letter, KafkaDeadLetters.ROUTE))) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(status(letter))) {
            return false;
        }
        if (sourceTopic.isPresent() && !sourceTopic.get().equals(header(letter, KafkaDeadLetters.SOURCE_TOPIC))) {
            return false;
        }
        if (key.isPresent() && !key.get().equals(letter.key())) {
            return false;
        }
        Instant written = Instant.ofEpochMilli(letter.timestamp());
        return since.map(start -> !written.isBefore(start)).orElse(true)
                && until.map(written::isBefore).orElse(true);
    }

    static int status(ConsumerRecord<?, ?> letter) {
        try {
            return Integer.parseInt(header(letter, KafkaDeadLetters.STATUS));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
