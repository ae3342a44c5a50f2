package io.eventsync.egress.destination;

import java.net.Inet6Address;
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
 * addresses they resolve to with {@link #refusalOf(InetAddress, URI)}, and again, on the address
 * it connects to, through {@link PolicyResolverGroup}.
 *
 * <p>A host is read one way only, whatever parser looks at it next: one trailing dot is dropped
 * ({@code localhost.} is {@code localhost}); a host that ends in a number must be an IPv4
 * address written {@code a.b.c.d} ({@link Ipv4Literal}); an IPv6 address may not carry a zone id
 * ({@code [fe80::1%25eth0]}), which names a local interface; an IPv6 address that carries an IPv4
 * one (IPv4-mapped, -compatible, NAT64, 6to4) is judged as that IPv4 address.
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
        this.allowlist = allowlist.stream().map(EgressPolicy::normalisedEntry).toList();
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
        String host = hostOf(target);
        if (host.isEmpty()) {
            return Optional.of("the target has no host");
        }
        int port = effectivePort(target);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.indexOf('%') >= 0) {
            return Optional.of("an IPv6 zone id (%) names a local network interface: never a target");
        }
        if (METADATA_NAMES.contains(bare)) {
            return Optional.of("cloud metadata services are never a target");
        }
        Optional<InetAddress> literal = Optional.empty();
        if (bare.indexOf(':') >= 0) {
            literal = ipv6Literal(bare);
            if (literal.isEmpty()) {
                return Optional.of("not an IPv6 address: " + bare);
            }
        } else if (Ipv4Literal.endsInANumber(bare)) {
            literal = Ipv4Literal.canonical(bare);
            if (literal.isEmpty()) {
                return Optional.of(ambiguousIpv4(bare));
            }
        }
        if (literal.isPresent()) {
            Optional<String> refusal = refusalOf(literal.get(), host, port);
            return allowlistOnly ? refusal : refusal.filter(reason -> !reason.equals(NOT_ALLOWLISTED));
        }
        boolean local = bare.equals("localhost") || bare.endsWith(".localhost");
        if (local && !allowlisted(host, port)) {
            return Optional.of("loopback targets must be allowlisted (eventsync.egress.allowlist)");
        }
        return allowlistOnly ? notOnTheAllowlist(host, port) : Optional.empty();
    }

    /** Why a target that resolved to {@code address} is refused; empty when it may be called. */
    public Optional<String> refusalOf(InetAddress address, URI target) {
        return refusalOf(address, hostOf(target), effectivePort(target));
    }

    /**
     * Why connecting to {@code address} for {@code host} (as the URL names it) and {@code port} is
     * refused; empty when it may be made.
     */
    public Optional<String> refusalOf(InetAddress address, String host, int port) {
        String name = normalisedHost(host);
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (judged.isLinkLocalAddress() || isMetadataAddress(address)) {
            return Optional.of("link-local and cloud metadata addresses are never a target");
        }
        boolean internal = judged.isLoopbackAddress() || judged.isSiteLocalAddress() || judged.isAnyLocalAddress()
                || isUniqueLocal(judged) || isThisNetworkOrShared(judged);
        boolean allowed = allowlisted(name, port) || allowlistedAddress(address, port);
        if (internal && !allowed) {
            return Optional.of("loopback and private addresses must be allowlisted (eventsync.egress.allowlist)");
        }
        return allowlist.isEmpty() || allowed ? Optional.empty() : Optional.of(NOT_ALLOWLISTED);
    }

    private Optional<String> notOnTheAllowlist(String host, int port) {
        return allowlist.isEmpty() || allowlisted(host, port) ? Optional.empty() : Optional.of(NOT_ALLOWLISTED);
    }

    private boolean allowlisted(String host, int port) {
        return allowlist.stream().anyMatch(entry -> entry.equals(host) || entry.equals(host + ":" + port));
    }

    private boolean allowlistedAddress(InetAddress address, int port) {
        String ip = address.getHostAddress().toLowerCase(Locale.ROOT);
        return allowlist.stream().anyMatch(entry -> entry.equals(ip) || entry.equals(ip + ":" + port));
    }

    /** The URL's host as judged: lower case, without one trailing dot; an IPv6 address keeps its brackets. */
    private static String hostOf(URI target) {
        return target.getHost() == null ? "" : normalisedHost(target.getHost());
    }

    /** {@code localhost.} is {@code localhost} to every resolver; judged as one, or the dot walks around the rules. */
    private static String normalisedHost(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String normalisedEntry(String entry) {
        String lower = entry.trim().toLowerCase(Locale.ROOT);
        return lower.replaceFirst("\\.(?=(:[0-9]+)?$)", "");
    }

    private static int effectivePort(URI target) {
        if (target.getPort() != -1) {
            return target.getPort();
        }
        return "http".equalsIgnoreCase(target.getScheme()) ? 80 : 443;
    }

    private static String ambiguousIpv4(String host) {
        String read = Ipv4Literal.asInetAton(host).map(InetAddress::getHostAddress)
                .map(address -> "; inet_aton reads it as " + address).orElse("");
        return "a host ending in a number must be an IPv4 address written as four decimal numbers (a.b.c.d), not '"
                + host + "'" + read;
    }

    /** An IPv6 literal, parsed without any lookup: in brackets, the JDK never asks DNS. */
    private static Optional<InetAddress> ipv6Literal(String host) {
        try {
            return Optional.of(InetAddress.getByName("[" + host + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The IPv4 address an IPv6 one routes to: IPv4-compatible {@code ::a.b.c.d}, NAT64
     * {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}. (The JDK already reads IPv4-mapped
     * {@code ::ffff:a.b.c.d} as IPv4.) {@code ::} and {@code ::1} are themselves.
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int from;
        if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else if (zero(b, 0, 12) && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            from = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            from = 12;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
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

    /** 0.0.0.0/8 ("this network": Linux takes 0.0.0.0 as itself) and 100.64.0.0/10 (carrier-grade NAT, RFC 6598). */
    private static boolean isThisNetworkOrShared(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] == 0 || bytes[0] == 100 && (bytes[1] & 0xc0) == 64);
    }
}
