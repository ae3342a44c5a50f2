package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.testkit.KafkaBroker;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A body that does not arrive within {@code request-read-timeout}: the connection is closed without an
 * answer, which OMi takes as a send that failed and makes again. Any 4xx here (a 408 is what HTTP offers)
 * would have OMi fail the event, or every event of the bulk, for good.
 */
class SlowBodiesIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("slow-bodies");
    private static final String NS = "http://www.hp.com/2009/software/opr/data_model";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.request-read-timeout", () -> "1s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bulk whose body stalls | <event_list xmlns=\"" + NS + "\"><event><id>slow-1</id></event><event>",
            "one event whose body stalls | <event xmlns=\"" + NS + "\"><id>slow-2</id><title>"})
    void aStalledBodyEndsTheConnectionWithoutAnAnswer(String name, String start) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            String credentials = Base64.getEncoder().encodeToString((SERVER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("POST /opr/event HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/xml\r\nContent-Length: 10000\r\n\r\n" + start)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Bounded wait, not a threshold: the gateway ends it after 1 s.
            socket.setSoTimeout(15_000);
            String answer;
            try {
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketException reset) {
                answer = "";
            }
            assertThat(answer).as("%s: what the gateway wrote before closing", name).isEmpty();
        }
    }
}
