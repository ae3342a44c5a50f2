package io.eventsync.egress.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.config.KafkaClientProperties;
import io.eventsync.egress.kafka.KafkaClientConfigs;
import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;
import io.eventsync.egress.route.HttpMethod;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Two replicas on one route topic: a change made through either reaches both, without a restart. */
class RouteTableIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaBroker broker = Brokers.shared();
    private final String topic = KafkaBroker.uniqueTopic("egress.routes");
    private final KafkaClientConfigs kafka = new KafkaClientConfigs(new KafkaClientProperties(
            broker.bootstrapServers(), "route-table-it", Duration.ofSeconds(10), Map.of()));
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aChangeThroughOneReplicaReachesTheOtherAndARestartReadsItBack() {
        broker.createCompactedTopic(topic, 1);
        RouteTable first = table();
        RouteTable second = table();
        RouteTopic writer = writer(first);
        await(() -> first.caughtUp() && second.caughtUp(), "both tables to catch up");

        IntegrationEvent route = route("INTG-EVENT-1", "first");
        writer.put(route).block(WAIT);
        RouteKey key = new RouteKey("client_1", "INTG-sandbox", "INTG-EVENT-1");
        assertThat(first.get(key)).as("the writing replica sees its change at once").contains(route);
        await(() -> second.get(key).isPresent(), "the other replica to see the route");

        writer.put(route("INTG-EVENT-1", "renamed")).block(WAIT);
        await(() -> second.get(key).map(r -> r.name().equals("renamed")).orElse(false), "the rename");
        writer.put(route("INTG-EVENT-2", "another")).block(WAIT);
        writer.delete(key).block(WAIT);
        await(() -> second.get(key).isEmpty() && second.list("client_1", "INTG-sandbox").size() == 1, "the delete");
        assertThat(first.get(key)).isEmpty();

        RouteTable restarted = table();
        await(restarted::caughtUp, "a restarted replica to catch up");
        assertThat(restarted.list("client_1", "INTG-sandbox")).extracting(IntegrationEvent::name)
                .containsExactly("another");
    }

    private RouteTable table() {
        RouteTable table = new RouteTable(() -> new KafkaConsumer<>(kafka.reader("routes"), new StringDeserializer(),
                new ByteArrayDeserializer()), topic, JSON);
        table.start();
        opened.add(table::stop);
        return table;
    }

    private RouteTopic writer(RouteTable table) {
        RouteTopic writer = new RouteTopic(new KafkaProducer<>(kafka.producer("routes"), new StringSerializer(),
                new ByteArraySerializer()), topic, JSON, table, Duration.ofSeconds(10));
        opened.add(writer);
        return writer;
    }

    private static IntegrationEvent route(String id, String name) {
        return new IntegrationEvent(id, "client_1", "INTG-sandbox", name, Entity.ALERT, EventType.CREATE, null, true,
                null, null, HttpMethod.POST, List.of(), null, List.of(), List.of(), Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:00Z"), null);
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, WAIT, what);
    }
}
