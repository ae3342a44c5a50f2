package io.eventsync.ingest.publish;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Writes one page (its events and the checkpoint after them) as one Kafka transaction. One writer
 * per subscription, under a transactional id derived from the subscription's name: opening it
 * fences every older writer with that id, wherever it runs.
 */
public interface PageWriter extends AutoCloseable {

    /** Takes over the transactional id; an older writer's open transaction is aborted. */
    Mono<Void> open();

    /**
     * All records or none become visible to read_committed readers. Fails with
     * {@link WriterFencedException} once a newer writer has opened the same id.
     */
    Mono<Void> write(List<OutgoingRecord> records);

    @Override
    void close();
}
