package io.eventsync.egress.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.EgressProperties.ConfiguredRoute;
import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.IntegrationEventRequest;
import io.eventsync.egress.route.RouteValidation;
import io.eventsync.egress.secret.RouteSecrets;
import io.eventsync.egress.secret.SecretBox;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfiguredRoutesTest {

    private static final IntegrationEventRequest.Notifier BASE = new IntegrationEventRequest.Notifier("REST_API",
            "https://hooks.example.com", "NONE", null, null, null, null, null, null);

    @Test
    void aValidRouteIsKeptUnderItsConfiguredIdWithItsSecretsSealed() {
        IntegrationEventRequest.Notifier basic = new IntegrationEventRequest.Notifier("REST_API",
                "https://hooks.example.com", "BASIC", null, "user", "pass-7731", null, null, null);
        List<IntegrationEvent> routes = routes(new ConfiguredRoute("client_1", "INTG-1", "alerts",
                definition("ALERT", basic)));
        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.id()).isEqualTo("alerts");
            assertThat(route.complete()).isTrue();
            assertThat(route.notifier().password()).startsWith("sealed:v1:").doesNotContain("7731");
        });
    }

    @Test
    void anUnknownIntegrationOrAPlainlyWrongFieldStopsTheStartNamingIt() {
        assertThatIllegalStateException().isThrownBy(() -> routes(new ConfiguredRoute("client_1", "INTG-9", "x",
                definition("ALERT", BASE)))).withMessageContaining("eventsync.egress.routes[0] (x)")
                .withMessageContaining("INTG-9");
        assertThatIllegalStateException().isThrownBy(() -> routes(new ConfiguredRoute("client_1", "INTG-1", "y",
                definition("COMPUTER", BASE)))).withMessageContaining("/entity");
    }

    private static List<IntegrationEvent> routes(ConfiguredRoute route) {
        EgressProperties properties = new EgressProperties("egress.routes", false, key(), List.of(),
                List.of(new EgressProperties.Tenant("client_1", List.of(new EgressProperties.Integration("INTG-1", BASE)))),
                List.of(route));
        return new ConfiguredRoutes(properties, new RouteValidation(EgressPolicy.open()),
                new RouteSecrets(SecretBox.fromBase64(key()))).routes();
    }

    private static IntegrationEventRequest definition(String entity, IntegrationEventRequest.Notifier notifier) {
        return new IntegrationEventRequest("configured", entity, "NONE", null, false, notifier,
                "https://hooks.example.com/in", "POST", null, null, null, null);
    }

    private static String key() {
        return Base64.getEncoder().encodeToString(new byte[32]);
    }
}
