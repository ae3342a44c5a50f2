package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.topic.OprRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event on the topic with its changes applied, by external id. Built only from the topic
 * (never from a request before Kafka acknowledged it), so what {@code GET /event/{id}} shows is
 * what downstream subscribers see. Re-forwards of the same OMi event land on the same external
 * id and replace it: no second event.
 *
 * <p>An event is parsed when first looked up, not as it passes: nearly all are never looked up,
 * and parsing each one as the feed read it took a fifth of the gateway's CPU under bulk load
 * (docs/benchmarks.md).
 */
public final class EventReadModel {

    private static final Logger log = LoggerFactory.getLogger(EventReadModel.class);

    private final Map<String, Held> byExternalId = new ConcurrentHashMap<>();
    private final EventChangeApplier applier;

    public EventReadModel(EventChangeApplier applier) {
        this.applier = applier;
    }

    /**
     * An event record whose envelope headers say what it is, kept unparsed until looked up.
     *
     * @param parse reads the record; returns null, or throws, for one that cannot be read
     */
    public void applyEvent(String connectedServer, String externalId, Supplier<OprRecord> parse) {
        byExternalId.put(externalId, new Held(connectedServer, externalId, parse));
    }

    public void apply(OprRecord record) {
        if (record.externalId() == null || record.connectedServer() == null) {
            return;
        }
        switch (record.kind()) {
            case EVENT -> {
                if (record.event() != null) {
                    byExternalId.put(record.externalId(), new Held(new KnownEvent(record.connectedServer(),
                            record.omiEventId(), record.externalId(), record.event())));
                }
            }
            case EVENT_CHANGE -> byExternalId.computeIfPresent(record.externalId(), (id, held) -> {
                KnownEvent known = held.known();
                if (known == null) {
                    return null;
                }
                try {
                    return new Held(known.withEvent(applier.apply(known.event(), record.eventChange())));
                } catch (RuntimeException e) {
                    // Validated at intake; a record that still does not apply is skipped, not fatal.
                    log.warn("skipping change to {} that does not apply: {}", id, e.getMessage());
                    return held;
                }
            });
            default -> throw new IllegalStateException("unknown kind " + record.kind());
        }
    }

    public Optional<KnownEvent> find(String externalId) {
        Held held = byExternalId.get(externalId);
        return held == null ? Optional.empty() : Optional.ofNullable(held.known());
    }

    public int size() {
        return byExternalId.size();
    }

    /** An event as parsed, or its record until first asked for. */
    private static final class Held {

        private Supplier<OprRecord> record;
        private KnownEvent known;

        Held(KnownEvent known) {
            this.known = known;
        }

        Held(String connectedServer, String externalId, Supplier<OprRecord> record) {
            this.record = () -> {
                OprRecord read = record.get();
                if (read != null && (!connectedServer.equals(read.connectedServer())
                        || !externalId.equals(read.externalId()))) {
                    throw new IllegalStateException("its headers name another event than its value");
                }
                return read;
            };
        }

        /** Null for a record that could not be read, which then counts as never seen. */
        synchronized KnownEvent known() {
            if (record != null) {
                try {
                    OprRecord read = record.get();
                    if (read != null && read.event() != null) {
                        known = new KnownEvent(read.connectedServer(), read.omiEventId(), read.externalId(),
                                read.event());
                    }
                } catch (RuntimeException e) {
                    log.warn("skipping unreadable event record: {}", e.getMessage());
                }
                record = null;
            }
            return known;
        }
    }
}
