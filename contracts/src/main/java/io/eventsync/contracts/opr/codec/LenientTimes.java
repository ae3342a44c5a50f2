package io.eventsync.contracts.opr.codec;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * OPR times as OMi may send them: ISO-8601 with an offset ({@code 2026-12-01T10:00:00+01:00}), or
 * without one ({@code 2026-12-01T10:00:00}, xs:dateTime's local form), which is read as UTC rather
 * than refused: OMi's servers keep UTC, and refusing would fail the event for good. Anything else is
 * an invalid value; an empty element is no time.
 */
final class LenientTimes extends ValueDeserializer<OffsetDateTime> {

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("opr-times");
        module.addDeserializer(OffsetDateTime.class, new LenientTimes());
        return module;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
        }
        String text = p.getString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutOffset) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date-time");
            }
        }
    }
}
