package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * How a bulk the gateway cannot take as it is gets answered, read as OMi reads answers ("Forward
 * events and event changes from OPR client"): a 4xx would mark every item of the bulk failed for good,
 * so a bulk with items the gateway cannot take is answered with a 5xx, which has OMi resend each item
 * alone: the good ones are then taken, and only a bad one gets its 4xx. The status is 501 because no
 * other part of the path answers it (500 is a gateway bug, 502 to 504 what an ingress or proxy says
 * when eventsync is unreachable, 503 a Kafka outage): OMi treats every 5xx the same, and an operator
 * reading OMi's log sees at once that eventsync asked for the items one by one (decision 0012).
 */
final class ListAnswers {

    /** The most items a refusal lists; past it the count still says how many there were. */
    static final int MAX_LISTED = 1000;

    /** One item of a bulk the gateway cannot take, and the problem it gets when it comes alone. */
    record Refusal(int index, Long sequenceNumber, ApiProblem alone) {
    }

    private ListAnswers() {
    }

    /** A 501 naming each item that cannot be taken; nothing of the bulk was published. */
    static ApiProblem resendEachAlone(String items, int count, List<Refusal> refusals) {
        Refusal first = refusals.get(0);
        String detail = refusals.size() + " of the " + count + " " + items + " cannot be taken as they are (first: "
                + describe(first.alone()) + "); nothing of this request was published. Send each alone: the others"
                + " will be accepted, and each of these will be refused with its own 4xx";
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Refusal refusal : refusals.subList(0, Math.min(MAX_LISTED, refusals.size()))) {
            ApiProblem alone = refusal.alone();
            errors.add(new ApiProblem.FieldError(alone.pointer(), alone.getMessage()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", refusal.index());
            if (refusal.sequenceNumber() != null) {
                item.put("sequence_number", refusal.sequenceNumber());
            }
            item.put("status", alone.status().value());
            item.put("type", alone.slug());
            listed.add(item);
        }
        return ApiProblem.withErrors(HttpStatus.NOT_IMPLEMENTED, "resend-items-alone", "Resend each item alone",
                        detail, errors)
                .with("items", listed);
    }

    /**
     * A 501 for a bulk that cannot be taken as a whole for a reason none of its items may have alone
     * (too many items, too large a body, a fault that stops the whole document being read).
     */
    static ApiProblem resendEachAlone(ApiProblem whole) {
        String detail = "this bulk cannot be taken as one request (" + describe(whole)
                + "); nothing of it was published. Send each item alone";
        return ApiProblem.withErrors(HttpStatus.NOT_IMPLEMENTED, "resend-items-alone", "Resend each item alone",
                detail, whole.errors()).with("cause", whole.slug());
    }

    private static String describe(ApiProblem problem) {
        return (problem.pointer() == null ? "" : problem.pointer() + ": ") + problem.getMessage();
    }
}
