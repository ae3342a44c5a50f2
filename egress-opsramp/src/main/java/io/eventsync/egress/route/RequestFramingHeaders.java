package io.eventsync.egress.route;

import java.util.Locale;
import java.util.Set;

/**
 * Request headers a route may not set. The egress policy judges the URL's host; {@code Host}
 * would send the call to another virtual host than the one judged (or, through a proxy, another
 * server), and the framing and hop-by-hop headers would let a route split one request into two
 * (request smuggling) or hold the connection in a state egress did not choose. The HTTP client
 * sets each of them from the request itself.
 */
public final class RequestFramingHeaders {

    /** For messages: the names refused, as a client would write them. */
    public static final String LISTED = "Host, Content-Length, Transfer-Encoding, Connection, Upgrade, TE, Trailer, "
            + "Expect, Keep-Alive, Proxy-*";

    private static final Set<String> NAMES = Set.of("host", "content-length", "transfer-encoding", "connection",
            "upgrade", "te", "trailer", "expect", "keep-alive");

    private RequestFramingHeaders() {
    }

    /** Whether {@code name} (any case) is one of them; {@code Proxy-*} covers Proxy-Authorization too. */
    public static boolean contains(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || lower.startsWith("proxy-");
    }
}
