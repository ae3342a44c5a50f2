package io.eventsync.egress.destination;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where eventsync may send events. Routes are defined through an API, so their URLs are untrusted:
 * without this, a route could make eventsync call its own cloud's metadata service or an internal
 * admin port (server-side request forgery).
 *
 * <ul>
 *   <li>link-local addresses, including every cloud metadata service, are always refused;</li>
 *   <li>loopback, private and unspecified addresses only when allowlisted;</li>
 *   <li>when an allowlist is configured, it is the only way out: every target must be on it.</li>
 * </ul>
 * An allowlist entry is a host name or address, optionally with {@code :port}. Host names are
 * judged by name here (the admin API must not depend on DNS); the delivery path judges the
 * addresses they resolve to with {@link #refusalOf(InetAddress, URI)}.
 *
 * <p>A route is judged twice. When it is defined ({@link #definitionRefusalOf}), what can never be
 * right is refused; a public host off the allowlist is not, because seed 002's own samples name
 * public hosts that a sandbox allowlist leaves out. When it delivers ({@link #refusalOf}), every
 * rule applies.
 */
public final class EgressPolicy {

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private static final String NOT_ALLOWLISTED = "the target is not on the allowlist (eventsync.egress.allowlist)";

    private final List<String> allowlist;

    public EgressPolicy(List<String> allowlist) {
        this.allowlist = allowlist.stream().map(entry -> entry.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public static EgressPolicy open() {
        return new EgressPolicy(List.of());
    }

    /** Why {@code target} is refused, judged by its URL alone; empty when it may be called. */
    public Optional<String> refusalOf(URI target) {
        return judge(target, true);
    }

    /** Why a route naming {@code target} cannot be defined: everything but the allowlist-only rule. */
    public Optional<String> definitionRefusalOf(URI target) {
        return judge(target, false);
    }

    private Optional<String> judge(URI target, boolean allowlistOnly) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https targets are allowed");
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the target has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (METADATA_NAMES.contains(host)) {
            return Optional.of("cloud metadata services are never a target");
        }
        Optional<InetAddress> literal = literalAddress(host);
        if (literal.isPresent()) {
            Optional<String> refusal = refusalOf(literal.get(), target);
            return allowlistOnly ? refusal : refusal.filter(reason -> !reason.equals(NOT_ALLOWLISTED));
        }
        boolean local = host.equals("localhost") || host.endsWith(".localhost");
        if (local && !allowlisted(target)) {
            return Optional.of("loopback targets must be allowlisted (eventsync.egress.allowlist)");
        }
        return allowlistOnly ? notOnTheAllowlist(target) : Optional.empty();
    }

    /** Why a target that resolved to {@code address} is refused; empty when it may be called. */
    public Optional<String> refusalOf(InetAddress address, URI target) {
        if (address.isLinkLocalAddress() || isMetadataAddress(address)) {
            return Optional.of("link-local and cloud metadata addresses are never a target");
        }
        boolean internal = address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || isUniqueLocal(address);
        if (internal && !allowlisted(target) && !allowlistedAddress(address, target)) {
            return Optional.of("loopback and private addresses must be allowlisted (eventsync.egress.allowlist)");
        }
        return allowlist.isEmpty() || allowlisted(target) || allowlistedAddress(address, target) ? Optional.empty()
                : Optional.of(NOT_ALLOWLISTED);
    }

    private Optional<String> notOnTheAllowlist(URI target) {
        return allowlist.isEmpty() || allowlisted(target) ? Optional.empty() : Optional.of(NOT_ALLOWLISTED);
    }

    private boolean allowlisted(URI target) {
        String host = target.getHost().toLowerCase(Locale.ROOT);
        int port = effectivePort(target);
        return allowlist.stream().anyMatch(entry -> entry.equals(host) || entry.equals(host + ":" + port));
    }

    private boolean allowlistedAddress(InetAddress address, URI target) {
        String ip = address.getHostAddress().toLowerCase(Locale.ROOT);
        int port = effectivePort(target);
        return allowlist.stream().anyMatch(entry -> entry.equals(ip) || entry.equals(ip + ":" + port));
    }

    private static int effectivePort(URI target) {
        if (target.getPort() != -1) {
            return target.getPort();
        }
        return "http".equalsIgnoreCase(target.getScheme()) ? 80 : 443;
    }

    private static boolean isMetadataAddress(InetAddress address) {
        byte[] bytes = address.getAddress();
        // fd00:ec2::254, AWS's IPv6 metadata address (169.254.169.254 is link-local already).
        return bytes.length == 16 && (bytes[0] & 0xff) == 0xfd && bytes[1] == 0 && (bytes[2] & 0xff) == 0x0e
                && (bytes[3] & 0xff) == 0xc2 && (bytes[15] & 0xff) == 0x54 && bytes[14] == 0x02;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** An IP literal parsed without any lookup; names are not resolved here. */
    private static Optional<InetAddress> literalAddress(String host) {
        boolean ipv4 = host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        boolean ipv6 = host.contains(":");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
