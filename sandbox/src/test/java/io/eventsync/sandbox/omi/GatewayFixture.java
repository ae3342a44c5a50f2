package io.eventsync.sandbox.omi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;

/** {@link OmiFixture} with OMi configured to forward to a {@link FakeGateway} as the first connected server. */
abstract class GatewayFixture extends OmiFixture {

    /** What the gateway should see on every forwarded request. */
    static final String OMI_BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((SERVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    FakeGateway gateway;

    @Override
    OmiSimulatorSettings.Builder settings(OmiSimulatorSettings.Builder defaults) {
        // The fixture starts the simulator before any @BeforeEach of a subclass runs, and its settings need
        // the gateway's URL: so the gateway starts here.
        gateway = FakeGateway.start();
        return defaults.gatewayUrl(gateway.oprUrl()).gatewayServer(SERVER);
    }

    @AfterEach
    final void closeGateway() {
        gateway.close();
    }
}
