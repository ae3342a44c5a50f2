package io.eventsync.contracts.topic;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id eventsync gives an OMi event. It is a name-based UUID of (connected server, OMi event
 * id), so a forward that OMi retries, on any gateway replica, after any restart, gets the same
 * id without any shared state.
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    public static String of(String connectedServer, String omiEventId) {
        // Length-prefixed so that no two (server, id) pairs spell the same name.
        byte[] name = (connectedServer.length() + ":" + connectedServer + omiEventId).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
