package io.eventsync.gateway.syncback;

import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.problem.ApiProblem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Every fault found in a request, collected rather than thrown one at a time, so that a client
 * fixing a bulk sees all of it in one answer. The number listed is bounded: a body full of unknown
 * fields must not become a much larger answer.
 */
final class Violations {

    static final int MAX_LISTED = 1000;

    /** The problem types a field can have, as the OMi endpoints name them. */
    enum Kind {
        MISSING("missing-field", "A required field is missing"),
        INVALID("invalid-field", "A field has an invalid value"),
        UNKNOWN("unknown-field", "A field is not part of the document");

        private final String slug;
        private final String title;

        Kind(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    private Kind first;
    private int count;

    void missing(String pointer, String detail) {
        add(Kind.MISSING, pointer, detail);
    }

    void invalid(String pointer, String detail) {
        add(Kind.INVALID, pointer, detail);
    }

    void unknown(String pointer, String detail) {
        add(Kind.UNKNOWN, pointer, detail);
    }

    int count() {
        return count;
    }

    /** A 400 listing every fault, item by item; its type is that of the first. */
    ApiProblem problem() {
        String detail = count == 1 ? errors.get(0).detail()
                : count + " faults in the request (" + (count > errors.size() ? "the first " + errors.size() : "all")
                        + " listed in errors); nothing was published";
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, first.slug, first.title, detail, errors);
    }

    private void add(Kind kind, String pointer, String detail) {
        if (first == null) {
            first = kind;
        }
        count++;
        if (errors.size() < MAX_LISTED) {
            errors.add(new FieldError(pointer, detail));
        }
    }
}
