package io.eventsync.ingest.poll;

import io.eventsync.contracts.ofsc.EventFingerprint;
import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscCheckpointSerde;
import io.eventsync.contracts.ofsc.OfscEntityKeys;
import io.eventsync.contracts.ofsc.OfscTime;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.ingest.ofsc.EventPage;
import io.eventsync.ingest.publish.OutgoingRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one page into the records of its transaction: each event (key = its entity, value = the
 * event as OFSC sent it, envelope in headers) and, last, the checkpoint that follows them.
 */
final class PageRecords {

    static final String EVENT_SCHEMA = "eventsync.ofsc-event/v1";
    /** Bounds the checkpoint's size; beyond it a since recovery may repeat events of that one second. */
    static final int MAX_FINGERPRINTS = 10_000;

    private final String eventTopic;
    private final String checkpointTopic;
    private final JsonMapper json;
    private final OfscCheckpointSerde checkpoints = new OfscCheckpointSerde();

    PageRecords(String eventTopic, String checkpointTopic, JsonMapper json) {
        this.eventTopic = eventTopic;
        this.checkpointTopic = checkpointTopic;
        this.json = json;
    }

    /**
     * The records to write and the position after them; no records when there is nothing new to
     * commit (no events and the same marker).
     */
    Outcome build(SubscriptionRef subscription, PollPosition position, EventPage page, Instant now) {
        List<OutgoingRecord> records = new ArrayList<>(page.items().size() + 1);
        Map<String, Integer> producedByType = new HashMap<>();
        boolean recovering = position.recovering();
        Set<String> skippable = recovering ? Set.copyOf(position.lastSecondFingerprints()) : Set.of();
        String lastTime = position.lastEventTime();
        Optional<Instant> lastInstant = OfscTime.parse(lastTime);
        LinkedHashSet<String> lastSecond = new LinkedHashSet<>(position.lastSecondFingerprints());
        int skipped = 0;

        for (JsonNode event : page.items()) {
            String time = event.path("time").asString("");
            Optional<Instant> instant = OfscTime.parse(time);
            String fingerprint = EventFingerprint.of(event);
            if (recovering) {
                if (skippable.contains(fingerprint)) {
                    skipped++;
                    continue;
                }
                if (instant.isPresent() && lastInstant.isPresent() && instant.get().isAfter(lastInstant.get())) {
                    recovering = false;
                }
            }
            records.add(eventRecord(subscription, page, event, time, instant, now));
            producedByType.merge(event.path("eventType").asString("unknown"), 1, Integer::sum);
            if (instant.isPresent()) {
                if (lastInstant.isEmpty() || instant.get().isAfter(lastInstant.get())) {
                    lastInstant = instant;
                    lastTime = time;
                    lastSecond.clear();
                    lastSecond.add(fingerprint);
                } else if (instant.get().equals(lastInstant.get()) && lastSecond.size() < MAX_FINGERPRINTS) {
                    lastSecond.add(fingerprint);
                }
            }
        }

        int produced = records.size();
        boolean markerMoved = !page.nextPage().equals(position.nextPage());
        PollPosition next = new PollPosition(page.nextPage(), lastTime, List.copyOf(lastSecond),
                position.eventsProduced() + produced, now, recovering, false);
        if (produced == 0 && !markerMoved) {
            return new Outcome(List.of(), position, Map.of(), skipped);
        }
        records.add(checkpointRecord(OfscCheckpoint.of(subscription.id(), subscription.name(),
                subscription.instance(), next.nextPage(), next.lastEventTime(), next.lastSecondFingerprints(),
                next.eventsProduced(), now)));
        return new Outcome(records, next, producedByType, skipped);
    }

    /** The checkpoint alone: a subscription just created, before any page. */
    OutgoingRecord initialCheckpoint(SubscriptionRef subscription, String marker, Instant now) {
        return checkpointRecord(OfscCheckpoint.of(subscription.id(), subscription.name(), subscription.instance(),
                marker, null, List.of(), 0, now));
    }

    private OutgoingRecord checkpointRecord(OfscCheckpoint checkpoint) {
        return new OutgoingRecord(checkpointTopic, checkpoint.subscriptionId(),
                checkpoints.serializer().serialize(checkpointTopic, checkpoint), Map.of(
                        RecordHeaderNames.CONTENT_TYPE, "application/json",
                        RecordHeaderNames.SCHEMA, OfscCheckpoint.SCHEMA));
    }

    private OutgoingRecord eventRecord(SubscriptionRef subscription, EventPage page, JsonNode event, String time,
                                       Optional<Instant> instant, Instant now) {
        Map<String, String> headers = new HashMap<>();
        headers.put(RecordHeaderNames.CONTENT_TYPE, "application/json");
        headers.put(RecordHeaderNames.SCHEMA, EVENT_SCHEMA);
        headers.put(RecordHeaderNames.KIND, "event");
        headers.put(RecordHeaderNames.SOURCE, "ofsc");
        headers.put(RecordHeaderNames.OFSC_INSTANCE, subscription.instance());
        headers.put(RecordHeaderNames.OFSC_SUBSCRIPTION, subscription.id());
        headers.put(RecordHeaderNames.OFSC_EVENT_TYPE, event.path("eventType").asString(""));
        headers.put(RecordHeaderNames.OFSC_EVENT_TIME, instant.map(Instant::toString).orElse(time));
        headers.put(RecordHeaderNames.OFSC_PAGE, page.requestedPage());
        headers.put(RecordHeaderNames.RECEIVED_AT, now.toString());
        return new OutgoingRecord(eventTopic, OfscEntityKeys.keyOf(event, subscription.id()),
                json.writeValueAsBytes(event), headers);
    }

    /**
     * @param records the transaction's records, the checkpoint last; empty when nothing is to commit
     * @param next the position once they are committed
     * @param producedByType events produced, per event type
     * @param skipped events a recovery recognised as already produced
     */
    record Outcome(List<OutgoingRecord> records, PollPosition next, Map<String, Integer> producedByType, int skipped) {
    }
}
