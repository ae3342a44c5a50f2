package io.eventsync.gateway.publish;

/** Where the broker stored an acknowledged record. */
public record Acknowledgement(int partition, long offset) {
}
