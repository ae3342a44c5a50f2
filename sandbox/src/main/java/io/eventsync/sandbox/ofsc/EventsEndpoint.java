package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscTime;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code GET /rest/ofscCore/v1/events}: a page of a subscription's events from a marker, or with
 * {@code since} a marker found by time. Markers are positions in the log, not cursors: asking again
 * with the same marker gives the same events, as long as they are retained.
 */
final class EventsEndpoint {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String LAST_REQUESTED = "lastRequested";
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final EventLog log;
    private final Subscriptions subscriptions;
    private final PageMarkers markers;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;

    EventsEndpoint(EventLog log, Subscriptions subscriptions, PageMarkers markers, JsonMapper json, Clock clock,
                   Duration retention) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.markers = markers;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Answers one request. With {@code record} false (a delayed request, see {@link Faults}) it reads
     * the same page but leaves {@code lastRequested} and the idle timer alone.
     */
    ApiResponse answer(ApiRequest request, boolean record) {
        Map<String, String> query = request.query();
        Subscription subscription = subscriptionOf(request);
        String page = query.get("page");
        String since = query.get("since");
        if (page != null && since != null) {
            throw ApiProblem.badRequest("Use either page or since, not both");
        }
        String limitText = query.get("limit");
        int limit = limit(limitText);
        if (since != null) {
            return since(request, subscription, since, limitText, record);
        }
        EventLog.Slice slice = page == null
                ? log.readOldest(subscription.createdPosition(), subscription::wants, limit)
                : log.read(start(subscription, page), subscription::wants, limit)
                        .orElseThrow(this::expired);
        if (record) {
            subscription.requested(slice.start(), clock.instant());
        }
        String nextPage = markers.marker(slice.next());
        ArrayNode links = links(request, subscription, "page", markers.marker(slice.start()), limitText, nextPage);
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + slice.items().size() * 512);
        write(body, "{\"found\":" + !slice.items().isEmpty() + ",\"nextPage\":" + json.writeValueAsString(nextPage)
                + ",\"items\":[");
        boolean first = true;
        for (EventLog.Entry entry : slice.items()) {
            if (!first) {
                body.write(',');
            }
            body.writeBytes(entry.json());
            first = false;
        }
        write(body, "],\"links\":" + json.writeValueAsString(links) + "}");
        return ApiResponse.json(200, body.toByteArray());
    }

    private Subscription subscriptionOf(ApiRequest request) {
        String id = request.query().get("subscriptionId");
        if (id == null || id.isBlank()) {
            throw ApiProblem.badRequest("The subscriptionId parameter is required");
        }
        Subscription subscription = subscriptions.find(id)
                .orElseThrow(() -> ApiProblem.notFound("There is no subscription " + id
                        + " (never created, deleted, or expired after being idle)"));
        if (!subscription.clientId().equals(request.clientId())) {
            throw ApiProblem.forbidden("Getting events is only allowed for the application that created subscription "
                    + id);
        }
        return subscription;
    }

    /** The position a page marker stands for, never before the subscription existed. */
    private long start(Subscription subscription, String page) {
        if (page.equals(LAST_REQUESTED)) {
            return subscription.lastRequested();
        }
        OptionalLong position = markers.position(page);
        if (position.isEmpty() || position.getAsLong() > log.head()) {
            throw ApiProblem.badRequest("Invalid page");
        }
        return Math.max(position.getAsLong(), subscription.createdPosition());
    }

    private ApiProblem expired() {
        return ApiProblem.badRequest("The page marker is no longer valid: the events it points at have expired"
                + " (events are kept " + retention + "). Recover with since=<YYYY-MM-DD HH:MM:SS>, accepting the loss");
    }

    private ApiResponse since(ApiRequest request, Subscription subscription, String since, String limitText,
                              boolean record) {
        Instant time = OfscTime.parse(since).orElseThrow(() -> ApiProblem.badRequest(
                "The since parameter must be 'YYYY-MM-DD HH:MM:SS' in UTC, not '" + since + "'"));
        long position = log.positionAt(subscription.createdPosition(), time);
        if (record) {
            subscription.used(clock.instant());
        }
        String nextPage = markers.marker(position);
        ArrayNode links = links(request, subscription, "since", since, limitText, nextPage);
        return ApiResponse.json(200, json.writeValueAsBytes(json.createObjectNode()
                .put("found", false)
                .put("nextPage", nextPage)
                .set("links", links)));
    }

    private ArrayNode links(ApiRequest request, Subscription subscription, String name, String value,
                            String limitText, String nextPage) {
        ArrayNode links = json.createArrayNode();
        String origin = request.origin();
        Links.add(links, "describedby", origin + Links.CATALOG);
        Links.add(links, "canonical", Links.events(origin, subscription.id(), name, value, limitText));
        Links.add(links, "next", Links.events(origin, subscription.id(), "page", nextPage, limitText));
        return links;
    }

    /** OFSC caps a higher limit at 1000 rather than refusing it; anything but a positive integer is refused. */
    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(text).matches() || text.chars().allMatch(c -> c == '0')) {
            throw ApiProblem.badRequest("The limit parameter must be a positive integer, not '" + text + "'");
        }
        String significant = text.replaceFirst("^0+", "");
        return significant.length() > 4 ? MAX_LIMIT : Math.min(Integer.parseInt(significant), MAX_LIMIT);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
