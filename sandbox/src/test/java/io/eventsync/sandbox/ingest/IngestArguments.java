package io.eventsync.sandbox.ingest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments for one ingest-ofsc run in a test: its own topics and transactional ids,
 * short poll intervals, and the subscriptions to read. The same list starts it in-process or as a
 * separate JVM.
 */
final class IngestArguments {

    /** Keyed, so a later {@link #set} replaces a default instead of binding both as a comma-joined value. */
    private final Map<String, String> arguments = new LinkedHashMap<>();
    private int subscriptions;

    IngestArguments(String bootstrap, URI ofsc, String topic, String checkpointTopic, String transactionalIdPrefix) {
        add("server.port", "0");
        add("eventsync.kafka.bootstrap-servers", bootstrap);
        add("eventsync.ofsc.instance-url", ofsc.toString());
        add("eventsync.ofsc.instance", "sandbox");
        add("eventsync.ofsc.client-id", "eventsync");
        add("eventsync.ofsc.client-secret", "ofsc-sandbox");
        add("eventsync.ofsc.request-timeout", "5s");
        add("eventsync.ingest.topic", topic);
        add("eventsync.ingest.checkpoint-topic", checkpointTopic);
        add("eventsync.ingest.transactional-id-prefix", transactionalIdPrefix);
        add("eventsync.ingest.poll.busy-interval", "100ms");
        add("eventsync.ingest.poll.quiet-interval", "500ms");
        add("eventsync.ingest.backoff.initial", "100ms");
        add("eventsync.ingest.backoff.max", "1s");
    }

    IngestArguments set(String key, String value) {
        return add(key, value);
    }

    /** Spring Boot binds a list from one source: these replace application.yml's, they do not add to it. */
    IngestArguments subscription(String name, List<String> eventTypes) {
        int i = subscriptions++;
        add("eventsync.ingest.subscriptions[" + i + "].name", name);
        return add("eventsync.ingest.subscriptions[" + i + "].event-types", String.join(",", eventTypes));
    }

    IngestArguments existingSubscription(String name, String id) {
        int i = subscriptions++;
        add("eventsync.ingest.subscriptions[" + i + "].name", name);
        return add("eventsync.ingest.subscriptions[" + i + "].id", id);
    }

    String[] toArray() {
        return arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private IngestArguments add(String key, String value) {
        arguments.put(key, value);
        return this;
    }
}
