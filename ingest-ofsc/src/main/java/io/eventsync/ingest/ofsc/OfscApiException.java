package io.eventsync.ingest.ofsc;

import java.time.Duration;
import java.util.Optional;

/** A failed OFSC call, classified. Carries OFSC's problem detail, never a credential. */
public final class OfscApiException extends RuntimeException {

    private final OfscFailure failure;
    private final int status;
    private final Duration retryAfter;

    OfscApiException(OfscFailure failure, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public OfscFailure failure() {
        return failure;
    }

    /** The HTTP status, or 0 when there was no answer (I/O error, timeout). */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
