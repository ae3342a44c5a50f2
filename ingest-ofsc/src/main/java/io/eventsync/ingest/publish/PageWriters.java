package io.eventsync.ingest.publish;

/** Creates {@link PageWriter}s; the seam where tests or another Kafka library plug in. */
@FunctionalInterface
public interface PageWriters {

    PageWriter create(String transactionalId);
}
