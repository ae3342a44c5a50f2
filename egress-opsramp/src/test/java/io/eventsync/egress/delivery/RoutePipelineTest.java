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
 * run starts again from committed offsets and sends what was delivered once more).
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
                        Duration.ofMillis(1), () -> 0.5), 3),
                Duration.ofMillis(1), new DeliveryMetrics(new SimpleMeterRegistry()));
        Flux<SourceRecord> backlog = Flux.range(0, BACKLOG).map(i -> new SourceRecord("opr.events", 0, i, "k" + i,
                Map.of(), new byte[0], acknowledged::incrementAndGet));

        pipeline.run(backlog).block(Duration.ofSeconds(60));

        assertThat(acknowledged).hasValue(BACKLOG);
        assertThat(sent).hasSize(BACKLOG);
        assertThat(sent.values().stream().map(AtomicInteger::get).collect(Collectors.toSet())).containsExactly(1);
    }
}
