package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import java.time.Duration;

/** The 503 for a request of which Kafka acknowledged nothing in time. */
final class Unacknowledged {

    private Unacknowledged() {
    }

    static ApiProblem problem(Duration retryAfter) {
        return ApiProblem.unavailable("kafka-unavailable",
                "Kafka did not acknowledge in time: treat nothing of this request as accepted and send it again",
                retryAfter);
    }
}
