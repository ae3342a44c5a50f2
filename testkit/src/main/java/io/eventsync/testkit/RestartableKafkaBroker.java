package io.eventsync.testkit;

/**
 * A broker a test can take down and bring back on the same address and the same data, to prove that
 * what Kafka acknowledged survives an outage and that clients recover from one.
 */
public interface RestartableKafkaBroker extends KafkaBroker {

    /** Starts the broker if it is not running and returns once it serves clients. */
    void start();

    /** Graceful shutdown, as an operator's restart would do it. No-op if not running. */
    void stop();

    /** SIGKILL, as a crashed or OOM-killed broker would go. No-op if not running. */
    void kill();

    boolean isRunning();
}
