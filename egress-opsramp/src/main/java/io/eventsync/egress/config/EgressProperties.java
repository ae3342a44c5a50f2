package io.eventsync.egress.config;

import io.eventsync.egress.route.AuthType;
import io.eventsync.egress.route.GrantType;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.IntegrationEventRequest;
import io.eventsync.egress.route.NotifierType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What egress serves and where it keeps its routes.
 *
 * @param routeTopic the compacted topic of integration events (routes), shared by every replica
 * @param createTopics create the route topic at start when missing (the sandbox, a laptop)
 * @param secretKey base64 of 32 random bytes: seals route secrets in the route topic; never logged
 * @param allowlist targets allowed out (host, host:port or address); when given, the only ones
 * @param tenants the installed integrations routes can be defined on
 */
@Validated
@ConfigurationProperties("eventsync.egress")
public record EgressProperties(
        @DefaultValue("egress.routes") @NotBlank String routeTopic,
        @DefaultValue("true") boolean createTopics,
        @NotBlank String secretKey,
        @DefaultValue List<String> allowlist,
        @DefaultValue List<@Valid Tenant> tenants,
        @DefaultValue List<@Valid ConfiguredRoute> routes) {

    public Optional<Integration> integration(String tenant, String integration) {
        return tenants.stream().filter(t -> t.id().equals(tenant)).flatMap(t -> t.integrations().stream())
                .filter(i -> i.id().equals(integration)).findFirst();
    }

    @Override
    public String toString() {
        return "EgressProperties[routeTopic=" + routeTopic + ", createTopics=" + createTopics
                + ", secretKey=******, allowlist=" + allowlist + ", tenants=" + tenants + ", routes="
                + routes.stream().map(ConfiguredRoute::id).toList() + "]";
    }

    /**
     * A route given in configuration rather than through the admin API (the sandbox's defaults, or
     * routes kept in a deployment's configuration).
     *
     * @param id the route's id, stable across restarts: its consumer group is named after it
     * @param definition the integration event, as the admin API takes it
     */
    public record ConfiguredRoute(@NotBlank String tenant, @NotBlank String integration,
                                  @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String id,
                                  @NotNull IntegrationEventRequest definition) {
    }

    /** An OpsRamp tenant ({@code clientId} in seed 002's URL). */
    public record Tenant(@NotBlank String id, @DefaultValue List<@Valid Integration> integrations) {
    }

    /**
     * An installed integration ({@code installedIntgId}); its base notifier is what routes with
     * {@code useBaseNotifier: true} send through.
     */
    public record Integration(@NotBlank String id, @NotNull IntegrationEventRequest.Notifier baseNotifier) {

        /** The base notifier, typed; a value that is not one of seed 002's stops the start, named. */
        public IntegrationEvent.Notifier notifier() {
            IntegrationEventRequest.Notifier n = baseNotifier;
            return new IntegrationEvent.Notifier(
                    n.type() == null ? NotifierType.REST_API : typed(NotifierType.class, n.type(), "type"),
                    n.baseURI(),
                    n.authType() == null ? AuthType.NONE : typed(AuthType.class, n.authType(), "authType"),
                    n.grantType() == null ? null : typed(GrantType.class, n.grantType(), "grantType"),
                    n.userName(), n.password(), n.apiKey(), n.apiSecret(), n.accessTokenURL());
        }

        private <E extends Enum<E>> E typed(Class<E> type, String value, String field) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("eventsync.egress.tenants: integration " + id
                        + " has base-notifier." + field + " '" + value + "', not one of "
                        + Arrays.toString(type.getEnumConstants()), e);
            }
        }

        @Override
        public String toString() {
            return "Integration[id=" + id + ", baseNotifier=" + baseNotifier.baseURI() + " ("
                    + baseNotifier.authType() + ")]";
        }
    }
}
