package io.eventsync.gateway.problem;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request the gateway refuses, as an RFC 9457 problem: a status, a stable type (its slug),
 * a human title and detail, and, where one field is at fault, its JSON pointer.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final String pointer;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, String pointer,
                      Duration retryAfter) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.pointer = pointer;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem of(HttpStatus status, String slug, String title, String detail) {
        return new ApiProblem(status, slug, title, detail, null, null);
    }

    public static ApiProblem invalidField(String pointer, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field", "A field has an invalid value", detail,
                pointer, null);
    }

    public static ApiProblem unavailable(String slug, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, slug, "Service temporarily unavailable", detail,
                null, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** JSON pointer to the field at fault, or {@code null}. */
    public String pointer() {
        return pointer;
    }

    /** What to tell the client to wait before retrying, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
