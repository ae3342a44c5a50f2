package io.eventsync.sandbox.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Every secret of one run. Each value is unique to the run and to its role: a marker no log line,
 * metric or record could hold by chance ({@code LK}, the run, a tag, random hex), so where one is
 * found also says which secret it is.
 */
final class PlantedSecrets {

    /**
     * Characters URL-encoding and JSON escaping change, so that an encoded copy differs from the
     * value and is searched for on its own; all are legal in a password, a client secret and a
     * Basic header.
     */
    private static final String ENCODED_DIFFERENTLY = "+/=&";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = hex(3);
    private final List<PlantedSecret> all = new ArrayList<>();

    /** Short and alphanumeric: user names and client ids built from it pass every validation. */
    String run() {
        return run;
    }

    /** A password or client secret. */
    PlantedSecret password(String name, String tag) {
        String marker = marker(tag);
        return add(new PlantedSecret(name, marker + ENCODED_DIFFERENTLY, marker));
    }

    /**
     * A key given as base64 of 32 bytes (egress's sealing key wants exactly 32, its token key at
     * least 32): the bytes are the marker padded, so the decoded key is searchable as text too.
     */
    PlantedSecret key(String name, String tag) {
        String marker = marker(tag);
        String bytes = (marker + "x".repeat(32)).substring(0, 32);
        String value = Base64.getEncoder().encodeToString(bytes.getBytes(StandardCharsets.US_ASCII));
        return add(new PlantedSecret(name, value, marker).alsoAs("decoded", bytes));
    }

    /** A value someone else chose (a token an app issued): searched as it is, its marker being itself. */
    PlantedSecret issued(String name, String value) {
        return add(new PlantedSecret(name, value, value));
    }

    List<PlantedSecret> all() {
        return List.copyOf(all);
    }

    private String marker(String tag) {
        return "LK" + run + tag + hex(5);
    }

    private PlantedSecret add(PlantedSecret secret) {
        all.add(secret);
        return secret;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
