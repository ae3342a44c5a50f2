package io.eventsync.egress.destination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Reads a target URL as seed 002's samples write them: {@code www.google.com/update}, with no
 * scheme, is {@code https://www.google.com/update}. An endpoint that is a path ({@code /alerts})
 * is relative to its notifier's {@code baseURI}.
 */
public final class TargetUris {

    private TargetUris() {
    }

    /** Where a route's requests go: its endpoint, resolved against the notifier's base when it is a path. */
    public static Optional<URI> resolve(String endpoint, String base) {
        if (endpoint == null || endpoint.isBlank()) {
            return parse(base);
        }
        if (isPath(endpoint)) {
            return parse(base).map(uri -> uri.resolve(stripLeadingSlashIfBaseHasPath(uri, endpoint.trim())));
        }
        return parse(endpoint);
    }

    public static boolean isPath(String endpoint) {
        return endpoint != null && endpoint.trim().startsWith("/");
    }

    /** {@code http://host/opr} + {@code /event} is {@code http://host/opr/event}, not {@code http://host/event}. */
    private static String stripLeadingSlashIfBaseHasPath(URI base, String path) {
        String basePath = base.getPath() == null ? "" : base.getPath();
        return basePath.isEmpty() || basePath.equals("/") ? path
                : basePath.replaceAll("/+$", "") + path;
    }

    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        String withScheme = trimmed.matches("(?i)[a-z][a-z0-9+.-]*://.*") ? trimmed : "https://" + trimmed;
        try {
            URI uri = new URI(withScheme);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
