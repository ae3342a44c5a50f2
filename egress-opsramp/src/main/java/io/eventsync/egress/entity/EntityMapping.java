package io.eventsync.egress.entity;

import io.eventsync.contracts.topic.RecordHeaderNames;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which OpsRamp entities (seed 002) an eventsync record stands for, and the properties routes see.
 * The table is in egress-opsramp/README.md; a record that maps to nothing reaches no route.
 */
public final class EntityMapping {

    private final OprViews opr = new OprViews();
    private final OfscViews ofsc = new OfscViews();

    /**
     * @param headers the record's eventsync headers (text)
     * @param value the record's JSON value
     */
    public List<EntityEvent> map(Map<String, String> headers, JsonNode value) {
        String source = headers.getOrDefault(RecordHeaderNames.SOURCE, "");
        return switch (source) {
            case "omi" -> opr.map(value);
            case "ofsc" -> ofsc.map(value);
            default -> List.of();
        };
    }
}
