package io.eventsync.gateway.publish;

/**
 * An item whose record Kafka would refuse for its size ({@code max.request.size}): refused before
 * anything of the request is sent, since sending it would fail on every retry OMi makes.
 */
public final class RecordTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final long bytes;
    private final long max;

    public RecordTooLargeException(int index, long bytes, long max) {
        super("item " + index + " of the request is " + bytes + " bytes as a Kafka record; the topic takes at most "
                + max);
        this.index = index;
        this.bytes = bytes;
        this.max = max;
    }

    /** The same refusal for the item at {@code newIndex} of the request as sent. */
    public RecordTooLargeException at(int newIndex) {
        return new RecordTooLargeException(newIndex, bytes, max);
    }

    /** The item's place in the request, from 0. */
    public int index() {
        return index;
    }
}
