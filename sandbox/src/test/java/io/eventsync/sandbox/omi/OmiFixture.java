package io.eventsync.sandbox.omi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test against its own simulator on a free port with two connected servers, so "forwarded to another
 * server" can be tested, and a client authenticated as the first.
 */
abstract class OmiFixture {

    static final String SERVER = "omi";
    static final String PASSWORD = "omi-sandbox";
    static final String OTHER_SERVER = "service-manager";
    static final String OTHER_PASSWORD = "sm-secret";

    OmiSimulator omi;
    SyncClient client;

    /** What the simulator of this class runs with; the port and the two servers are already set. */
    OmiSimulatorSettings.Builder settings(OmiSimulatorSettings.Builder defaults) {
        return defaults;
    }

    @BeforeEach
    final void startSimulator() {
        omi = OmiSimulator.start(settings(OmiSimulatorSettings.builder().port(0)
                .connectedServer(OTHER_SERVER, OTHER_PASSWORD)).build());
        client = SyncClient.of(omi, SERVER, PASSWORD);
    }

    @AfterEach
    final void closeSimulator() {
        omi.close();
    }
}
