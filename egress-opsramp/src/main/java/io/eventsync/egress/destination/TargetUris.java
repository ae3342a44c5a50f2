package io.eventsync.egress.destination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target URL as seed 002's samples write them: {@code www.google.com/update}, with no
 * scheme, is {@code https://www.google.com/update}. An endpoint that is a path ({@code /alerts})
 * is relative to its notifier's {@code baseURI}.
 *
 * <p>Each text is read one way only. A text that starts with a scheme ({@code file:/etc/passwd},
 * {@code jar:file:...}) is never read as a scheme-less host ({@code https://file:/...}, host
 * {@code file}); {@code localhost:8082/x} is a host and port, not the scheme {@code localhost}.
 * A network-path reference ({@code //host/x}) is neither a path nor a URL: resolved against a
 * base it would replace the base's host.
 */
public final class TargetUris {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern HOST_AND_PORT = Pattern.compile("^[^:/?#\\[\\]@]+:[0-9]+([/?#]|$)");

    private TargetUris() {
    }

    /** Where a route's requests go: its endpoint, resolved against the notifier's base when it is a path. */
    public static Optional<URI> resolve(String endpoint, String base) {
        if (endpoint == null || endpoint.isBlank()) {
            return parse(base);
        }
        if (isPath(endpoint)) {
            return parse(base).flatMap(uri -> underBase(uri, endpoint.trim()));
        }
        return parse(endpoint);
    }

    /** {@code /alerts}: relative to the notifier's base. Not {@code //host/alerts}, see {@link #isNetworkPath}. */
    public static boolean isPath(String endpoint) {
        return endpoint != null && endpoint.trim().startsWith("/") && !isNetworkPath(endpoint);
    }

    /** {@code //host/x}: resolved against a base, it names another host. */
    public static boolean isNetworkPath(String endpoint) {
        return endpoint != null && endpoint.trim().startsWith("//");
    }

    /** Whether a {@link #isPath path} endpoint is a URI path (and query) that stays on the base's host. */
    public static boolean isValidPath(String endpoint) {
        try {
            URI relative = new URI(endpoint.trim());
            return relative.getScheme() == null && relative.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The scheme {@code text} starts with, if it starts with one (a host and port is none). */
    public static Optional<String> scheme(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher scheme = SCHEME.matcher(trimmed);
        return scheme.find() && !HOST_AND_PORT.matcher(trimmed).find() ? Optional.of(scheme.group(1))
                : Optional.empty();
    }

    /** {@code http://host/opr} + {@code /event} is {@code http://host/opr/event}, never another host. */
    private static Optional<URI> underBase(URI base, String path) {
        String basePath = base.getPath() == null ? "" : base.getPath();
        String joined = basePath.isEmpty() || basePath.equals("/") ? path : basePath.replaceAll("/+$", "") + path;
        try {
            URI resolved = base.resolve(new URI(joined));
            return sameAuthority(base, resolved) ? Optional.of(resolved) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sameAuthority(URI base, URI resolved) {
        return base.getRawAuthority() != null && base.getRawAuthority().equals(resolved.getRawAuthority());
    }

    /** The URL {@code text} names, with a host; empty when it names none. */
    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (isNetworkPath(trimmed)) {
            return Optional.empty();
        }
        String withScheme = scheme(trimmed).isPresent() ? trimmed : "https://" + trimmed;
        try {
            URI uri = new URI(withScheme);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
