package io.eventsync.ingest.poll;

/** A subscription as ingest knows it: its configured name, OFSC's id, and the instance (host). */
record SubscriptionRef(String name, String id, String instance) {
}
