package io.eventsync.ingest.poll;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscTime;
import io.eventsync.ingest.checkpoint.CheckpointReader;
import io.eventsync.ingest.config.IngestProperties;
import io.eventsync.ingest.metrics.IngestMetrics;
import io.eventsync.ingest.ofsc.EventPage;
import io.eventsync.ingest.ofsc.OfscApiException;
import io.eventsync.ingest.ofsc.OfscClient;
import io.eventsync.ingest.ofsc.OfscFailure;
import io.eventsync.ingest.publish.PageWriter;
import io.eventsync.ingest.publish.PageWriters;
import io.eventsync.ingest.publish.WriterFencedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps up with one OFSC subscription. Markers are sequential, so there is never more than one page
 * in flight; subscriptions run side by side, each with its own poller.
 *
 * <p>A session takes over the subscription's transactional id (fencing any older poller), reads the
 * committed checkpoint, and loops: fetch a page, write its events and the next marker in one
 * transaction, wait as {@link PollPlan} says. Any Kafka failure ends the session; the next one starts
 * from what Kafka committed, which is how a crash, an ambiguous commit and a restart all come out
 * exactly once. OFSC failures are retried in place, a refused marker is recovered with {@code since},
 * and only what a person must fix (credentials, a vanished subscription, being fenced) stops it.
 */
public final class SubscriptionPoller {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPoller.class);

    private final IngestProperties.Subscription config;
    private final String instance;
    private final String transactionalId;
    private final OfscClient ofsc;
    private final PageWriters writers;
    private final CheckpointReader checkpoints;
    private final PageRecords pageRecords;
    private final int pageSize;
    private final PollPlan plan;
    private final Backoff backoff;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Scheduler scheduler;
    private final AtomicReference<SubscriptionStatus> status;
    private final Instant startedAt;

    private SubscriptionRef subscription;
    private PollPosition position;

    public static SubscriptionPoller create(IngestProperties.Subscription config, String instance,
                                            IngestProperties properties, OfscClient ofsc, PageWriters writers,
                                            CheckpointReader checkpoints, JsonMapper json, IngestMetrics metrics,
                                            Clock clock, Scheduler scheduler, RandomGenerator random) {
        return new SubscriptionPoller(config, instance, properties, ofsc, writers, checkpoints,
                new PageRecords(properties.topic(), properties.checkpointTopic(), json), metrics, clock, scheduler,
                random);
    }

    SubscriptionPoller(IngestProperties.Subscription config, String instance, IngestProperties properties,
                              OfscClient ofsc, PageWriters writers, CheckpointReader checkpoints,
                              PageRecords pageRecords, IngestMetrics metrics, Clock clock, Scheduler scheduler,
                              RandomGenerator random) {
        this.config = config;
        this.instance = instance;
        this.transactionalId = properties.transactionalIdPrefix() + "-" + config.name();
        this.ofsc = ofsc;
        this.writers = writers;
        this.checkpoints = checkpoints;
        this.pageRecords = pageRecords;
        this.pageSize = properties.pageSize();
        this.plan = new PollPlan(properties.poll().busyInterval(), properties.poll().quietInterval());
        this.backoff = new Backoff(properties.backoff().initial(), properties.backoff().max(), random);
        this.metrics = metrics;
        this.clock = clock;
        this.scheduler = scheduler;
        this.status = new AtomicReference<>(new SubscriptionStatus(config.name(), SubscriptionStatus.State.STARTING, ""));
        this.startedAt = clock.instant();
        metrics.up(config.name(), true);
    }

    /** Runs until disposed; completes with an error only when the subscription stopped for good. */
    public Mono<Void> run() {
        return Mono.defer(this::session)
                .retryWhen(Retry.from(failures -> failures.concatMap(signal -> {
                    Throwable failure = signal.failure();
                    if (stopsForGood(failure)) {
                        return Mono.error(failure);
                    }
                    Duration wait = backoff.next(retryAfterOf(failure));
                    status(SubscriptionStatus.State.RETRYING, failure.getMessage());
                    log.warn("Subscription {}: {}; starting over from the committed checkpoint in {} ms",
                            config.name(), failure.getMessage(), wait.toMillis());
                    return Mono.delay(wait, scheduler);
                })))
                .doOnError(failure -> {
                    status(SubscriptionStatus.State.STOPPED, failure.getMessage());
                    metrics.up(config.name(), false);
                    log.error("Subscription {} stopped: {}", config.name(), failure.getMessage());
                });
    }

    public SubscriptionStatus status() {
        return status.get();
    }

    private Mono<Void> session() {
        PageWriter writer = writers.create(transactionalId);
        return writer.open()
                .then(Mono.fromCallable(checkpoints::readAll).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(committed -> resume(committed, writer))
                .then(Mono.defer(() -> loop(writer)))
                .doFinally(signal -> Schedulers.boundedElastic().schedule(writer::close));
    }

    /** Finds the subscription and its committed position, creating the subscription on a first start. */
    private Mono<Void> resume(Map<String, OfscCheckpoint> committed, PageWriter writer) {
        if (!config.createsItsOwn()) {
            subscription = new SubscriptionRef(config.name(), config.id(), instance);
            position = Optional.ofNullable(committed.get(config.id())).map(PollPosition::of)
                    .orElseGet(() -> PollPosition.startingAt(PollPosition.LAST_REQUESTED));
            logResume();
            return Mono.empty();
        }
        Optional<OfscCheckpoint> known = CheckpointReader.byName(committed, config.name(), instance);
        if (known.isPresent()) {
            subscription = new SubscriptionRef(config.name(), known.get().subscriptionId(), instance);
            position = PollPosition.of(known.get());
            logResume();
            return Mono.empty();
        }
        String title = config.title() != null ? config.title() : "eventsync " + config.name();
        return timed("create", ofsc.createSubscription(title, config.eventTypes()))
                .flatMap(created -> {
                    SubscriptionRef ref = new SubscriptionRef(config.name(), created.subscriptionId(), instance);
                    log.info("Subscription {}: created OFSC subscription {} for {}", config.name(),
                            created.subscriptionId(), config.eventTypes());
                    return writer.write(List.of(pageRecords.initialCheckpoint(ref, created.nextPage(), clock.instant())))
                            .doOnSuccess(done -> {
                                subscription = ref;
                                position = PollPosition.startingAt(created.nextPage());
                            });
                });
    }

    private Mono<Void> loop(PageWriter writer) {
        status(SubscriptionStatus.State.POLLING, "");
        return Mono.defer(() -> step(writer))
                .flatMap(wait -> wait.isZero() ? Mono.just(wait) : Mono.delay(wait, scheduler).thenReturn(wait))
                .repeat()
                .then();
    }

    /** One page: fetch, commit, decide the wait. */
    private Mono<Duration> step(PageWriter writer) {
        PollPosition from = position;
        return timed("page", ofsc.fetchPage(subscription.id(), from.nextPage(), pageSize))
                .flatMap(page -> commit(writer, from, page))
                .onErrorResume(OfscApiException.class, this::onOfscFailure);
    }

    private Mono<Duration> commit(PageWriter writer, PollPosition from, EventPage page) {
        PageRecords.Outcome outcome = pageRecords.build(subscription, from, page, clock.instant());
        Mono<Void> write = outcome.records().isEmpty() ? Mono.empty()
                : writer.write(outcome.records())
                        .doOnError(e -> metrics.transaction(config.name(), "aborted"))
                        .doOnSuccess(done -> metrics.transaction(config.name(), "committed"));
        return write.then(Mono.fromSupplier(() -> {
            position = outcome.next();
            backoff.reset();
            status(SubscriptionStatus.State.POLLING, "");
            int received = page.items().size();
            metrics.page(config.name(), received >= pageSize ? "full" : received > 0 ? "partial" : "empty");
            outcome.producedByType().forEach((type, count) -> metrics.eventsProduced(config.name(), type, count));
            if (outcome.skipped() > 0) {
                metrics.eventsSkipped(config.name(), outcome.skipped());
            }
            OfscTime.parse(position.lastEventTime()).ifPresent(time -> metrics.newestEvent(config.name(), time));
            return plan.afterPage(received, pageSize);
        }));
    }

    private Mono<Duration> onOfscFailure(OfscApiException failure) {
        metrics.apiError(config.name(), failure.status());
        if (failure.failure() == OfscFailure.RETRYABLE) {
            Duration wait = backoff.next(failure.retryAfter());
            status(SubscriptionStatus.State.RETRYING, failure.getMessage());
            log.warn("Subscription {}: {}; retrying in {} ms", config.name(), failure.getMessage(), wait.toMillis());
            return Mono.just(wait);
        }
        if (failure.failure() == OfscFailure.MARKER_REJECTED && !position.fromSince()) {
            return recover(failure);
        }
        return Mono.error(failure);
    }

    /**
     * The seed's "restore broken flow": a marker from {@code since}, at the newest event already
     * produced. Events between the refused marker and that time that OFSC no longer has are lost
     * upstream; that is said loudly, as a metric and a log line.
     */
    private Mono<Duration> recover(OfscApiException refusal) {
        Instant since = OfscTime.parse(position.lastEventTime())
                .or(() -> Optional.ofNullable(position.committedAt()))
                .orElse(startedAt);
        metrics.recovery(config.name(), "marker_rejected");
        log.warn("Subscription {}: OFSC refused page marker '{}' ({}). Recovering with since={}: events between "
                        + "the last committed one and the oldest OFSC still has may have been skipped.",
                config.name(), position.nextPage(), refusal.getMessage(), OfscTime.format(since));
        return timed("since", ofsc.markerSince(subscription.id(), since))
                .map(marker -> {
                    position = position.recoveringAt(marker);
                    return Duration.ZERO;
                })
                .onErrorResume(OfscApiException.class, this::onOfscFailure);
    }

    private <T> Mono<T> timed(String operation, Mono<T> call) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return call.doOnSuccess(any -> metrics.apiCall(operation, "ok", Duration.ofNanos(System.nanoTime() - start)))
                    .doOnError(OfscApiException.class, e -> metrics.apiCall(operation, Integer.toString(e.status()),
                            Duration.ofNanos(System.nanoTime() - start)));
        });
    }

    private void logResume() {
        log.info("Subscription {} ({}): resuming at page '{}' ({} events produced so far)", config.name(),
                subscription.id(), position.nextPage(), position.eventsProduced());
    }

    private void status(SubscriptionStatus.State state, String detail) {
        status.set(new SubscriptionStatus(config.name(), state, detail == null ? "" : detail));
    }

    private static boolean stopsForGood(Throwable failure) {
        return failure instanceof WriterFencedException
                || failure instanceof OfscApiException ofscFailure && ofscFailure.failure() != OfscFailure.RETRYABLE;
    }

    private static Optional<Duration> retryAfterOf(Throwable failure) {
        return failure instanceof OfscApiException ofscFailure ? ofscFailure.retryAfter() : Optional.empty();
    }
}
