package io.eventsync.egress.admin;

import io.eventsync.egress.routes.RouteTopic;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every admin API error as RFC 9457 problem+json: {@code type}, {@code title}, {@code status},
 * {@code detail}, and for invalid fields an {@code errors} list of {@code {pointer, detail}}. The
 * one place that decides what a failure tells the client, for the API's own refusals and for the
 * framework's (the firewall, authentication, an unknown path or method, a body too large or of
 * the wrong type); {@link AdminProblemHandler} writes what it decides.
 */
final class AdminProblems {

    static final String TYPE_PREFIX = "urn:eventsync:problem:";
    private static final Logger log = LoggerFactory.getLogger(AdminProblems.class);

    /** What the client is told: the status, headers the status calls for (Retry-After, Allow), the problem. */
    record Answer(HttpStatusCode status, HttpHeaders headers, ProblemDetail problem) {
    }

    Answer of(Throwable error) {
        if (error instanceof RouteRefusedException e) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "A field has an invalid value",
                    e.getMessage());
            problem.setProperty("errors", e.problems().stream()
                    .map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).toList());
            return answer(problem);
        }
        if (error instanceof NotFoundException e) {
            return answer(problem(HttpStatus.NOT_FOUND, "not-found", "No such resource", e.getMessage()));
        }
        if (error instanceof ConflictException e) {
            return answer(problem(HttpStatus.CONFLICT, "conflict", "The resource cannot be changed", e.getMessage()));
        }
        if (error instanceof RouteTopic.RouteStoreUnavailableException) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Duration.ofSeconds(5).toSeconds()));
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE, headers, problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "route-store-unavailable", "Service temporarily unavailable",
                    "Kafka did not take the change; nothing was changed"));
        }
        if (error instanceof MalformedUtf8Exception e) {
            return unreadable(e.getMessage());
        }
        if (error instanceof AuthenticationRequiredException e) {
            return answer(problem(e.status(), "unauthorized", "Authentication required", e.getMessage()));
        }
        if (error instanceof UnparsableUrlException) {
            return answer(problem(HttpStatus.BAD_REQUEST, "malformed-url", "The URL cannot be read",
                    "the request's URL is not a URI (RFC 3986): a % not followed by two hex digits, or a character "
                            + "no URI holds"));
        }
        if (error instanceof ServerExchangeRejectedException) {
            // The firewall's message quotes what it found in the URL; the client has the URL already.
            return answer(problem(HttpStatus.BAD_REQUEST, "rejected-request", "Request rejected",
                    "the URL or a header holds what is refused (an encoded slash, backslash or percent sign, NUL, "
                            + "a line break, a semicolon, a path that leaves its parent)"));
        }
        if (error instanceof DataBufferLimitException) {
            return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "the body is larger than the admin API reads"));
        }
        if (error instanceof ServerWebInputException e) {
            return unreadable(e.getReason() == null ? "unreadable" : e.getReason());
        }
        if (error instanceof ErrorResponse e) {
            return framework(e);
        }
        log.error("admin API request failed unexpectedly", error);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly; nothing is known to have changed"));
    }

    private static Answer unreadable(String why) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The body cannot be read",
                "the body must be a JSON integration event (seed 002)");
        problem.setProperty("errors", List.of(Map.of("pointer", "", "detail", why)));
        return answer(problem);
    }

    /** Spring's own refusals (404, 405, 406, 413, 415 ...), in the same shape, with the headers they carry (Allow). */
    private static Answer framework(ErrorResponse e) {
        HttpStatusCode status = e.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "http-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String title = e.getBody().getTitle() != null ? e.getBody().getTitle()
                : known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        String detail = e.getBody().getDetail() != null ? e.getBody().getDetail() : title;
        return new Answer(status, e.getHeaders(), problem(status, slug, title, detail));
    }

    private static Answer answer(ProblemDetail problem) {
        return new Answer(HttpStatusCode.valueOf(problem.getStatus()), new HttpHeaders(), problem);
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }
}
