package io.eventsync.egress.admin;

import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.IntegrationEventRequest;
import io.eventsync.egress.route.IntegrationEventRequest.KeyValue;
import io.eventsync.egress.route.IntegrationEventRequest.Notifier;
import io.eventsync.egress.route.IntegrationEventAnswer;
import io.eventsync.egress.route.RouteValidation;
import io.eventsync.egress.routes.RouteKey;
import io.eventsync.egress.routes.RouteTable;
import io.eventsync.egress.routes.RouteTopic;
import io.eventsync.egress.secret.RouteSecrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the admin API does with integration events: check, seal, store in the route topic, answer.
 *
 * <p>An update replaces the definition, except for secrets, which answers never show: a notifier
 * {@code password} or {@code apiSecret} left out, and a credential header sent back as
 * {@code ******}, keep their stored values; an empty string clears one.
 */
public final class IntegrationEvents {

    static final String ID_PREFIX = "INTG-EVENT-";

    private final EgressProperties properties;
    private final RouteValidation validation;
    private final RouteSecrets secrets;
    private final RouteTopic topic;
    private final RouteTable table;
    private final IntegrationEventAnswer answers;
    private final RouteStart start;
    private final Clock clock;

    /** Where a new route's consumer group starts; set before the route is stored. */
    public interface RouteStart {
        void startAtEnd(String routeId) throws Exception;
    }

    public IntegrationEvents(EgressProperties properties, RouteValidation validation, RouteSecrets secrets,
                             RouteTopic topic, RouteTable table, IntegrationEventAnswer answers, RouteStart start,
                             Clock clock) {
        this.properties = properties;
        this.validation = validation;
        this.secrets = secrets;
        this.topic = topic;
        this.table = table;
        this.answers = answers;
        this.start = start;
        this.clock = clock;
    }

    public Mono<IntegrationEvent> create(String tenant, String integration, IntegrationEventRequest request) {
        requireIntegration(tenant, integration);
        IntegrationEvent checked = checked(request);
        Instant now = clock.instant();
        String id = ID_PREFIX + UUID.randomUUID();
        return Mono.fromCallable(() -> {
                    start.startAtEnd(id);
                    return id;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof RouteTopic.RouteStoreUnavailableException),
                        RouteTopic.RouteStoreUnavailableException::new)
                .flatMap(started -> topic.put(secrets.seal(checked.identified(id, tenant, integration, now, now))));
    }

    public Mono<IntegrationEvent> update(String tenant, String integration, String id,
                                         IntegrationEventRequest request) {
        IntegrationEvent existing = get(tenant, integration, id);
        requireChangeable(tenant, integration, id);
        IntegrationEvent checked = checked(keepingSecrets(request, existing));
        return topic.put(secrets.seal(checked.identified(id, tenant, integration, existing.createdAt(),
                clock.instant())));
    }

    public Mono<Void> delete(String tenant, String integration, String id) {
        get(tenant, integration, id);
        requireChangeable(tenant, integration, id);
        return topic.delete(new RouteKey(tenant, integration, id));
    }

    public IntegrationEvent get(String tenant, String integration, String id) {
        requireIntegration(tenant, integration);
        return table.get(new RouteKey(tenant, integration, id))
                .orElseThrow(() -> new NotFoundException("no integration event " + id + " on " + integration));
    }

    public List<IntegrationEvent> list(String tenant, String integration) {
        requireIntegration(tenant, integration);
        return table.list(tenant, integration);
    }

    public IntegrationEventAnswer answers() {
        return answers;
    }

    /** A request checked as {@link #create} would, for an installed integration, and not stored. */
    public IntegrationEvent check(String tenant, String integration, IntegrationEventRequest request) {
        requireIntegration(tenant, integration);
        return checked(request);
    }

    public IntegrationEvent.Notifier baseNotifier(String tenant, String integration) {
        return properties.integration(tenant, integration).orElseThrow(() -> new NotFoundException(
                "no installed integration " + integration + " for tenant " + tenant)).notifier();
    }

    private IntegrationEvent checked(IntegrationEventRequest request) {
        RouteValidation.Result result = validation.validate(request);
        if (!result.valid()) {
            throw new RouteRefusedException(result.problems());
        }
        return result.route().orElseThrow();
    }

    private void requireChangeable(String tenant, String integration, String id) {
        if (table.isConfigured(new RouteKey(tenant, integration, id))) {
            throw new ConflictException("integration event " + id
                    + " is defined in configuration (eventsync.egress.routes); change it there");
        }
    }

    private void requireIntegration(String tenant, String integration) {
        if (properties.integration(tenant, integration).isEmpty()) {
            throw new NotFoundException("no installed integration " + integration + " for tenant " + tenant);
        }
    }

    /** The request with the stored (sealed) secrets put back where it left them out. */
    private static IntegrationEventRequest keepingSecrets(IntegrationEventRequest request, IntegrationEvent stored) {
        Notifier notifier = request.notifier();
        if (notifier != null && stored.notifier() != null) {
            notifier = new Notifier(notifier.type(), notifier.baseURI(), notifier.authType(), notifier.grantType(),
                    notifier.userName(), keep(notifier.password(), stored.notifier().password()), notifier.apiKey(),
                    keep(notifier.apiSecret(), stored.notifier().apiSecret()), notifier.accessTokenURL());
        }
        List<KeyValue> headers = request.headers() == null ? null : request.headers().stream()
                .map(header -> header != null && IntegrationEventAnswer.MASK.equals(header.value())
                        ? storedHeader(stored, header.key()).map(value -> new KeyValue(header.key(), value))
                                .orElse(header)
                        : header)
                .toList();
        return new IntegrationEventRequest(request.name(), request.entity(), request.eventType(),
                request.filterCriteria(), request.useBaseNotifier(), notifier, request.endPointURI(),
                request.thirdPartyEventType(), headers, request.payload(), request.responseHeaders(),
                request.delivery());
    }

    private static String keep(String given, String stored) {
        return given == null ? stored : given;
    }

    private static Optional<String> storedHeader(IntegrationEvent stored, String key) {
        return stored.headers().stream().filter(h -> h.secret() && h.key().equalsIgnoreCase(key))
                .map(IntegrationEvent.Header::value).findFirst();
    }
}
