package io.eventsync.ingest.poll;

/**
 * What health reports for one subscription.
 *
 * @param state STARTING, POLLING, RETRYING (a transient failure, waiting), STOPPED (needs a person)
 * @param detail the last failure, never a credential
 */
public record SubscriptionStatus(String subscription, State state, String detail) {

    public enum State { STARTING, POLLING, RETRYING, STOPPED }
}
