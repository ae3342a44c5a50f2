package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.publish.RecordIds;

/**
 * What an id from OMi (or an external id in a URL) may look like: present, at most 256
 * characters, no control characters. Ids become Kafka keys and header values.
 */
final class OmiIds {

    private OmiIds() {
    }

    static String require(String id, String pointer, String what) {
        if (id == null || id.isBlank()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "missing-field",
                    "A required field is missing", what + " is required", pointer, null);
        }
        if (!wellFormed(id)) {
            throw ApiProblem.invalidField(pointer, what + " must be at most " + RecordIds.MAX_LENGTH
                    + " characters without control characters");
        }
        return id;
    }

    static boolean wellFormed(String id) {
        return RecordIds.wellFormed(id);
    }
}
