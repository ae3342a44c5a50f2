package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.codec.OprFormat;

/** JSON pointers to an item of a request, in the shape the codec reads documents. */
final class ItemPointers {

    private ItemPointers() {
    }

    static String single(OprFormat format, String root) {
        return format == OprFormat.XML ? "/" + root : "";
    }

    static String item(OprFormat format, String root, int index) {
        return (format == OprFormat.XML ? "/" + root + "_list/" : "/") + root + "/" + index;
    }
}
