package io.eventsync.sandbox.receiver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Each test against its own simulator on a free port, closed after it, and a client for it. */
abstract class ReceiverFixture {

    ReceiverSimulator simulator;
    ReceiverClient client;

    /** What the simulator of this class runs with; the port is already 0. */
    ReceiverSimulatorSettings.Builder settings(ReceiverSimulatorSettings.Builder defaults) {
        return defaults;
    }

    @BeforeEach
    final void startSimulator() {
        simulator = ReceiverSimulator.start(settings(ReceiverSimulatorSettings.builder().port(0)).build());
        client = ReceiverClient.of(simulator);
    }

    @AfterEach
    final void closeSimulator() {
        simulator.close();
    }
}
