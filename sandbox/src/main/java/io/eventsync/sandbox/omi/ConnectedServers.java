package io.eventsync.sandbox.omi;

import io.eventsync.sandbox.receiver.BasicAuthorization;
import io.eventsync.sandbox.receiver.Credentials;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the synchronization web service: the connected servers configured in OMi, each by its name
 * and password over HTTP Basic (seed 001, prerequisite step 1). Anyone else gets OMi's Basic challenge.
 */
final class ConnectedServers {

    static final String CHALLENGE = "Basic realm=\"OMi\"";

    private final Map<String, Credentials> servers;

    ConnectedServers(Map<String, Credentials> servers) {
        this.servers = Map.copyOf(servers);
    }

    boolean knows(String name) {
        return servers.containsKey(name);
    }

    /** The connected server the header authenticates; a 401 with the challenge otherwise. */
    String authenticate(String authorization) {
        Optional<BasicAuthorization> basic = BasicAuthorization.parse(authorization);
        Credentials expected = basic.map(b -> servers.get(b.user())).orElse(null);
        if (expected == null || !expected.matches(basic.get().user(), basic.get().password())) {
            // One message for an unknown name and a wrong password, so a prober learns no names.
            throw SyncProblem.of(401, authorization == null ? "Authentication is required (HTTP Basic with a"
                    + " connected server's name and password)" : "The credentials are not valid",
                    Map.of("WWW-Authenticate", CHALLENGE));
        }
        return expected.name();
    }
}
