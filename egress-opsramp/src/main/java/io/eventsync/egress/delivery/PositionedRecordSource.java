package io.eventsync.egress.delivery;

import io.eventsync.egress.delivery.GroupPositions.PositionUnavailableException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fixes a {@link Start#LATEST} group's start in Kafka before its consumer reads: a consumer left to
 * choose "latest" on its own does so only once assigned, and skips what was published between the
 * replica reporting ready and that moment. {@link Start#EARLIEST} skips nothing and is passed through.
 * A start that cannot be set fails the records, so the runner's retry tries again.
 */
public final class PositionedRecordSource implements RecordSource {

    private static final Logger log = LoggerFactory.getLogger(PositionedRecordSource.class);

    /** Where unpositioned partitions of a group are set; answers how many were. */
    @FunctionalInterface
    public interface Positions {
        int startUnpositionedAtEnd(String group) throws PositionUnavailableException;
    }

    private final RecordSource delegate;
    private final Positions positions;
    private final Consumer<String> positioned;

    /** @param positioned told each group whose start is set, before it reads */
    public PositionedRecordSource(RecordSource delegate, Positions positions, Consumer<String> positioned) {
        this.delegate = delegate;
        this.positions = positions;
        this.positioned = positioned;
    }

    @Override
    public Flux<SourceRecord> records(String group, List<String> topics, Start start) {
        if (start != Start.LATEST) {
            return delegate.records(group, topics, start);
        }
        return Mono.fromCallable(() -> positions.startUnpositionedAtEnd(group))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Group {}: {} partition(s) without a position start at their end", group, count);
                    }
                    positioned.accept(group);
                })
                .thenMany(Flux.defer(() -> delegate.records(group, topics, start)));
    }
}
