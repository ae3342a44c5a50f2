package io.eventsync.sandbox.receiver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the simulators listen: 127.0.0.1, so tests and the local run are reachable from this
 * machine only; in a container (docker-compose.yml) {@code -Deventsync.sim.bind-address=0.0.0.0},
 * so the other containers reach them.
 */
public final class BindAddress {

    public static final String PROPERTY = "eventsync.sim.bind-address";

    private BindAddress() {
    }

    public static InetAddress get() {
        String chosen = System.getProperty(PROPERTY, "127.0.0.1");
        try {
            return InetAddress.getByName(chosen);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(PROPERTY + " is not an address: " + chosen, e);
        }
    }
}
