package io.eventsync.sandbox.ofsc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Page markers in the style of the reference's {@code 180404-706,1}: {@code yymmdd-<position>,<check>},
 * where the day is the simulator's start day, the position a log position and the check seven base-36
 * characters of an HMAC over the rest under a key made at start. At most 6 + 1 + 19 + 1 + 7 = 34
 * characters, inside OFSC's 48.
 *
 * <p>The check lets the simulator tell a marker it produced from anything else (an edited marker, the
 * reference's example, a marker from an earlier run): those are "Invalid page", never silently read
 * from some other position.
 */
final class PageMarkers {

    static final int MAX_LENGTH = 48;
    private static final Pattern SHAPE = Pattern.compile("(\\d{6}-(\\d{1,19})),([0-9a-z]{7})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final String day;
    private final SecretKeySpec key;

    PageMarkers(Instant start) {
        this.day = DAY.format(start.atOffset(ZoneOffset.UTC));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String marker(long position) {
        String body = day + "-" + position;
        return body + "," + check(body);
    }

    /** The position a marker stands for; empty when this simulator did not produce it. */
    OptionalLong position(String marker) {
        if (marker == null || marker.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        Matcher matcher = SHAPE.matcher(marker);
        if (!matcher.matches() || !check(matcher.group(1)).equals(matcher.group(3))) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(2)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private String check(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
            long value = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
            String text = Long.toString(value, 36);
            return "0".repeat(7 - text.length()) + text;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
