package io.eventsync.egress.admin;

import io.eventsync.egress.routes.RouteTopic;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every admin API error as RFC 9457 problem+json: {@code type}, {@code title}, {@code status},
 * {@code detail}, and for invalid fields an {@code errors} list of {@code {pointer, detail}}.
 */
@RestControllerAdvice
final class AdminProblems {

    static final String TYPE_PREFIX = "urn:eventsync:problem:";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RouteRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "A field has an invalid value",
                e.getMessage());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "No such resource", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "The resource cannot be changed", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The body cannot be read",
                "the body must be a JSON integration event (seed 002)");
        problem.setProperty("errors", List.of(Map.of("pointer", "", "detail", e.getReason() == null ? "unreadable"
                : e.getReason())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(RouteTopic.RouteStoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Duration.ofSeconds(5).toSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "route-store-unavailable",
                        "Service temporarily unavailable", "Kafka did not take the change; nothing was changed"));
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }
}
