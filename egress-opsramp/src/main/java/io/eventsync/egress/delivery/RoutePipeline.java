package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.route.CompiledRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One route's delivery (decision 0008): its records, grouped by partition so that each partition
 * has one batch in flight and each key stays in order; batches close at the sender's size or after
 * {@code maxWait}; every batch's fate is decided by {@link ForwardingRules}. A record is
 * acknowledged only once it is delivered, dead-lettered or not selected by the route.
 */
public final class RoutePipeline {

    private static final Logger log = LoggerFactory.getLogger(RoutePipeline.class);

    private final CompiledRoute route;
    private final TargetSender sender;
    private final DeadLetters deadLetters;
    private final ForwardingRules rules;
    private final EntityMapping mapping;
    private final JsonMapper json;
    private final Duration maxWait;
    private final DeliveryMetrics metrics;
    private final AtomicLong sequence = new AtomicLong();

    public RoutePipeline(CompiledRoute route, TargetSender sender, DeadLetters deadLetters, ForwardingRules rules,
                         EntityMapping mapping, JsonMapper json, Duration maxWait, DeliveryMetrics metrics) {
        this.route = route;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.mapping = mapping;
        this.json = json;
        this.maxWait = maxWait;
        this.metrics = metrics;
    }

    public Mono<Void> run(Flux<SourceRecord> records) {
        return records
                .groupBy(record -> record.topic() + "-" + record.partition())
                // Every partition must be drained side by side: a bounded flatMap over groupBy can stall.
                .flatMap(partition -> partition
                        .concatMap(this::selected)
                        .bufferTimeout(sender.maxBatch(), maxWait)
                        .concatMap(batch -> Flux.fromIterable(sender.requests(batch))
                                .concatMap(request -> deliver(request, 1))), Integer.MAX_VALUE)
                .then();
    }

    /** The record as the route would send it, or nothing (acknowledged at once) when the route does not want it. */
    private Mono<Outgoing> selected(SourceRecord record) {
        List<EntityEvent> views;
        try {
            views = record.value() == null ? List.of() : mapping.map(record.headers(), json.readTree(record.value()));
        } catch (JacksonException e) {
            return deadLetter(List.of(new Outgoing(sequence.incrementAndGet(), record, null, null)), -1,
                    "the record's value is not JSON: " + e.getOriginalMessage(), 0).then(Mono.empty());
        }
        Optional<EntityEvent> event = route.select(views);
        if (event.isEmpty()) {
            record.acknowledge().run();
            return Mono.empty();
        }
        return Mono.just(new Outgoing(sequence.incrementAndGet(), record, event.get(), route.body(event.get())));
    }

    private Mono<Void> deliver(List<Outgoing> items, int attempt) {
        long started = System.nanoTime();
        DeliveryMetrics.RouteGauges gauges = metrics.gauges(route.definition().id());
        return sender.send(items).doOnSubscribe(subscription -> gauges.requestStarted())
                .doFinally(signal -> gauges.requestEnded()).flatMap(answer -> {
            metrics.request(route.definition().id(), answer.status(), items.size(),
                    Duration.ofNanos(System.nanoTime() - started));
            List<Long> sent = items.stream().map(Outgoing::sequence).toList();
            Verdict verdict = rules.judge(sent, items.size() > 1, attempt, answer);
            return apply(verdict, items, attempt, answer.status());
        });
    }

    // An if-chain, not a pattern switch: the bytecode target is Java 17.
    private Mono<Void> apply(Verdict verdict, List<Outgoing> items, int attempt, int status) {
        String id = route.definition().id();
        if (verdict instanceof Verdict.Delivered delivered) {
            List<Outgoing> done = pick(items, delivered.delivered());
            done.forEach(item -> item.record().acknowledge().run());
            metrics.delivered(id, done.size());
            List<Outgoing> again = pick(items, delivered.unanswered());
            if (again.isEmpty()) {
                return Mono.empty();
            }
            metrics.retried(id, again.size());
            return attempt >= rules.maxAttempts()
                    ? deadLetter(again, status, "the target never listed them in its answers", attempt)
                    : deliver(again, attempt + 1);
        }
        if (verdict instanceof Verdict.Split) {
            metrics.split(id);
            return Flux.fromIterable(items).concatMap(item -> deliver(List.of(item), 1)).then();
        }
        if (verdict instanceof Verdict.Retry retry) {
            metrics.retried(id, items.size());
            return Mono.delay(retry.after()).then(deliver(items, attempt + 1));
        }
        if (verdict instanceof Verdict.Throttled throttled) {
            metrics.retried(id, items.size());
            return Mono.delay(throttled.after()).then(deliver(items, attempt));
        }
        Verdict.DeadLetter dead = (Verdict.DeadLetter) verdict;
        return deadLetter(items, dead.status(), dead.reason(), attempt);
    }

    private Mono<Void> deadLetter(List<Outgoing> items, int status, String reason, int attempts) {
        List<DeadLetter> letters = items.stream().map(item -> new DeadLetter(item.record(), route.definition().id(),
                sender.describe(), status, reason, attempts)).toList();
        return deadLetters.write(letters).doOnSuccess(done -> {
            items.forEach(item -> item.record().acknowledge().run());
            metrics.deadLettered(route.definition().id(), status, items.size());
            log.warn("Route {}: {} record(s) dead-lettered ({}): {}", route.definition().id(), items.size(),
                    status, reason);
        });
    }

    private static List<Outgoing> pick(List<Outgoing> items, List<Long> sequences) {
        List<Outgoing> picked = new ArrayList<>(sequences.size());
        for (Outgoing item : items) {
            if (sequences.contains(item.sequence())) {
                picked.add(item);
            }
        }
        return picked;
    }
}
