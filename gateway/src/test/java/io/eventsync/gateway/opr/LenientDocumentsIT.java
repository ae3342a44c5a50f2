package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events as OMi may write them, which the OPR data model allows but a strict reader would refuse or
 * flatten: enumerations in another case, times without an offset, every value a string, structured
 * and unknown elements at any depth. Each is acknowledged and lands on the topic carrying the data OMi
 * sent (judged by the OMi model's own reading).
 */
class LenientDocumentsIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("lenient");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    private static OprNode event(String id) {
        return OprNode.branch("event",
                OprNode.leaf("id", id),
                OprNode.leaf("title", "Disk full"),
                OprNode.leaf("severity", "Critical"),
                OprNode.leaf("priority", "HIGH"),
                OprNode.leaf("state", "Open"),
                OprNode.leaf("time_created", "2026-12-01T10:00:00"),
                OprNode.leaf("time_received", "2026-12-01T10:00:01.250"),
                OprNode.leaf("duplicate_count", "3"),
                OprNode.leaf("log_only", "false"),
                OprNode.branch("assigned_user", OprNode.leaf("id", "7"), OprNode.leaf("login_name", "jdoe"),
                        OprNode.leaf("email", "jdoe@example.com")),
                OprNode.branch("related_ci", OprNode.branch("configuration_item", OprNode.leaf("id", "ci-1"),
                        OprNode.leaf("type", "host"), OprNode.leaf("cmdb_state", "production"))),
                OprNode.branch("control_transferred_to", OprNode.leaf("dns_name", "sm.example.com"),
                        OprNode.leaf("type", "external"), OprNode.leaf("state", "transferred")),
                OprNode.branch("custom_attribute_list", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Location"), OprNode.leaf("value", "Berlin"),
                        OprNode.leaf("origin", "rule"))),
                OprNode.branch("future_structure", OprNode.branch("inner", OprNode.leaf("deep", "kept"))));
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML", "JSON_WRAPPED", "JSON_BARE"})
    void anEventAsOmiMayWriteItIsAcknowledgedAndPublishedWithAllItCarries(WireFormat format) {
        try (OmiForwarder omi = OmiSide.forwarder(port, format, EventRefStyle.TARGET_IDS)) {
            omi.forwardEvent(event(UUID.randomUUID().toString()));
            omi.forwardEvents(List.of(event(UUID.randomUUID().toString()), event(UUID.randomUUID().toString())));

            assertThat(omi.settle(Duration.ofSeconds(30))).isTrue();
            ForwardingTally tally = omi.tally();
            System.out.println(tally);
            assertThat(tally.eventsAcknowledged()).isEqualTo(3);
            assertThat(tally.eventsFailed()).isZero();
            OmiSide.assertAcknowledgedEventsOnTopicAsSent(omi, OmiSide.topic(bootstrap(), topic()));
        }
    }
}
