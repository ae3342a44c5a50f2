package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One route's delivery (decision 0008), or sync-back's: its records, grouped by partition so that
 * each partition has one batch in flight and each key stays in order; batches close at the
 * sender's size or after {@code maxWait}; every batch's fate is decided by {@link ForwardingRules}. A bulk
 * split after a 5xx retries its keys side by side, up to {@link ForwardingRules#splitConcurrency()},
 * each key's items one after another; the partition's next batch waits for all of them.
 * A record is acknowledged only once it is delivered, dead-lettered or passed by the selector.
 *
 * @param <T> what the selector makes of a record, and the sender sends
 */
public final class RoutePipeline<T> {

    private static final Logger log = LoggerFactory.getLogger(RoutePipeline.class);

    private final String id;
    private final RecordSelector<T> selector;
    private final TargetSender<T> sender;
    private final DeadLetters deadLetters;
    private final ForwardingRules rules;
    private final Duration maxWait;
    private final DeliveryMetrics metrics;
    private final AtomicLong sequence = new AtomicLong();
    /** The gauges of the current run: looked up once per run, not per request, and never for a released route. */
    private volatile DeliveryMetrics.RouteGauges gauges;

    /** @param id the route's id (sync-back's name): metrics' and dead letters' {@code route} */
    public RoutePipeline(String id, RecordSelector<T> selector, TargetSender<T> sender, DeadLetters deadLetters,
                         ForwardingRules rules, Duration maxWait, DeliveryMetrics metrics) {
        this.id = id;
        this.selector = selector;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.maxWait = maxWait;
        this.metrics = metrics;
    }

    public Mono<Void> run(Flux<SourceRecord> records) {
        gauges = metrics.gauges(id);
        return records
                .groupBy(record -> record.topic() + "-" + record.partition())
                // Every partition must be drained side by side: a bounded flatMap over groupBy can stall.
                .flatMap(partition -> partition
                        .concatMap(this::selected)
                        // Fair backpressure: a batch closed by the clock while the target is busy waits for
                        // demand; the default fails the run with an OverflowException (RoutePipelineTest).
                        .bufferTimeout(sender.maxBatch(), maxWait, true)
                        .concatMap(batch -> Flux.fromIterable(sender.requests(batch))
                                .concatMap(request -> deliver(request, 1, System.nanoTime()))), Integer.MAX_VALUE)
                .then();
    }

    /** The record as the pipeline sends it, or nothing when it is passed (acknowledged) or refused (dead-lettered). */
    private Mono<Outgoing<T>> selected(SourceRecord record) {
        return selector.select(record).flatMap(selection -> {
            if (selection.kind() == Selection.Kind.PASS) {
                record.acknowledge().run();
                return Mono.empty();
            }
            Outgoing<T> item = new Outgoing<>(sequence.incrementAndGet(), record, selection.item(), selection.body());
            if (selection.kind() == Selection.Kind.REFUSE) {
                return deadLetter(List.of(item), -1, selection.reason(), 0).then(Mono.empty());
            }
            return Mono.just(item);
        });
    }

    /** @param firstTried when this request was first tried ({@link System#nanoTime()}) */
    private Mono<Void> deliver(List<Outgoing<T>> items, int attempt, long firstTried) {
        long started = System.nanoTime();
        DeliveryMetrics.RouteGauges current = gauges;
        return sender.send(items).doOnSubscribe(subscription -> current.requestStarted())
                .doFinally(signal -> current.requestEnded()).flatMap(answer -> {
            metrics.request(id, answer.status(), items.size(),
                    Duration.ofNanos(System.nanoTime() - started));
            List<Long> sent = items.stream().map(Outgoing::sequence).toList();
            Verdict verdict = rules.judge(sent, items.size() > 1, attempt,
                    Duration.ofNanos(System.nanoTime() - firstTried), answer);
            return apply(verdict, items, attempt, firstTried, answer.status());
        });
    }

    // An if-chain, not a pattern switch: the bytecode target is Java 17.
    private Mono<Void> apply(Verdict verdict, List<Outgoing<T>> items, int attempt, long firstTried, int status) {
        if (verdict instanceof Verdict.Delivered delivered) {
            List<Outgoing<T>> done = pick(items, delivered.delivered());
            done.forEach(item -> item.record().acknowledge().run());
            metrics.delivered(id, done.size());
            List<Outgoing<T>> again = pick(items, delivered.unanswered());
            if (again.isEmpty()) {
                return Mono.empty();
            }
            metrics.retried(id, again.size());
            return attempt >= rules.maxAttempts()
                    ? deadLetter(again, status, "the target never listed them in its answers", attempt)
                    : deliver(again, attempt + 1, firstTried);
        }
        if (verdict instanceof Verdict.Split) {
            metrics.split(id);
            // One single request at a time would leave the partition idle through every retry's backoff
            // (a bulk of 500 with 5 % of 503s took seconds): keys go side by side, each key's items in order.
            return Flux.fromIterable(byKey(items))
                    .flatMap(sameKey -> Flux.fromIterable(sameKey)
                            .concatMap(item -> deliver(List.of(item), 1, System.nanoTime())),
                            rules.splitConcurrency())
                    .then();
        }
        if (verdict instanceof Verdict.Retry retry) {
            metrics.retried(id, items.size());
            // Deferred: the request's duration (a metric) starts when it is sent, not when its retry is planned.
            return Mono.delay(retry.after()).then(Mono.defer(() -> deliver(items, attempt + 1, firstTried)));
        }
        if (verdict instanceof Verdict.Throttled throttled) {
            metrics.retried(id, items.size());
            return Mono.delay(throttled.after()).then(Mono.defer(() -> deliver(items, attempt, firstTried)));
        }
        Verdict.DeadLetter dead = (Verdict.DeadLetter) verdict;
        return deadLetter(items, dead.status(), dead.reason(), attempt);
    }

    private Mono<Void> deadLetter(List<Outgoing<T>> items, int status, String reason, int attempts) {
        List<DeadLetter> letters = items.stream().map(item -> new DeadLetter(item.record(), id,
                sender.describe(), status, reason, attempts)).toList();
        return deadLetters.write(letters).doOnSuccess(done -> {
            items.forEach(item -> item.record().acknowledge().run());
            metrics.deadLettered(id, status, items.size());
            log.warn("Route {}: {} record(s) dead-lettered ({}): {}", id, items.size(),
                    status, reason);
        });
    }

    /** The items grouped by record key, keys in the order of their first item, items in their order. */
    private static <T> Collection<List<Outgoing<T>>> byKey(List<Outgoing<T>> items) {
        Map<String, List<Outgoing<T>>> keys = new LinkedHashMap<>();
        for (Outgoing<T> item : items) {
            keys.computeIfAbsent(String.valueOf(item.record().key()), key -> new ArrayList<>()).add(item);
        }
        return keys.values();
    }

    private static <T> List<Outgoing<T>> pick(List<Outgoing<T>> items, List<Long> sequences) {
        List<Outgoing<T>> picked = new ArrayList<>(sequences.size());
        for (Outgoing<T> item : items) {
            if (sequences.contains(item.sequence())) {
                picked.add(item);
            }
        }
        return picked;
    }
}
