package io.eventsync.egress.delivery;

/**
 * What a pipeline makes of one record: send it (as {@code item}, with {@code body}), pass it
 * (not for this pipeline: acknowledged at once), or refuse it (dead-lettered without a request).
 */
public record Selection<T>(Kind kind, T item, String body, String reason) {

    public enum Kind { DELIVER, PASS, REFUSE }

    public static <T> Selection<T> deliver(T item, String body) {
        return new Selection<>(Kind.DELIVER, item, body, null);
    }

    public static <T> Selection<T> pass() {
        return new Selection<>(Kind.PASS, null, null, null);
    }

    public static <T> Selection<T> refuse(String reason) {
        return new Selection<>(Kind.REFUSE, null, null, reason);
    }
}
