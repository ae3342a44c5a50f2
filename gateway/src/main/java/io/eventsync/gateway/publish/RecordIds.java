package io.eventsync.gateway.publish;

/**
 * What an id that the gateway puts in a record key or header may look like: present, at most 256
 * characters, no control characters (so it cannot break a header or a log line).
 */
public final class RecordIds {

    public static final int MAX_LENGTH = 256;

    private RecordIds() {
    }

    public static boolean wellFormed(String id) {
        if (id == null || id.length() > MAX_LENGTH || id.isBlank()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
