package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A change that reaches the gateway before its read model has the event (another replica took the
 * event a moment ago, or this one's model lags) is answered so that OMi sends it again, never
 * refused. The model is made to lag on purpose: its reads wait for a megabyte or 1.5 s, and a lookup
 * waits 200 ms for it; a change comes right after its event.
 */
class ChangeBeforeReadModelIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("change-before-model");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.read-model-wait", () -> "200ms");
        registry.add("eventsync.kafka.properties.fetch.min.bytes", () -> "1048576");
        registry.add("eventsync.kafka.properties.fetch.max.wait.ms", () -> "1500");
    }

    private static OprNode event(String id) {
        return OprNode.branch("event", OprNode.leaf("id", id), OprNode.leaf("title", "event " + id),
                OprNode.leaf("state", "open"));
    }

    @Test
    void aChangeRightAfterItsEventIsTakenOnceTheReadModelHasTheEventAloneAndInBulk() {
        try (OmiForwarder omi = OmiSide.forwarder(port, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS)) {
            // The first request of a new gateway waits for the producer's metadata; the rounds after it do not.
            omi.forwardEvent(event(UUID.randomUUID().toString()));
            for (int round = 0; round < 5; round++) {
                String single = UUID.randomUUID().toString();
                String inBulk = UUID.randomUUID().toString();
                omi.forwardEvents(List.of(event(single), event(inBulk)));

                omi.forwardChange(OmiChange.of(UUID.randomUUID().toString(), single,
                        OmiChange.scalar("state", "closed", "open")));
                omi.forwardChanges(List.of(OmiChange.of(UUID.randomUUID().toString(), inBulk,
                        OmiChange.scalar("state", "closed", "open"))));
            }

            assertThat(omi.settle(Duration.ofSeconds(30))).isTrue();
            ForwardingTally tally = omi.tally();
            System.out.println(tally);
            assertThat(tally.changesAcknowledged()).isEqualTo(10);
            assertThat(tally.changesFailed()).isZero();
        }
    }
}
