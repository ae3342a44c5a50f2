package io.eventsync.egress.route;

import io.eventsync.egress.filter.MatchType;
import io.eventsync.egress.filter.Operator;
import io.eventsync.egress.filter.Rule;
import io.eventsync.egress.route.IntegrationEvent.Filter;
import io.eventsync.egress.route.IntegrationEvent.Header;
import io.eventsync.egress.route.IntegrationEvent.StoredRule;
import io.eventsync.egress.route.IntegrationEventRequest.KeyValue;
import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.destination.TargetUris;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Checks an integration event request against seed 002 and types it. Two kinds of finding:
 * <ul>
 *   <li><b>problems</b>: something plainly wrong (an unknown entity, eventType, operator,
 *       authType or grantType, a password grant without its user, a payload that is not base64,
 *       a target the egress policy refuses). The request is refused with 400 naming each field.</li>
 *   <li><b>incomplete</b>: a field the seed calls mandatory is missing. The seed's own samples do
 *       this (an OAUTH2 notifier without grantType, apiKey, apiSecret or accessTokenURL), so the
 *       route is kept, marked incomplete, and delivers nothing until it is completed.</li>
 * </ul>
 */
public final class RouteValidation {

    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_RULES = 100;
    public static final int MAX_HEADERS = 50;
    public static final int MAX_TEMPLATE_BYTES = 256 * 1024;
    /** Headers whose values are credentials: sealed at rest, never echoed. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
            "api-key", "x-auth-token", "cookie");

    private final EgressPolicy policy;

    public RouteValidation(EgressPolicy policy) {
        this.policy = policy;
    }

    /** What was found, and the typed route when there are no problems. */
    public record Result(List<FieldProblem> problems, Optional<IntegrationEvent> route) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result validate(IntegrationEventRequest request) {
        Findings findings = new Findings();
        if (request == null) {
            findings.problem("", "the body must be an integration event object");
            return new Result(findings.problems, Optional.empty());
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            findings.incomplete("/name");
        } else if (name.length() > MAX_NAME_LENGTH) {
            findings.problem("/name", "at most " + MAX_NAME_LENGTH + " characters");
        }
        Entity entity = required(findings, "/entity", request.entity(), Entity::parse, Entity.values());
        EventType eventType = required(findings, "/eventType", request.eventType(), EventType::parse,
                EventType.values());
        Filter filter = filter(findings, request.filterCriteria());
        boolean useBase = Boolean.TRUE.equals(request.useBaseNotifier());
        IntegrationEvent.Notifier notifier = notifier(findings, request.notifier(), useBase);
        String endpoint = endpoint(findings, request.endPointURI(), notifier, useBase);
        HttpMethod method = request.thirdPartyEventType() == null ? HttpMethod.POST
                : enumOf(findings, "/thirdPartyEventType", request.thirdPartyEventType(), HttpMethod.values());
        List<Header> headers = headers(findings, "/headers", request.headers(), true);
        // Kept and echoed, never sent: nothing they say can redirect a request.
        List<Header> responseHeaders = headers(findings, "/responseHeaders", request.responseHeaders(), false);
        String template = template(findings, request.payload());
        IntegrationEvent.Delivery delivery = delivery(findings, request.delivery());

        if (!findings.problems.isEmpty()) {
            return new Result(findings.problems, Optional.empty());
        }
        return new Result(List.of(), Optional.of(new IntegrationEvent(null, null, null, name, entity, eventType,
                filter, useBase, notifier, endpoint, method, headers, template, responseHeaders,
                findings.incomplete, null, null, delivery)));
    }

    private static IntegrationEvent.Delivery delivery(Findings findings, IntegrationEventRequest.Delivery given) {
        if (given == null) {
            return IntegrationEvent.Delivery.DEFAULT;
        }
        TargetKind kind = given.kind() == null ? TargetKind.WEBHOOK
                : enumOf(findings, "/delivery/kind", given.kind(), TargetKind.values());
        int fallback = kind == TargetKind.WEBHOOK ? 1 : IntegrationEvent.Delivery.OPR_DEFAULT_BATCH;
        int batchSize = given.batchSize() == null ? fallback : given.batchSize();
        if (batchSize < 1 || batchSize > IntegrationEvent.Delivery.MAX_BATCH) {
            findings.problem("/delivery/batchSize", "between 1 and " + IntegrationEvent.Delivery.MAX_BATCH);
        }
        return kind == null ? null : new IntegrationEvent.Delivery(kind, batchSize);
    }

    private static Filter filter(Findings findings, IntegrationEventRequest.FilterCriteria criteria) {
        if (criteria == null) {
            return null;
        }
        MatchType matchType = criteria.matchType() == null ? MatchType.ANY
                : MatchType.parse(criteria.matchType()).orElse(null);
        if (matchType == null) {
            findings.problem("/filterCriteria/matchType", "must be one of ANY, ALL, not '" + criteria.matchType() + "'");
        }
        List<IntegrationEventRequest.Rule> rules = criteria.rules() == null ? List.of() : criteria.rules();
        if (rules.size() > MAX_RULES) {
            findings.problem("/filterCriteria/rules", "at most " + MAX_RULES + " rules");
            return null;
        }
        List<StoredRule> stored = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "/filterCriteria/rules/" + i;
            IntegrationEventRequest.Rule rule = rules.get(i);
            if (rule == null) {
                findings.problem(at, "a rule must be an object");
                continue;
            }
            if (rule.key() == null || rule.key().isBlank()) {
                findings.problem(at + "/key", "a rule needs the property it tests");
            }
            Operator operator = Operator.parse(rule.operator()).orElse(null);
            if (operator == null) {
                findings.problem(at + "/operator", "must be one of " + Arrays.stream(Operator.values())
                        .map(Operator::label).toList() + ", not '" + rule.operator() + "'");
            }
            if (rule.value() == null) {
                findings.problem(at + "/value", "a rule needs a value to compare with");
            }
            if (rule.resourceType() != null && Entity.parse(rule.resourceType()).isEmpty()) {
                findings.problem(at + "/resourceType", "must be an entity, one of "
                        + Arrays.toString(Entity.values()) + ", not '" + rule.resourceType() + "'");
            }
            if (operator != null && rule.value() != null && rule.key() != null && !rule.key().isBlank()) {
                try {
                    Rule.of(rule.key(), operator, rule.value(), rule.resourceType());
                } catch (Rule.InvalidRuleException e) {
                    findings.problem(at + "/value", e.getMessage());
                }
                stored.add(new StoredRule(newId(), rule.key(), operator, rule.value(), rule.resourceType()));
            }
        }
        return matchType == null ? null : new Filter(newId(), matchType, stored);
    }

    private IntegrationEvent.Notifier notifier(Findings findings, IntegrationEventRequest.Notifier notifier,
                                               boolean useBase) {
        if (notifier == null) {
            if (!useBase) {
                findings.incomplete("/notifier");
            }
            return null;
        }
        NotifierType type = notifier.type() == null ? null
                : enumOf(findings, "/notifier/type", notifier.type(), NotifierType.values());
        AuthType authType = notifier.authType() == null ? null
                : enumOf(findings, "/notifier/authType", notifier.authType(), AuthType.values());
        GrantType grantType = notifier.grantType() == null ? null
                : enumOf(findings, "/notifier/grantType", notifier.grantType(), GrantType.values());
        String baseUri = notifier.baseURI() == null ? null : target(findings, "/notifier/baseURI", notifier.baseURI());
        String tokenUri = notifier.accessTokenURL() == null ? null
                : target(findings, "/notifier/accessTokenURL", notifier.accessTokenURL());
        if (!useBase) {
            if (type == null && notifier.type() == null) {
                findings.incomplete("/notifier/type");
            }
            if (authType == null && notifier.authType() == null) {
                findings.incomplete("/notifier/authType");
            }
        }
        if (authType == AuthType.BASIC) {
            missing(findings, "/notifier/userName", notifier.userName());
            missing(findings, "/notifier/password", notifier.password());
        }
        if (authType == AuthType.OAUTH2) {
            if (notifier.grantType() == null) {
                findings.incomplete("/notifier/grantType");
            }
            if (grantType != null && grantType.needsUser()) {
                // The client chose a grant that needs a user: leaving it out is a mistake, not a gap.
                if (blank(notifier.userName())) {
                    findings.problem("/notifier/userName", "the " + grantType + " grant needs userName");
                }
                if (blank(notifier.password())) {
                    findings.problem("/notifier/password", "the " + grantType + " grant needs password");
                }
            }
            missing(findings, "/notifier/apiKey", notifier.apiKey());
            missing(findings, "/notifier/apiSecret", notifier.apiSecret());
            missing(findings, "/notifier/accessTokenURL", notifier.accessTokenURL());
        }
        return new IntegrationEvent.Notifier(type, baseUri, authType, grantType, emptyToNull(notifier.userName()),
                emptyToNull(notifier.password()), emptyToNull(notifier.apiKey()), emptyToNull(notifier.apiSecret()),
                tokenUri);
    }

    private String endpoint(Findings findings, String endPointUri, IntegrationEvent.Notifier notifier,
                            boolean useBase) {
        if (TargetUris.isNetworkPath(endPointUri)) {
            findings.problem("/endPointURI", "'" + endPointUri.trim() + "' is a network-path reference: against the "
                    + "notifier's baseURI it would name another host; give a full URL, or a path (/alerts)");
            return null;
        }
        if (TargetUris.isPath(endPointUri)) {
            if (!TargetUris.isValidPath(endPointUri)) {
                findings.problem("/endPointURI", "not a URL path: '" + endPointUri.trim() + "'");
                return null;
            }
            if (!useBase && (notifier == null || notifier.baseURI() == null)) {
                findings.incomplete("/notifier/baseURI");
            }
            return endPointUri.trim();
        }
        if (!blank(endPointUri)) {
            return target(findings, "/endPointURI", endPointUri);
        }
        if (useBase || notifier != null && notifier.baseURI() != null) {
            return null;
        }
        findings.incomplete("/endPointURI");
        return null;
    }

    /** A URL as given, checked: parseable (a scheme-less one is read as https) and allowed out. */
    private String target(Findings findings, String pointer, String text) {
        Optional<URI> uri = TargetUris.parse(text);
        if (uri.isEmpty()) {
            boolean otherScheme = TargetUris.scheme(text).filter(s -> !s.equalsIgnoreCase("http")
                    && !s.equalsIgnoreCase("https")).isPresent();
            findings.problem(pointer, otherScheme ? "only http and https targets are allowed"
                    : "not a URL: '" + text + "'");
            return null;
        }
        if (uri.get().getRawUserInfo() != null) {
            // Never echoed: the URL would carry its password into the answer, the routes topic and the logs.
            findings.problem(pointer, "a URL with credentials (user:password@) is refused: it would be stored, "
                    + "shown and logged as it is; give them as the notifier's BASIC userName and password");
            return null;
        }
        policy.definitionRefusalOf(uri.get()).ifPresent(refusal -> findings.problem(pointer, refusal));
        return text.trim();
    }

    private static List<Header> headers(Findings findings, String pointer, List<KeyValue> given, boolean sent) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_HEADERS) {
            findings.problem(pointer, "at most " + MAX_HEADERS + " headers");
            return List.of();
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            KeyValue header = given.get(i);
            if (header == null || header.key() == null || !header.key().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}")) {
                findings.problem(pointer + "/" + i + "/key", "a header name is a token (RFC 9110)");
                continue;
            }
            if (sent && RequestFramingHeaders.contains(header.key())) {
                findings.problem(pointer + "/" + i + "/key", "'" + header.key() + "' is set by egress itself: "
                        + "it says where the request goes or how it is framed (" + RequestFramingHeaders.LISTED + ")");
                continue;
            }
            String value = header.value() == null ? "" : header.value();
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                findings.problem(pointer + "/" + i + "/value", "a header value must not contain line breaks");
                continue;
            }
            headers.add(new Header(header.key(), value,
                    SECRET_HEADERS.contains(header.key().toLowerCase(Locale.ROOT))));
        }
        return headers;
    }

    private static String template(Findings findings, String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            // Line breaks are allowed (base64 files are often wrapped); anything else outside the alphabet is not.
            bytes = Base64.getDecoder().decode(payload.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            findings.problem("/payload", "must be base64 (seed 002: the payload file converted to base 64)");
            return null;
        }
        if (bytes.length > MAX_TEMPLATE_BYTES) {
            findings.problem("/payload", "the decoded template is at most " + MAX_TEMPLATE_BYTES + " bytes");
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            findings.problem("/payload", "the decoded template must be UTF-8 text");
            return null;
        }
    }

    private static <T> T required(Findings findings, String pointer, String text, Function<String, Optional<T>> parse,
                                  Object[] allowed) {
        if (blank(text)) {
            findings.incomplete(pointer);
            return null;
        }
        Optional<T> value = parse.apply(text);
        if (value.isEmpty()) {
            findings.problem(pointer, "must be one of " + Arrays.toString(allowed) + ", not '" + text + "'");
        }
        return value.orElse(null);
    }

    private static <E extends Enum<E>> E enumOf(Findings findings, String pointer, String text, E[] values) {
        String wanted = text.trim();
        for (E value : values) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        findings.problem(pointer, "must be one of " + Arrays.toString(values) + ", not '" + text + "'");
        return null;
    }

    private static void missing(Findings findings, String pointer, String value) {
        if (blank(value)) {
            findings.incomplete(pointer);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 31);
    }

    private static final class Findings {
        private final List<FieldProblem> problems = new ArrayList<>();
        private final List<String> incomplete = new ArrayList<>();

        void problem(String pointer, String detail) {
            problems.add(new FieldProblem(pointer, detail));
        }

        void incomplete(String pointer) {
            if (!incomplete.contains(pointer)) {
                incomplete.add(pointer);
            }
        }
    }
}
