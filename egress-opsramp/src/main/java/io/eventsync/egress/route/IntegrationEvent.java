package io.eventsync.egress.route;

import io.eventsync.egress.filter.MatchType;
import io.eventsync.egress.filter.Operator;
import java.time.Instant;
import java.util.List;

/**
 * An integration event as eventsync keeps it: checked, typed, its template decoded and its
 * secrets sealed ({@link io.eventsync.egress.secret.SecretBox}). This is the value of the route
 * topic and what the admin API answers from.
 *
 * @param incomplete JSON pointers of fields seed 002 calls mandatory that the request left out;
 *     while any remain, the route delivers nothing and its events wait in Kafka
 * @param template the payload template as text, or {@code null} for none (the event view is sent)
 */
public record IntegrationEvent(
        String id,
        String tenant,
        String integration,
        String name,
        Entity entity,
        EventType eventType,
        Filter filterCriteria,
        boolean useBaseNotifier,
        Notifier notifier,
        String endPointURI,
        HttpMethod thirdPartyEventType,
        List<Header> headers,
        String template,
        List<Header> responseHeaders,
        List<String> incomplete,
        Instant createdAt,
        Instant updatedAt,
        Delivery delivery) {

    public IntegrationEvent {
        delivery = delivery == null ? Delivery.DEFAULT : delivery;
        headers = headers == null ? List.of() : List.copyOf(headers);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
        incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
    }

    public boolean complete() {
        return incomplete.isEmpty();
    }

    public IntegrationEvent identified(String id, String tenant, String integration, Instant createdAt,
                                       Instant updatedAt) {
        return new IntegrationEvent(id, tenant, integration, name, entity, eventType, filterCriteria,
                useBaseNotifier, notifier, endPointURI, thirdPartyEventType, headers, template, responseHeaders,
                incomplete, createdAt, updatedAt, delivery);
    }

    public IntegrationEvent withSecrets(Notifier notifier, List<Header> headers) {
        return new IntegrationEvent(id, tenant, integration, name, entity, eventType, filterCriteria,
                useBaseNotifier, notifier, endPointURI, thirdPartyEventType, headers, template, responseHeaders,
                incomplete, createdAt, updatedAt, delivery);
    }

    /**
     * eventsync's extension of seed 002: the target's kind, and how many events one request carries.
     */
    public record Delivery(TargetKind kind, int batchSize) {

        public static final Delivery DEFAULT = new Delivery(TargetKind.WEBHOOK, 1);
        /** For targets that take lists (OPR receivers, OpsRamp alerts). */
        public static final int OPR_DEFAULT_BATCH = 100;
        public static final int MAX_BATCH = 1000;
    }

    /** The seed's filter, with the ids its answers show. */
    public record Filter(long id, MatchType matchType, List<StoredRule> rules) {
        public Filter {
            rules = List.copyOf(rules);
        }
    }

    public record StoredRule(long id, String key, Operator operator, String value, String resourceType) {
    }

    /** {@code password} and {@code apiSecret} are sealed. */
    public record Notifier(NotifierType type, String baseURI, AuthType authType, GrantType grantType, String userName,
                           String password, String apiKey, String apiSecret, String accessTokenURL) {

        public Notifier withSecrets(String password, String apiSecret) {
            return new Notifier(type, baseURI, authType, grantType, userName, password, apiKey, apiSecret,
                    accessTokenURL);
        }
    }

    /** A header to send; a {@code secret} one (credentials, tokens) has its value sealed and is never echoed. */
    public record Header(String key, String value, boolean secret) {

        public Header withValue(String value) {
            return new Header(key, value, secret);
        }
    }
}
