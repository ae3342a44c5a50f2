package io.eventsync.gateway.http;

/**
 * A request body larger than the gateway takes. It carries the body's first bytes, so that the
 * caller can still tell what kind of document it was (one event, or a bulk OMi should resend item by
 * item) without reading the rest.
 */
public final class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] head;

    BodyTooLargeException(String message, byte[] head) {
        super(message);
        this.head = head.clone();
    }

    /** The body's first bytes (at most {@link RequestBodies#HEAD_BYTES}). */
    public byte[] head() {
        return head.clone();
    }
}
