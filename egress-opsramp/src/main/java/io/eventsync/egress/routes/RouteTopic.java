package io.eventsync.egress.routes;

import io.eventsync.egress.route.IntegrationEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes route definitions to the compacted route topic (key = {@link RouteKey}, value = the sealed
 * {@link IntegrationEvent} as JSON, a tombstone to delete). A write completes when the broker has
 * it ({@code acks=all}); the {@link RouteTable} of the writing replica applies it at once, every
 * other replica's when it reads it.
 */
public final class RouteTopic implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final JsonMapper json;
    private final RouteTable table;
    private final Duration timeout;

    public RouteTopic(Producer<String, byte[]> producer, String topic, JsonMapper json, RouteTable table,
                      Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.json = json;
        this.table = table;
        this.timeout = timeout;
    }

    /** {@code route} must already be sealed. */
    public Mono<IntegrationEvent> put(IntegrationEvent route) {
        RouteKey key = new RouteKey(route.tenant(), route.integration(), route.id());
        return send(key, json.writeValueAsBytes(route)).doOnNext(offset -> table.apply(key, route, offset))
                .thenReturn(route);
    }

    public Mono<Void> delete(RouteKey key) {
        return send(key, null).doOnNext(offset -> table.apply(key, null, offset)).then();
    }

    /** Completes with the record's offset once the broker has it. */
    private Mono<Long> send(RouteKey key, byte[] value) {
        return Mono.defer(() -> {
            CompletableFuture<Long> sent = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(topic, key.text(), value), (metadata, failure) -> {
                if (failure != null) {
                    sent.completeExceptionally(new RouteStoreUnavailableException(failure));
                } else {
                    sent.complete(metadata.offset());
                }
            });
            return Mono.fromFuture(sent);
        }).timeout(timeout, Mono.error(() -> new RouteStoreUnavailableException(null)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The route topic did not take a write in time: answered 503, nothing changed. */
    public static final class RouteStoreUnavailableException extends RuntimeException {
        public RouteStoreUnavailableException(Throwable cause) {
            super("the route topic did not accept the write", cause);
        }
    }
}
