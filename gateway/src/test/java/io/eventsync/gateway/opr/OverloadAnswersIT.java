package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.http.RequestAdmission;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OmiForwarder.Outcome;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.KafkaBroker;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway serving all the requests it may (here one, held by a client that sends its body slowly)
 * sheds the next before reading it. OMi must not turn that into one request per event: a bulk is
 * answered so that it comes back as a bulk, a single event with 503 and Retry-After.
 */
class OverloadAnswersIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("overload-answers");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.max-concurrent-requests", () -> "1");
    }

    @Autowired
    RequestAdmission admission;

    private static OprNode event(String id) {
        return OprNode.branch("event", OprNode.leaf("id", id), OprNode.leaf("title", "event " + id));
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML_COLLECTION", "XML", "JSON_BARE", "JSON_WRAPPED"})
    void aBulkShedUnderOverloadComesBackAsABulkAndASingleEventAfterRetryAfter(WireFormat format) throws Exception {
        try (OmiForwarder omi = OmiSide.forwarder(port, format, EventRefStyle.TARGET_IDS)) {
            List<OprNode> bulk = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bulk.add(event(UUID.randomUUID().toString()));
            }
            String single = UUID.randomUUID().toString();
            try (Socket slow = holdTheOnlySlot()) {
                omi.forwardEvents(bulk);
                omi.forwardEvent(event(single));

                ForwardingTally shed = omi.tally();
                System.out.println(shed);
                assertThat(shed.bulkAnswers()).containsOnlyKeys(200);
                assertThat(shed.itemsLeftOut()).isEqualTo(10);
                assertThat(shed.singleAnswers()).containsOnlyKeys(503);
                assertThat(omi.eventOutcome(single)).contains(Outcome.PENDING);
            }

            assertThat(omi.settle(Duration.ofSeconds(30))).isTrue();
            ForwardingTally tally = omi.tally();
            System.out.println(tally);
            assertThat(tally.eventsAcknowledged()).isEqualTo(11);
            assertThat(tally.bulkSplits()).as("bulks OMi split into single requests").isZero();
            assertThat(tally.singleAnswered(200, 299)).isEqualTo(1);
        }
    }

    /** A connected server's POST whose body never comes: it holds the one request slot until closed. */
    private Socket holdTheOnlySlot() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        String credentials = Base64.getEncoder().encodeToString((SERVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        out.write(("POST /opr/event HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/xml\r\nContent-Length: 1000\r\n\r\n<event>")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Await.until(() -> admission.inProgress() == 1, Duration.ofSeconds(10), "the slow request to be admitted");
        return socket;
    }
}
