package io.eventsync.bench;

/**
 * One drain: the measured iteration and what the receiver and the dead-letter topic account for.
 *
 * @param received events the receiver took, repeats included
 * @param distinct different events among them
 * @param deadLettered records egress wrote to the dead-letter topic
 * @param deliveredAndDeadLettered events among those that the receiver has too (an answer egress could
 *     not read makes it retry what was taken)
 * @param lost events neither the receiver nor the dead-letter topic has: must be 0
 * @param startupSeconds from starting egress to the receiver's first request
 */
record EgressOutcome(Iteration iteration, long received, long distinct, long deadLettered,
        long deliveredAndDeadLettered, long lost,
        double startupSeconds) {

    long duplicates() {
        return received - distinct;
    }
}
