package io.eventsync.sandbox.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The fields OpsRamp requires of an alert (PROTOCOLS.md, "OpsRamp"): {@code subject}, {@code currentState},
 * {@code serviceName}, {@code app}, and a {@code device} identified by {@code hostName}, {@code ipAddress}
 * or {@code resourceUUID}. Every problem is reported, each with the alert's index and the field, so a
 * client's template error shows in one round trip.
 */
final class AlertValidation {

    /** OpsRamp's documentation writes them in either case ("OK, warning, critical, or info"). */
    static final List<String> STATES = List.of("CRITICAL", "WARNING", "OK", "INFO");
    private static final List<String> REQUIRED_TEXT = List.of("subject", "currentState", "serviceName", "app");
    private static final List<String> DEVICE_IDS = List.of("hostName", "ipAddress", "resourceUUID");

    private AlertValidation() {
    }

    /**
     * @param basePointer where the alert sits in the body: "" for a single alert, "/2" for the third of a list
     */
    static List<FieldError> check(JsonNode alert, int index, String basePointer) {
        List<FieldError> errors = new ArrayList<>();
        if (!alert.isObject()) {
            errors.add(new FieldError(index, "alert", basePointer, "an alert must be a JSON object"));
            return errors;
        }
        for (String field : REQUIRED_TEXT) {
            if (blank(alert.get(field))) {
                errors.add(new FieldError(index, field, basePointer + "/" + field, field + " is required"));
            }
        }
        JsonNode state = alert.get("currentState");
        if (!blank(state) && !STATES.contains(state.stringValue().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError(index, "currentState", basePointer + "/currentState",
                    "currentState must be one of " + STATES + " (any case), not '" + state.stringValue() + "'"));
        }
        JsonNode device = alert.get("device");
        if (device == null || !device.isObject()) {
            errors.add(new FieldError(index, "device", basePointer + "/device",
                    "device is required: an object with hostName, ipAddress or resourceUUID"));
        } else if (DEVICE_IDS.stream().allMatch(id -> blank(device.get(id)))) {
            errors.add(new FieldError(index, "device", basePointer + "/device",
                    "device needs one of hostName, ipAddress or resourceUUID"));
        }
        return errors;
    }

    private static boolean blank(JsonNode value) {
        return value == null || !value.isString() || value.stringValue().isBlank();
    }
}
