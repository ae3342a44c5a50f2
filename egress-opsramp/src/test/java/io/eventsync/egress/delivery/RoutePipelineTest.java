package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pipeline's operators on their own, fed a backlog as fast as a consumer returns one: batches
 * that close on time while the target is still busy must wait for it, not fail the run (a failed
 * run starts again from committed offsets and sends what was delivered once more); a bulk split
 * after a 5xx retries its keys side by side but each key's items one after another, in order.
 */
class RoutePipelineTest {

    private static final int BACKLOG = 3_000;

    @Test
    void aBacklogBehindASlowTargetIsDeliveredOnceWithoutTheRunFailing() {
        Map<Long, AtomicInteger> sent = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        TargetSender<String> slow = new TargetSender<>() {
            @Override
            public int maxBatch() {
                return 10;
            }

            @Override
            public Mono<TargetAnswer> send(List<Outgoing<String>> items) {
                items.forEach(item -> sent.computeIfAbsent(item.record().offset(), o -> new AtomicInteger())
                        .incrementAndGet());
                Set<Long> taken = items.stream().map(Outgoing::sequence).collect(Collectors.toSet());
                return Mono.delay(Duration.ofMillis(2)).thenReturn(new TargetAnswer(200, taken, Optional.empty(), ""));
            }

            @Override
            public String describe() {
                return "a slow target";
            }
        };
        RoutePipeline<String> pipeline = new RoutePipeline<>("slow", record -> Mono.just(Selection.deliver("x", "x")),
                slow, letters -> Mono.empty(), new ForwardingRules(new Backoff(Duration.ofMillis(1),
                        Duration.ofMillis(1), () -> 0.5), 3, Duration.ZERO, 1),
                Duration.ofMillis(1), new DeliveryMetrics(new SimpleMeterRegistry()));
        Flux<SourceRecord> backlog = Flux.range(0, BACKLOG).map(i -> new SourceRecord("opr.events", 0, i, "k" + i,
                Map.of(), new byte[0], acknowledged::incrementAndGet));

        pipeline.run(backlog).block(Duration.ofSeconds(60));

        assertThat(acknowledged).hasValue(BACKLOG);
        assertThat(sent).hasSize(BACKLOG);
        assertThat(sent.values().stream().map(AtomicInteger::get).collect(Collectors.toSet())).containsExactly(1);
    }

    @Test
    void aSplitBulkRetriesItsKeysSideBySideAndEachKeyInOrder() {
        int keys = 10;
        int perKey = 5;
        Map<String, AtomicInteger> inFlightPerKey = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger sameKeyOverlaps = new AtomicInteger();
        Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
        AtomicInteger singles = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        TargetSender<String> failingBulks = new TargetSender<>() {
            @Override
            public int maxBatch() {
                return keys * perKey;
            }

            @Override
            public Mono<TargetAnswer> send(List<Outgoing<String>> items) {
                if (items.size() > 1) {
                    return Mono.just(new TargetAnswer(503, Set.of(), Optional.empty(), "busy"));
                }
                SourceRecord record = items.get(0).record();
                AtomicInteger sameKey = inFlightPerKey.computeIfAbsent(record.key(), k -> new AtomicInteger());
                return Mono.fromRunnable(() -> {
                    if (sameKey.incrementAndGet() > 1) {
                        sameKeyOverlaps.incrementAndGet();
                    }
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }).then(Mono.delay(Duration.ofMillis(20))).then(Mono.fromCallable(() -> {
                    inFlight.decrementAndGet();
                    sameKey.decrementAndGet();
                    // Every third single fails once more, so its key's next item must wait for its retry.
                    if (singles.incrementAndGet() % 3 == 0) {
                        return new TargetAnswer(503, Set.of(), Optional.empty(), "busy");
                    }
                    arrivals.computeIfAbsent(record.key(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(record.offset());
                    return new TargetAnswer(200, Set.of(), Optional.empty(), "");
                }));
            }

            @Override
            public String describe() {
                return "a target that fails every bulk";
            }
        };
        RoutePipeline<String> pipeline = new RoutePipeline<>("split", record -> Mono.just(Selection.deliver("x", "x")),
                failingBulks, letters -> Mono.empty(), new ForwardingRules(new Backoff(Duration.ofMillis(5),
                        Duration.ofMillis(5), () -> 1.0), 10, Duration.ZERO, 4),
                Duration.ofSeconds(5), new DeliveryMetrics(new SimpleMeterRegistry()));
        Flux<SourceRecord> bulk = Flux.range(0, keys * perKey).map(i -> new SourceRecord("opr.events", 0, i,
                "k" + (i % keys), Map.of(), new byte[0], acknowledged::incrementAndGet));

        pipeline.run(bulk).block(Duration.ofSeconds(60));

        assertThat(acknowledged).hasValue(keys * perKey);
        assertThat(sameKeyOverlaps).hasValue(0);
        assertThat(mostInFlight.get()).isEqualTo(4);
        assertThat(arrivals).hasSize(keys);
        arrivals.values().forEach(offsets -> assertThat(offsets).hasSize(perKey).isSorted());
    }
}
