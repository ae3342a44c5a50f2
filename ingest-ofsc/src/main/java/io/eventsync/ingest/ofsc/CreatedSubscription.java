package io.eventsync.ingest.ofsc;

/** What "Create subscription" answers: the id and the initial page marker. */
public record CreatedSubscription(String subscriptionId, String nextPage) {
}
