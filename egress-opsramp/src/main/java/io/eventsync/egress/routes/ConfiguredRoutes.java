package io.eventsync.egress.routes;

import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.EgressProperties.ConfiguredRoute;
import io.eventsync.egress.route.FieldProblem;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.RouteValidation;
import io.eventsync.egress.secret.RouteSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Routes from configuration, checked as the admin API checks a request. A route that is plainly
 * wrong, or names an integration that is not installed, stops the start with its index and field:
 * a deployment should not come up silently without a route it was given.
 */
public final class ConfiguredRoutes {

    private final EgressProperties properties;
    private final RouteValidation validation;
    private final RouteSecrets secrets;

    public ConfiguredRoutes(EgressProperties properties, RouteValidation validation, RouteSecrets secrets) {
        this.properties = properties;
        this.validation = validation;
        this.secrets = secrets;
    }

    public List<IntegrationEvent> routes() {
        List<IntegrationEvent> routes = new ArrayList<>();
        for (int i = 0; i < properties.routes().size(); i++) {
            ConfiguredRoute configured = properties.routes().get(i);
            String at = "eventsync.egress.routes[" + i + "] (" + configured.id() + ")";
            if (properties.integration(configured.tenant(), configured.integration()).isEmpty()) {
                throw new IllegalStateException(at + ": no installed integration " + configured.integration()
                        + " for tenant " + configured.tenant());
            }
            RouteValidation.Result result = validation.validate(configured.definition());
            if (!result.valid()) {
                throw new IllegalStateException(at + " is invalid: " + result.problems().stream()
                        .map(FieldProblem::toString).collect(Collectors.joining("; ")));
            }
            routes.add(secrets.seal(result.route().orElseThrow().identified(configured.id(), configured.tenant(),
                    configured.integration(), Instant.EPOCH, Instant.EPOCH)));
        }
        return routes;
    }
}
