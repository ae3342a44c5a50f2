package io.eventsync.ingest.publish;

/** A newer writer with the same transactional id exists: this one must stop, not retry. */
public final class WriterFencedException extends RuntimeException {

    public WriterFencedException(String transactionalId, Throwable cause) {
        super("another poller took over transactional id " + transactionalId, cause);
    }
}
