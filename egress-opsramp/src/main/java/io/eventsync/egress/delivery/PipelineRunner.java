package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs a pipeline on a consumer group's records until disposed; a run that fails (Kafka away, the
 * dead-letter topic unwritable) starts again from the group's committed offsets, so nothing that
 * was not done is skipped.
 */
public final class PipelineRunner {

    private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);

    private final RecordSource source;
    private final DeliveryMetrics metrics;

    public PipelineRunner(RecordSource source, DeliveryMetrics metrics) {
        this.source = source;
        this.metrics = metrics;
    }

    /**
     * @param keep records the pipeline sees; one it does not keep must have been acknowledged by it
     */
    public Disposable run(String id, String group, List<String> topics, RecordSource.Start start,
                          Predicate<SourceRecord> keep, RoutePipeline<?> pipeline) {
        DeliveryMetrics.RouteGauges gauges = metrics.gauges(id);
        return Mono.defer(() -> {
            // A restart reads again from committed offsets what the failed run held: count it afresh.
            gauges.clearPending();
            return pipeline.run(source.records(group, topics, start).filter(keep).map(gauges::track));
        })
                .doOnError(e -> log.warn("{}: delivery failed ({}); starting again from committed offsets", id,
                        e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe();
    }

    /** Stops counting a pipeline that was disposed. */
    public void stopped(String id) {
        metrics.release(id);
    }
}
