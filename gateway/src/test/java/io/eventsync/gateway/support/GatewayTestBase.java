package io.eventsync.gateway.support;

import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real gateway on a loopback port, publishing to a real broker (shared per JVM), on a topic of
 * its own per test class. Tests talk to it over HTTP as OMi would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

    public static final String SERVER = "omi";
    public static final String PASSWORD = "omi-sandbox";
    public static final String OTHER_SERVER = "omi-dr";
    public static final String OTHER_PASSWORD = "dr-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.core.env.Environment environment;

    protected WebTestClient omi;
    protected WebTestClient otherOmi;
    protected WebTestClient anonymous;

    protected static void gatewayProperties(DynamicPropertyRegistry registry, KafkaBroker broker, String topic) {
        registry.add("eventsync.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("eventsync.gateway.topic", () -> topic);
        // The read model's store, one per test class, under target/ where a clean build removes it.
        registry.add("eventsync.gateway.read-model-dir", () -> "target/read-model/" + topic);
        registry.add("eventsync.gateway.connected-servers[0].name", () -> SERVER);
        registry.add("eventsync.gateway.connected-servers[0].password", () -> PASSWORD);
        registry.add("eventsync.gateway.connected-servers[1].name", () -> OTHER_SERVER);
        registry.add("eventsync.gateway.connected-servers[1].password", () -> OTHER_PASSWORD);
    }

    protected static KafkaBroker sharedBroker() {
        return Brokers.shared();
    }

    @BeforeEach
    protected void clients() {
        anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port + "/opr")
                .responseTimeout(Duration.ofSeconds(30)).build();
        omi = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth(SERVER, PASSWORD)).build();
        otherOmi = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth(OTHER_SERVER, OTHER_PASSWORD)).build();
    }

    protected String topic() {
        return environment.getProperty("eventsync.gateway.topic");
    }

    protected String bootstrap() {
        return environment.getProperty("eventsync.kafka.bootstrap-servers");
    }

    public static String resource(String name) {
        try (InputStream in = GatewayTestBase.class.getResourceAsStream("/opr/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
