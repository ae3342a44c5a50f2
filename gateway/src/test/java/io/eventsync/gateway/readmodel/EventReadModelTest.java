package io.eventsync.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.OprRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Event records are kept as they came and parsed once, when first looked up or changed; the model
 * holds a bounded number and forgets closed events first, then the open one forwarded or changed
 * longest ago.
 */
class EventReadModelTest {

    private final OprCodec codec = OprCodec.withDefaults();
    private final EventReadModel model = new EventReadModel(new EventChangeApplier(codec.jsonMapper()), 1_000);
    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void anEventIsParsedOnlyWhenFirstLookedUp() {
        model.applyEvent("omi", "omi:e-1", false, () -> {
            parses.incrementAndGet();
            return OprRecord.ofEvent("omi", "omi:e-1", Instant.EPOCH, OprEvent.of("e-1", "Disk full", Severity.MAJOR));
        });
        assertThat(parses).hasValue(0);

        assertThat(model.find("omi:e-1")).hasValueSatisfying(known -> {
            assertThat(known.event().title()).isEqualTo("Disk full");
            assertThat(known.forwardedBy("omi")).isTrue();
        });
        assertThat(model.find("omi:e-1")).isPresent();
        assertThat(parses).hasValue(1);
    }

    @Test
    void aChangeAppliesToAnEventNotParsedYet() {
        model.applyEvent("omi", "omi:e-2", false, () ->
                OprRecord.ofEvent("omi", "omi:e-2", Instant.EPOCH, OprEvent.of("e-2", "CPU high", Severity.MINOR)));
        model.apply(OprRecord.ofChange("omi", "e-2", "omi:e-2", Instant.EPOCH, change(
                "{\"changed_properties\":{\"state_property_change\":{\"property_name\":\"state\","
                        + "\"current_value\":\"closed\"}}}")));

        assertThat(model.find("omi:e-2")).hasValueSatisfying(known ->
                assertThat(known.event().state()).isEqualTo(State.CLOSED));
    }

    @Test
    void aRecordThatCannotBeReadOrNamesAnotherEventCountsAsNeverSeen() {
        model.applyEvent("omi", "omi:bad", false, () -> {
            throw new IllegalArgumentException("not JSON");
        });
        model.applyEvent("omi", "omi:e-3", false, () ->
                OprRecord.ofEvent("omi", "omi:other", Instant.EPOCH, OprEvent.of("other", "x", Severity.MINOR)));

        assertThat(model.find("omi:bad")).isEmpty();
        assertThat(model.find("omi:e-3")).isEmpty();
        assertThat(model.find("omi:unknown")).isEmpty();
    }

    @Test
    void beyondItsBoundItForgetsTheEventForwardedLongestAgo() {
        EventReadModel small = new EventReadModel(new EventChangeApplier(codec.jsonMapper()), 3);
        for (int i = 1; i <= 5; i++) {
            forward(small, "e-" + i);
        }

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.forgotten()).isEqualTo(2);
        assertThat(small.find("omi:e-1")).isEmpty();
        assertThat(small.find("omi:e-2")).isEmpty();
        assertThat(small.find("omi:e-3")).isPresent();
        assertThat(small.find("omi:e-5")).isPresent();
    }

    @Test
    void anEventForwardedAgainOrChangedIsTheLastToBeForgotten() {
        EventReadModel small = new EventReadModel(new EventChangeApplier(codec.jsonMapper()), 3);
        forward(small, "e-1");
        forward(small, "e-2");
        forward(small, "e-3");
        forward(small, "e-1");
        small.apply(OprRecord.ofChange("omi", "e-2", "omi:e-2", Instant.EPOCH, change(
                "{\"changed_properties\":{\"string_property_change\":{\"property_name\":\"title\","
                        + "\"current_value\":\"changed\"}}}")));
        forward(small, "e-4");

        assertThat(small.find("omi:e-3")).isEmpty();
        assertThat(small.find("omi:e-1")).isPresent();
        assertThat(small.find("omi:e-2")).hasValueSatisfying(known ->
                assertThat(known.event().title()).isEqualTo("changed"));
        assertThat(small.find("omi:e-4")).isPresent();
        assertThat(small.forgotten()).isEqualTo(1);
    }

    @Test
    void closedEventsAreForgottenBeforeAnyOpenOneWhetherClosedWhenForwardedOrByAChange() {
        EventReadModel small = new EventReadModel(new EventChangeApplier(codec.jsonMapper()), 3);
        forward(small, "open-old");
        small.applyEvent("omi", "omi:closed-at-forward", true, () -> OprRecord.ofEvent("omi", "omi:closed-at-forward",
                Instant.EPOCH, OprEvent.of("closed-at-forward", "t", Severity.MINOR)));
        forward(small, "closed-by-change");
        small.apply(OprRecord.ofChange("omi", "closed-by-change", "omi:closed-by-change", Instant.EPOCH, change(
                "{\"changed_properties\":{\"state_property_change\":{\"property_name\":\"state\","
                        + "\"current_value\":\"closed\"}}}")));

        forward(small, "new-1");
        assertThat(small.find("omi:closed-at-forward")).isEmpty();
        assertThat(small.find("omi:open-old")).isPresent();
        forward(small, "new-2");
        assertThat(small.find("omi:closed-by-change")).isEmpty();
        assertThat(small.find("omi:open-old")).isPresent();
        forward(small, "new-3");
        assertThat(small.find("omi:open-old")).isEmpty();
        assertThat(small.find("omi:new-1")).isPresent();
        assertThat(small.forgotten()).isEqualTo(3);
    }

    private static void forward(EventReadModel target, String id) {
        target.applyEvent("omi", "omi:" + id, false, () ->
                OprRecord.ofEvent("omi", "omi:" + id, Instant.EPOCH, OprEvent.of(id, "title " + id, Severity.MINOR)));
    }

    private OprEventChange change(String json) {
        return (OprEventChange) codec.read(json.getBytes(StandardCharsets.UTF_8), OprFormat.JSON, Expect.EVENT_CHANGES);
    }
}
