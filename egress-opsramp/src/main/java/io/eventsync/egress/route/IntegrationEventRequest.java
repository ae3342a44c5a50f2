package io.eventsync.egress.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An integration event as a client sends it (seed 002's request body), every field as written:
 * checking and typing them is {@link RouteValidation}'s work, so that a wrong value is answered
 * with the field named rather than a parse error.
 */
public record IntegrationEventRequest(
        String name,
        String entity,
        String eventType,
        FilterCriteria filterCriteria,
        Boolean useBaseNotifier,
        Notifier notifier,
        @JsonProperty("endPointURI") String endPointURI,
        String thirdPartyEventType,
        List<KeyValue> headers,
        String payload,
        List<KeyValue> responseHeaders,
        Delivery delivery) {

    /**
     * eventsync's extension: the kind of target and how many events one request may carry
     * (default: a webhook, one event per request; an OPR receiver, 100).
     */
    public record Delivery(String kind, Integer batchSize) {
    }

    public record FilterCriteria(String matchType, List<Rule> rules) {
    }

    public record Rule(String key, String operator, String value, String resourceType) {
    }

    public record Notifier(
            String type,
            @JsonProperty("baseURI") String baseURI,
            String authType,
            String grantType,
            String userName,
            String password,
            String apiKey,
            String apiSecret,
            @JsonProperty("accessTokenURL") String accessTokenURL) {
    }

    public record KeyValue(String key, String value) {
    }
}
