package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.topic.OprRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event on the topic with its changes applied, by external id. Built only from the topic
 * (never from a request before Kafka acknowledged it), so what {@code GET /event/{id}} shows is
 * what downstream subscribers see. Re-forwards of the same OMi event land on the same external
 * id and replace it: no second event.
 */
public final class EventReadModel {

    private static final Logger log = LoggerFactory.getLogger(EventReadModel.class);

    private final Map<String, KnownEvent> byExternalId = new ConcurrentHashMap<>();
    private final EventChangeApplier applier;

    public EventReadModel(EventChangeApplier applier) {
        this.applier = applier;
    }

    public void apply(OprRecord record) {
        if (record.externalId() == null || record.connectedServer() == null) {
            return;
        }
        switch (record.kind()) {
            case EVENT -> {
                if (record.event() != null) {
                    byExternalId.put(record.externalId(), new KnownEvent(record.connectedServer(),
                            record.omiEventId(), record.externalId(), record.event()));
                }
            }
            case EVENT_CHANGE -> byExternalId.computeIfPresent(record.externalId(), (id, known) -> {
                try {
                    return known.withEvent(applier.apply(known.event(), record.eventChange()));
                } catch (RuntimeException e) {
                    // Validated at intake; a record that still does not apply is skipped, not fatal.
                    log.warn("skipping change to {} that does not apply: {}", id, e.getMessage());
                    return known;
                }
            });
            default -> throw new IllegalStateException("unknown kind " + record.kind());
        }
    }

    public Optional<KnownEvent> find(String externalId) {
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    public int size() {
        return byExternalId.size();
    }
}
