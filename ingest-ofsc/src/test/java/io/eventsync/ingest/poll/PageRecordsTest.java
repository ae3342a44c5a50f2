package io.eventsync.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.ofsc.EventFingerprint;
import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscCheckpointSerde;
import io.eventsync.ingest.ofsc.EventPage;
import io.eventsync.ingest.publish.OutgoingRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PageRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SubscriptionRef SUBSCRIPTION = new SubscriptionRef("field", "sub-1", "sandbox");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final PageRecords records = new PageRecords("ofsc.events", "ofsc.checkpoints", JSON);

    @Test
    void eachEventIsKeyedByItsEntityWithTheEnvelopeInHeadersAndTheCheckpointComesLast() {
        EventPage page = new EventPage("m1", List.of(activity(7, "2026-11-25 09:00:00", 1),
                activity(8, "2026-11-25 09:00:01", 2)), "m2");

        PageRecords.Outcome outcome = records.build(SUBSCRIPTION, PollPosition.startingAt("m1"), page, NOW);

        assertThat(outcome.records()).extracting(OutgoingRecord::topic)
                .containsExactly("ofsc.events", "ofsc.events", "ofsc.checkpoints");
        OutgoingRecord first = outcome.records().get(0);
        assertThat(first.key()).isEqualTo("activity:7");
        assertThat(JSON.readTree(first.value())).isEqualTo(page.items().get(0));
        assertThat(first.headers()).containsEntry("eventsync-ofsc-subscription", "sub-1")
                .containsEntry("eventsync-ofsc-event-type", "activityUpdated")
                .containsEntry("eventsync-ofsc-event-time", "2026-11-25T09:00:00Z")
                .containsEntry("eventsync-ofsc-page", "m1")
                .containsEntry("eventsync-ofsc-instance", "sandbox")
                .containsEntry("eventsync-source", "ofsc");
        OfscCheckpoint checkpoint = checkpointOf(outcome);
        assertThat(checkpoint.nextPage()).isEqualTo("m2");
        assertThat(checkpoint.lastEventTime()).isEqualTo("2026-11-25 09:00:01");
        assertThat(checkpoint.lastSecondFingerprints()).containsExactly(EventFingerprint.of(page.items().get(1)));
        assertThat(checkpoint.eventsProduced()).isEqualTo(2);
        assertThat(outcome.next().nextPage()).isEqualTo("m2");
        assertThat(outcome.producedByType()).containsEntry("activityUpdated", 2);
    }

    @Test
    void anEmptyPageWithTheSameMarkerCommitsNothingAndOneThatMovesCommitsOnlyTheCheckpoint() {
        PollPosition at = PollPosition.startingAt("m1");
        assertThat(records.build(SUBSCRIPTION, at, new EventPage("m1", List.of(), "m1"), NOW).records()).isEmpty();

        PageRecords.Outcome moved = records.build(SUBSCRIPTION, at, new EventPage("m1", List.of(), "m9"), NOW);
        assertThat(moved.records()).extracting(OutgoingRecord::topic).containsExactly("ofsc.checkpoints");
        assertThat(moved.next().nextPage()).isEqualTo("m9");
    }

    @Test
    void aRecoveryDoesNotProduceAgainWhatItAlreadyProducedInTheLastSecond() {
        JsonNode a = activity(1, "2026-11-25 09:00:05", 1);
        JsonNode b = activity(2, "2026-11-25 09:00:05", 2);
        JsonNode c = activity(3, "2026-11-25 09:00:05", 3);
        JsonNode d = activity(4, "2026-11-25 09:00:06", 4);
        PollPosition produced = records.build(SUBSCRIPTION, PollPosition.startingAt("m1"),
                new EventPage("m1", List.of(a, b), "m2"), NOW).next();

        PollPosition recovering = produced.recoveringAt("since-marker");
        PageRecords.Outcome outcome = records.build(SUBSCRIPTION, recovering,
                new EventPage("since-marker", List.of(a, b, c, d), "m3"), NOW);

        assertThat(outcome.skipped()).isEqualTo(2);
        assertThat(outcome.records()).hasSize(3);
        assertThat(outcome.records().subList(0, 2)).extracting(OutgoingRecord::key)
                .containsExactly("activity:3", "activity:4");
        assertThat(outcome.next().recovering()).isFalse();
        assertThat(outcome.next().eventsProduced()).isEqualTo(4);
    }

    @Test
    void outsideARecoveryIdenticalLookingEventsAreAllProduced() {
        JsonNode a = activity(1, "2026-11-25 09:00:05", 1);
        PollPosition produced = records.build(SUBSCRIPTION, PollPosition.startingAt("m1"),
                new EventPage("m1", List.of(a), "m2"), NOW).next();

        PageRecords.Outcome again = records.build(SUBSCRIPTION, produced, new EventPage("m2", List.of(a), "m3"), NOW);

        assertThat(again.skipped()).isZero();
        assertThat(again.records()).hasSize(2);
    }

    private static OfscCheckpoint checkpointOf(PageRecords.Outcome outcome) {
        OutgoingRecord last = outcome.records().get(outcome.records().size() - 1);
        return new OfscCheckpointSerde().deserializer().deserialize("ofsc.checkpoints", last.value());
    }

    private static JsonNode activity(int id, String time, int revision) {
        return JSON.readTree("{\"eventType\":\"activityUpdated\",\"time\":\"" + time + "\",\"user\":\"admin\","
                + "\"activityDetails\":{\"activityId\":" + id + "},\"activityChanges\":{\"XA_REVISION\":" + revision + "}}");
    }
}
