package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.OprRecord;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest events on the topic with their changes applied, by external id. Built only from the
 * topic (never from a request before Kafka acknowledged it), so what {@code GET /event/{id}} shows
 * is what downstream subscribers see. Re-forwards of the same OMi event land on the same external
 * id and replace it: no second event.
 *
 * <p>Bounded: it holds at most {@code maxEvents}, and beyond that forgets a closed event first (the
 * one closed longest ago), and only when none is held the open event forwarded or changed longest
 * ago. A forgotten event is then as unknown as one never forwarded. Without the bound the gateway's
 * heap grew with every event ever forwarded (decision 0011). Whether an event is closed comes from
 * its record's {@code eventsync-opr-state} header, and from its changes as they apply.
 *
 * <p>An event is parsed when first looked up, not as it passes: nearly all are never looked up,
 * and parsing each one as the feed read it took a fifth of the gateway's CPU under bulk load
 * (docs/benchmarks.md). One thread (the feed) writes; any may read.
 */
public final class EventReadModel {

    private static final Logger log = LoggerFactory.getLogger(EventReadModel.class);

    /** Insertion order, oldest first: an event moves to the end when forwarded again or changed. */
    private final Map<String, Held> open = new LinkedHashMap<>();
    private final Map<String, Held> closed = new LinkedHashMap<>();
    private final int maxEvents;
    private final EventChangeApplier applier;
    private final AtomicLong forgottenClosed = new AtomicLong();
    private final AtomicLong forgottenOpen = new AtomicLong();

    /**
     * @param maxEvents how many events it holds at most
     */
    public EventReadModel(EventChangeApplier applier, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
        }
        this.applier = applier;
        this.maxEvents = maxEvents;
    }

    /**
     * An event record whose envelope headers say what it is, kept unparsed until looked up.
     *
     * @param closedWhenForwarded whether its headers say the event was closed when OMi forwarded it
     * @param parse reads the record; returns null, or throws, for one that cannot be read
     */
    public void applyEvent(String connectedServer, String externalId, boolean closedWhenForwarded,
                           Supplier<OprRecord> parse) {
        hold(externalId, new Held(connectedServer, externalId, parse), closedWhenForwarded);
    }

    public void apply(OprRecord record) {
        if (record.externalId() == null || record.connectedServer() == null) {
            return;
        }
        switch (record.kind()) {
            case EVENT -> {
                if (record.event() != null) {
                    hold(record.externalId(), new Held(new KnownEvent(record.connectedServer(),
                            record.omiEventId(), record.externalId(), record.event())), isClosed(record.event()));
                }
            }
            case EVENT_CHANGE -> {
                Held held = held(record.externalId());
                KnownEvent known = held == null ? null : held.known();
                if (known == null) {
                    return;
                }
                try {
                    OprEvent changed = applier.apply(known.event(), record.eventChange());
                    hold(record.externalId(), new Held(known.withEvent(changed)), isClosed(changed));
                } catch (RuntimeException e) {
                    // Validated at intake; a record that still does not apply is skipped, not fatal.
                    log.warn("skipping change to {} that does not apply: {}", record.externalId(), e.getMessage());
                }
            }
            default -> throw new IllegalStateException("unknown kind " + record.kind());
        }
    }

    public Optional<KnownEvent> find(String externalId) {
        Held held = held(externalId);
        return held == null ? Optional.empty() : Optional.ofNullable(held.known());
    }

    public synchronized int size() {
        return open.size() + closed.size();
    }

    /** How many events it has forgotten to stay within its bound, since start. */
    public long forgotten() {
        return forgottenClosed.get() + forgottenOpen.get();
    }

    /** How many of those were closed. */
    public long forgottenClosed() {
        return forgottenClosed.get();
    }

    /**
     * How many of those were open: a bound that forgets open events is lower than what OMi holds
     * open, and changes to them are refused as for unknown events.
     */
    public long forgottenOpen() {
        return forgottenOpen.get();
    }

    /** Parsing happens outside this lock, in {@link Held#known()}: only the maps are guarded. */
    private synchronized Held held(String externalId) {
        Held held = open.get(externalId);
        return held != null ? held : closed.get(externalId);
    }

    private synchronized void hold(String externalId, Held held, boolean isClosed) {
        // Removed first, so that the event moves to the young end of its order.
        open.remove(externalId);
        closed.remove(externalId);
        (isClosed ? closed : open).put(externalId, held);
        while (open.size() + closed.size() > maxEvents) {
            boolean anyClosed = !closed.isEmpty();
            Iterator<Held> eldest = (anyClosed ? closed : open).values().iterator();
            eldest.next();
            eldest.remove();
            (anyClosed ? forgottenClosed : forgottenOpen).incrementAndGet();
        }
    }

    private static boolean isClosed(OprEvent event) {
        return event.state() == State.CLOSED;
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
