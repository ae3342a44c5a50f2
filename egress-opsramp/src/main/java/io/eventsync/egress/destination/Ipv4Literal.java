package io.eventsync.egress.destination;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host that ends in a number is an IPv4 address or nothing (the WHATWG URL standard's rule), and
 * parsers disagree on what else it means: {@code inet_aton}, and so glibc's resolver, reads
 * {@code 0x7f000001}, {@code 017700000001}, {@code 0177.0.0.1} and {@code 127.1} all as 127.0.0.1,
 * where Java reads {@code 0177} as 177 or refuses it. Only the four decimal numbers of
 * {@code a.b.c.d} mean one address to every parser, so only that form is taken.
 */
final class Ipv4Literal {

    private static final Pattern NUMBER = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private Ipv4Literal() {
    }

    /** Whether {@code host} (lower case, without a trailing dot) must be read as an IPv4 address. */
    static boolean endsInANumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return !last.isEmpty() && NUMBER.matcher(last).matches();
    }

    /** The address {@code host} names when written as {@code a.b.c.d} in decimal; empty for any other form. */
    static Optional<InetAddress> canonical(String host) {
        if (!DOTTED_QUAD.matcher(host).matches()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        String[] parts = host.split("\\.");
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) part;
        }
        return Optional.of(address(bytes));
    }

    /**
     * What {@code inet_aton} reads {@code host} as: one to four parts, each decimal, octal (a
     * leading 0) or hexadecimal ({@code 0x}), the last filling the bytes the others leave.
     */
    static Optional<InetAddress> asInetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(address(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                (byte) (address >>> 8), (byte) address}));
    }

    private static Optional<Long> number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
        } else if (lower.length() > 1 && lower.startsWith("0")) {
            radix = 8;
            digits = lower.substring(1);
        }
        if (digits.isEmpty()) {
            return radix == 16 ? Optional.of(0L) : Optional.empty();
        }
        if (digits.length() > 12) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits, radix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
