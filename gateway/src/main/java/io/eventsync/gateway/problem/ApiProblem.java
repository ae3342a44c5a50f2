package io.eventsync.gateway.problem;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the gateway refuses, as an RFC 9457 problem: a status, a stable type (its slug),
 * a human title and detail, the fields at fault (each a JSON pointer with its own detail), and
 * extension members where a client needs more to act on (what was accepted after all).
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One field at fault: where (a JSON pointer into the document as sent) and what is wrong. */
    public record FieldError(String pointer, String detail) {
    }

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;
    private final transient Map<String, Object> extensions;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, String pointer,
                      Duration retryAfter) {
        this(status, slug, title, detail, pointer == null ? List.of() : List.of(new FieldError(pointer, detail)),
                retryAfter, Map.of());
    }

    private ApiProblem(HttpStatus status, String slug, String title, String detail, List<FieldError> errors,
                       Duration retryAfter, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ApiProblem of(HttpStatus status, String slug, String title, String detail) {
        return new ApiProblem(status, slug, title, detail, null, null);
    }

    /** A problem with several fields at fault, e.g. every invalid item of a bulk. */
    public static ApiProblem withErrors(HttpStatus status, String slug, String title, String detail,
                                        List<FieldError> errors) {
        return new ApiProblem(status, slug, title, detail, errors, null, Map.of());
    }

    public static ApiProblem invalidField(String pointer, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field", "A field has an invalid value", detail,
                pointer, null);
    }

    public static ApiProblem unavailable(String slug, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, slug, "Service temporarily unavailable", detail,
                null, retryAfter);
    }

    public static ApiProblem tooManyItems(int items, String what, int max) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "too-many-items", "Too many items",
                "the list has " + items + " " + what + "; this gateway accepts at most " + max);
    }

    public static ApiProblem unsupportedMediaType(String type, String accepted) {
        return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "content type " + type + " is not accepted; send " + accepted);
    }

    /** This problem with one more extension member (a value Jackson can write as JSON). */
    public ApiProblem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ApiProblem(status, slug, title, getMessage(), errors, retryAfter, more);
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

    /** JSON pointer to the (first) field at fault, or {@code null}. */
    public String pointer() {
        return errors.isEmpty() ? null : errors.get(0).pointer();
    }

    /** The fields at fault, in the order of the document; empty when the request as a whole is wrong. */
    public List<FieldError> errors() {
        return errors;
    }

    /** What to tell the client to wait before retrying, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Extension members, by name. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
