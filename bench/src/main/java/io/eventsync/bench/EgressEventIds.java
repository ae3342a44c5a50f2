package io.eventsync.bench;

import java.nio.charset.StandardCharsets;

/**
 * The OMi event ids of one drain: {@code <tag>-<sequence>}, the sequence zero-padded so that every record
 * has the same size. Record {@code s} goes to partition {@code s % partitions}, so what the receiver got
 * tells which partition it came from without asking Kafka.
 */
record EgressEventIds(String tag, int partitions) {

    private static final int DIGITS = 7;

    String id(int sequence) {
        return tag + "-" + String.format("%0" + DIGITS + "d", sequence);
    }

    int partitionOf(int sequence) {
        return sequence % partitions;
    }

    /** The sequence in one of this drain's ids, or -1 for an id it did not make. */
    int sequenceOf(String id) {
        if (id == null || id.length() != tag.length() + 1 + DIGITS || !id.startsWith(tag)) {
            return -1;
        }
        return digits(id.getBytes(StandardCharsets.US_ASCII), tag.length() + 1);
    }

    /**
     * The sequence of the first of this drain's ids in a request body, or -1. A byte search, not a parse:
     * the poller shares the CPU with what it measures.
     */
    int firstSequenceIn(byte[] body) {
        byte[] prefix = (tag + "-").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + prefix.length + DIGITS <= body.length; i++) {
            for (int j = 0; j < prefix.length; j++) {
                if (body[i + j] != prefix[j]) {
                    continue outer;
                }
            }
            return digits(body, i + prefix.length);
        }
        return -1;
    }

    private static int digits(byte[] text, int from) {
        int value = 0;
        for (int i = from; i < from + DIGITS; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
