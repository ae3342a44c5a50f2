package io.eventsync.contracts.opr.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte-level damage to a valid document: flip, overwrite, insert, delete, truncate, duplicate a
 * span. Inserted bytes lean towards what the parsers branch on (structure, escapes, DOCTYPE,
 * encodings, broken UTF-8), because uniformly random bytes mostly stop at the first token.
 */
final class ByteMutations {

    /** A damaged document and the steps that made it, for the failure message. */
    record Mutated(byte[] bytes, List<String> steps) {
    }

    private static final byte[] STRUCTURAL = bytes("<>/\"'{}[]:,&;=?!-#0129e.+ \t\n\r\\x");

    private static final byte[] ODD_BYTES = {0x00, 0x01, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0,
            (byte) 0xc3, (byte) 0xe2, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf8,
            (byte) 0xfe, (byte) 0xff};

    private static final List<byte[]> TOKENS = List.of(
            bytes("<!DOCTYPE event [<!ENTITY e \"x\">]>"), bytes("<!DOCTYPE event SYSTEM \"file:///etc/passwd\">"),
            bytes("&e;"), bytes("&amp;"), bytes("&#0;"), bytes("&#x1F;"), bytes("&#xD800;"), bytes("&#1114112;"),
            bytes("<![CDATA["), bytes("]]>"), bytes("<!--"), bytes("-->"), bytes("<?pi x?>"),
            bytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"), bytes("<?xml version=\"1.1\"?>"),
            bytes("<x:y xmlns:x=\"urn:x\">"), bytes("xsi:nil=\"true\""), bytes(" a=\"1\" a=\"2\""),
            bytes("<event>"), bytes("</event>"), bytes("<event_list>"), bytes("<changed_properties>"),
            bytes("\\u0000"), bytes("\\uD800"), bytes("\\uDC00\\uD800"), bytes("\\"),
            bytes("1e999999999"), bytes("-0"), bytes("9223372036854775808"), bytes("0x1F"), bytes("NaN"),
            bytes("12345678901234567890123456789012345"), bytes("null"), bytes("true"), bytes("[]"), bytes("{}"),
            bytes("\"event\":"), bytes("\"event_list\":"), bytes("\"changed_properties\":[{}]"),
            bytes("\"current_value\":{\"\":\"x\",\"nil\":\"true\"}"), bytes("\"time_created\":\"+999999999-12-31T23:59:59Z\""),
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    private ByteMutations() {
    }

    /** One to {@code maxSteps} mutations of {@code original}; the original is left as it was. */
    static Mutated mutate(byte[] original, Random random, int maxSteps) {
        byte[] current = original.clone();
        List<String> steps = new ArrayList<>();
        int count = 1 + random.nextInt(maxSteps);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(7);
            int at = current.length == 0 ? 0 : random.nextInt(current.length);
            if (kind == 0 && current.length > 0) {
                int bit = random.nextInt(8);
                current[at] ^= (byte) (1 << bit);
                steps.add("flip bit " + bit + " at " + at);
            } else if (kind == 1 && current.length > 0) {
                byte b = pick(random);
                current[at] = b;
                steps.add("set " + at + " to 0x" + Integer.toHexString(b & 0xff));
            } else if (kind == 2) {
                byte[] inserted = random.nextInt(3) == 0 ? TOKENS.get(random.nextInt(TOKENS.size())) : run(random);
                current = splice(current, at, 0, inserted);
                steps.add("insert " + printable(inserted) + " at " + at);
            } else if (kind == 3 && current.length > 0) {
                int length = 1 + random.nextInt(Math.min(64, current.length - at));
                current = splice(current, at, length, new byte[0]);
                steps.add("delete " + length + " at " + at);
            } else if (kind == 4 && current.length > 0) {
                current = Arrays.copyOf(current, at);
                steps.add("truncate to " + at);
            } else if (kind == 5 && current.length > 0) {
                int length = 1 + random.nextInt(Math.min(256, current.length - at));
                byte[] span = Arrays.copyOfRange(current, at, at + length);
                int to = random.nextInt(current.length + 1);
                current = splice(current, to, 0, span);
                steps.add("duplicate " + length + " from " + at + " to " + to);
            } else {
                int length = random.nextInt(48);
                byte[] junk = new byte[length];
                random.nextBytes(junk);
                current = splice(current, at, 0, junk);
                steps.add("insert " + length + " random bytes at " + at);
            }
        }
        return new Mutated(current, steps);
    }

    private static byte pick(Random random) {
        int which = random.nextInt(3);
        if (which == 0) {
            return STRUCTURAL[random.nextInt(STRUCTURAL.length)];
        }
        if (which == 1) {
            return ODD_BYTES[random.nextInt(ODD_BYTES.length)];
        }
        return (byte) random.nextInt(256);
    }

    private static byte[] run(Random random) {
        byte[] run = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < run.length; i++) {
            run[i] = pick(random);
        }
        return run;
    }

    static byte[] splice(byte[] source, int at, int removed, byte[] inserted) {
        byte[] result = new byte[source.length - removed + inserted.length];
        System.arraycopy(source, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(source, at + removed, result, at + inserted.length, source.length - at - removed);
        return result;
    }

    /** The bytes as Java string-literal text, non-ASCII and controls escaped, for failure messages. */
    static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                text.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.append('"').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
