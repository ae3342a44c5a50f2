package io.eventsync.gateway.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Assertions on the gateway's one error shape (RFC 9457, {@code urn:eventsync:problem:<slug>}). */
public final class Problems {

    private Problems() {
    }

    /**
     * Posts {@code body} as {@code contentType}, asking for JSON, and checks the answer is the
     * problem {@code type} with {@code status}, naming {@code pointer} first when it is not null.
     */
    public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.RequestBodySpec request,
                                                              String contentType, String body, int status,
                                                              String type, String pointer) {
        WebTestClient.BodyContentSpec problem = request
                .header("Content-Type", contentType)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:eventsync:problem:" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty();
        if (pointer != null) {
            problem.jsonPath("$.errors[0].pointer").isEqualTo(pointer);
        }
        return problem;
    }
}
