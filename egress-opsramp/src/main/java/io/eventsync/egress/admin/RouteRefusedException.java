package io.eventsync.egress.admin;

import io.eventsync.egress.route.FieldProblem;
import java.util.List;

/** An integration event request with something plainly wrong: 400, every field at fault named. */
final class RouteRefusedException extends RuntimeException {

    private final List<FieldProblem> problems;

    RouteRefusedException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).pointer() + ": " + problems.get(0).detail()
                : problems.size() + " fields are invalid");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
