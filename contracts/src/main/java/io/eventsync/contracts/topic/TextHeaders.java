package io.eventsync.contracts.topic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** The contract's headers are UTF-8 text (see {@link RecordHeaderNames}); this is how they go on a record. */
public final class TextHeaders {

    private TextHeaders() {
    }

    public static List<Header> of(Map<String, String> headers) {
        List<Header> encoded = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> encoded.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return encoded;
    }
}
