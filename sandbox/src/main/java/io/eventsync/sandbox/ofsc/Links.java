package io.eventsync.sandbox.ofsc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ArrayNode;

/** The API's paths, and the {@code links} arrays OFSC puts in its answers (absolute, as the reference shows). */
final class Links {

    static final String CORE = "/rest/ofscCore/v1/";
    static final String EVENTS = CORE + "events";
    static final String SUBSCRIPTIONS = EVENTS + "/subscriptions";
    static final String CATALOG = CORE + "metadata-catalog/events";
    static final String TOKEN = "/rest/oauthTokenService/v2/token";
    static final String STATUS = "/sim/status";

    private Links() {
    }

    static void add(ArrayNode links, String rel, String href) {
        links.addObject().put("rel", rel).put("href", href);
    }

    /** {@code <origin>/rest/ofscCore/v1/events?subscriptionId=...&name=value[&limit=n]}, values encoded. */
    static String events(String origin, String subscriptionId, String name, String value, String limit) {
        StringBuilder href = new StringBuilder(origin).append(EVENTS)
                .append("?subscriptionId=").append(encode(subscriptionId))
                .append('&').append(name).append('=').append(encode(value));
        if (limit != null) {
            href.append("&limit=").append(encode(limit));
        }
        return href.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
