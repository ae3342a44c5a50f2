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

/** Event records are kept as they came and parsed once, when first looked up or changed. */
class EventReadModelTest {

    private final OprCodec codec = OprCodec.withDefaults();
    private final EventReadModel model = new EventReadModel(new EventChangeApplier(codec.jsonMapper()));
    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void anEventIsParsedOnlyWhenFirstLookedUp() {
        model.applyEvent("omi", "omi:e-1", () -> {
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
        model.applyEvent("omi", "omi:e-2", () ->
                OprRecord.ofEvent("omi", "omi:e-2", Instant.EPOCH, OprEvent.of("e-2", "CPU high", Severity.MINOR)));
        model.apply(OprRecord.ofChange("omi", "e-2", "omi:e-2", Instant.EPOCH, change(
                "{\"changed_properties\":{\"state_property_change\":{\"property_name\":\"state\","
                        + "\"current_value\":\"closed\"}}}")));

        assertThat(model.find("omi:e-2")).hasValueSatisfying(known ->
                assertThat(known.event().state()).isEqualTo(State.CLOSED));
    }

    @Test
    void aRecordThatCannotBeReadOrNamesAnotherEventCountsAsNeverSeen() {
        model.applyEvent("omi", "omi:bad", () -> {
            throw new IllegalArgumentException("not JSON");
        });
        model.applyEvent("omi", "omi:e-3", () ->
                OprRecord.ofEvent("omi", "omi:other", Instant.EPOCH, OprEvent.of("other", "x", Severity.MINOR)));

        assertThat(model.find("omi:bad")).isEmpty();
        assertThat(model.find("omi:e-3")).isEmpty();
        assertThat(model.find("omi:unknown")).isEmpty();
    }

    private OprEventChange change(String json) {
        return (OprEventChange) codec.read(json.getBytes(StandardCharsets.UTF_8), OprFormat.JSON, Expect.EVENT_CHANGES);
    }
}
