package io.eventsync.gateway.publish;

/** More items are waiting for Kafka than the gateway will hold; the request is refused whole. */
public final class OverloadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OverloadedException(int inFlight, int requested) {
        this(requested + " item(s) refused: " + inFlight + " already waiting for Kafka");
    }

    public OverloadedException(String message) {
        super(message);
    }
}
