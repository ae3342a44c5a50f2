package io.eventsync.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One egress scenario: what the route delivers to, in what batches, and what share of the target's
 * answers are injected 5xx.
 */
record EgressVariant(String name, Target target, int batchSize, double failureRate) {

    /** Where the route sends: the receiver's OPR target, or one of its open webhooks with a template. */
    enum Target { OPR, WEBHOOK }

    static final String HOOK = "/hooks/open/bench-alerts";
    static final int FAILURE_STATUS = 503;
    /** What an OpsRamp-style integration event would pick out of an alert: not the whole event. */
    static final String TEMPLATE = "{\"id\":\"$alert.id\",\"subject\":\"$alert.subject\","
            + "\"state\":\"$alert.currentState\",\"priority\":\"$alert.priority.name\","
            + "\"host\":\"$alert.resourceName\",\"time\":\"$alert.alertTime\"}";

    static List<EgressVariant> all() {
        return List.of(
                new EgressVariant("egress-opr-bulk-100", Target.OPR, 100, 0),
                new EgressVariant("egress-opr-bulk-500", Target.OPR, 500, 0),
                new EgressVariant("egress-webhook", Target.WEBHOOK, 50, 0),
                new EgressVariant("egress-opr-bulk-100-5xx", Target.OPR, 100, 0.05),
                new EgressVariant("egress-opr-bulk-500-5xx", Target.OPR, 500, 0.05),
                new EgressVariant("egress-webhook-5xx", Target.WEBHOOK, 50, 0.05));
    }

    /** The requests the receiver records for this route. */
    String path() {
        return target == Target.OPR ? "/opr/event" : HOOK;
    }

    /** The receiver's fault scope these requests fall in. */
    String faultScope() {
        return target == Target.OPR ? "/opr" : "/hooks/";
    }

    /** The route's {@code definition.*} settings, as {@code key=value}. */
    List<String> definition(URI receiver) {
        if (target == Target.OPR) {
            return List.of("notifier.type=REST_API", "notifier.authType=NONE",
                    "notifier.baseURI=" + receiver.resolve("/opr"), "delivery.kind=OPR",
                    "delivery.batchSize=" + batchSize);
        }
        return List.of("useBaseNotifier=true", "endPointURI=" + HOOK, "thirdPartyEventType=POST",
                "payload=" + Base64.getEncoder().encodeToString(TEMPLATE.getBytes(StandardCharsets.UTF_8)),
                "headers[0].key=Content-Type", "headers[0].value=application/json",
                "delivery.kind=WEBHOOK", "delivery.batchSize=" + batchSize);
    }

    String describeTarget() {
        String what = target == Target.OPR
                ? String.format(Locale.ROOT, "the receiver simulator's OPR target, bulk POST /opr/event of up to %d"
                        + " events (each event as OMi sent it)", batchSize)
                : String.format(Locale.ROOT, "the receiver simulator's open webhook, POST of a JSON array of up to %d"
                        + " rendered payloads (template: id, subject, state, priority, host, time)", batchSize);
        if (failureRate == 0) {
            return what;
        }
        return what + String.format(Locale.ROOT, "; %.0f%% of requests answered %d at random (seeded), which egress"
                + " answers by splitting a bulk into single requests and retrying those with backoff (defaults:"
                + " 200 ms initial, 5 attempts)", failureRate * 100, FAILURE_STATUS);
    }
}
