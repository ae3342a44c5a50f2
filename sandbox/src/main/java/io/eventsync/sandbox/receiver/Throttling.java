package io.eventsync.sandbox.receiver;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a throttled request is answered: 429 with {@code Retry-After} everywhere; under OpsRamp's paths
 * ({@code /api/}, {@code /auth/}) in OpsRamp's own form, the body
 * {@code {"error":"throttled","error_description":"Too Many Requests"}} and the {@code X-RateLimit-*}
 * headers of its API throttling documentation: the per-minute limit (200, its alerts POST limit), none
 * remaining, and the reset as UTC epoch seconds.
 */
final class Throttling {

    static final int OPSRAMP_ALERTS_PER_MINUTE = 200;

    private final Clock clock;
    private final JsonMapper json;

    Throttling(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    Answer answer(String path, Duration retryAfter) {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        if (!path.startsWith(OpsRampAlertsEndpoint.PREFIX) && !path.startsWith("/auth/")) {
            Answer problem = Problem.of(429, "Injected throttling (simulator fault injection)").toAnswer(json);
            return new Answer(429, problem.body(), problem.contentType(),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        byte[] body = json.writeValueAsBytes(json.createObjectNode()
                .put("error", "throttled")
                .put("error_description", "Too Many Requests"));
        long reset = clock.instant().plusSeconds(seconds).getEpochSecond();
        return new Answer(429, body, Answer.JSON, Map.of(
                "Retry-After", Long.toString(seconds),
                "X-RateLimit-Limit", Integer.toString(OPSRAMP_ALERTS_PER_MINUTE),
                "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset)));
    }
}
