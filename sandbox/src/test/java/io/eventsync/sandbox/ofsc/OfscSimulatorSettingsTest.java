package io.eventsync.sandbox.ofsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfscSimulatorSettingsTest {

    @Test
    void theDefaultsAreTheOnesTheReadmePromises() {
        OfscSimulatorSettings defaults = OfscSimulatorSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8090);
        assertThat(defaults.instanceName()).isEqualTo("sandbox");
        assertThat(defaults.clients()).containsExactly(Map.entry("eventsync", "ofsc-sandbox"));
        assertThat(defaults.eventsPerSecond()).isEqualTo(300);
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.subscriptionIdleExpiry()).isEqualTo(Duration.ofHours(36));
        assertThat(defaults.maxSubscriptions()).isEqualTo(100);
        assertThat(defaults.rateLimitPerSecond()).isZero();
        assertThat(defaults.responseLatency()).isZero();
        assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(defaults.activityPoolSize()).isEqualTo(200);
        assertThat(defaults.resourcePoolSize()).isEqualTo(40);
        assertThat(defaults.inventoryPoolSize()).isEqualTo(100);
        assertThat(defaults.extraPayloadBytes()).isZero();
        assertThat(defaults.eventMix()).containsKeys("activityCreated", "activityUpdated", "activityStarted",
                "activityCompleted", "activityMoved", "resourceUpdated", "inventoryInstalled", "routeUpdated",
                "routingRun");
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertThat(OfscSimulatorSettings.fromEnvironment(Map.of("OFSC_SIM_PORT", " ", "OFSC_INSTANCE", "",
                "OFSC_RETENTION", "  ", "OFSC_EVENTS_PER_SECOND", "")))
                .isEqualTo(OfscSimulatorSettings.defaults());
    }

    @Test
    void variablesOverrideEachDefault() {
        OfscSimulatorSettings settings = OfscSimulatorSettings.fromEnvironment(Map.of("OFSC_SIM_PORT", "18090",
                "OFSC_INSTANCE", "acme-test", "OFSC_CLIENT_ID", "poller", "OFSC_CLIENT_SECRET", "s3cret",
                "OFSC_EVENTS_PER_SECOND", "12.5", "OFSC_RETENTION", "PT2H"));

        assertThat(settings).isEqualTo(OfscSimulatorSettings.builder().port(18090).instanceName("acme-test")
                .clients(Map.of("poller", "s3cret")).eventsPerSecond(12.5).retention(Duration.ofHours(2)).build());
    }

    @Test
    void aBadValueNamesItsVariable() {
        Map<String, String> bad = Map.of("OFSC_SIM_PORT", "70000", "OFSC_EVENTS_PER_SECOND", "fast",
                "OFSC_RETENTION", "7 days", "OFSC_INSTANCE", "a@b", "OFSC_CLIENT_ID", "x:y");
        bad.forEach((name, value) -> assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.fromEnvironment(Map.of(name, value)))
                .withMessageContaining(name));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.fromEnvironment(Map.of("OFSC_RETENTION", "-P1D")))
                .withMessageContaining("OFSC_RETENTION");
    }

    @Test
    void invalidSettingsAreRefusedWithTheSettingsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().eventMix(Map.of("activityExploded", 1)).build())
                .withMessageContaining("activityExploded");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().eventMix(Map.of("activityCreated", 0)).build())
                .withMessageContaining("weight");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().entityPools(0, 1, 1).build())
                .withMessageContaining("activity pool");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().retention(Duration.ZERO).build())
                .withMessageContaining("retention");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().clients(Map.of()).build())
                .withMessageContaining("client");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OfscSimulatorSettings.builder().rateLimitPerSecond(-1).build())
                .withMessageContaining("rate limit");
    }

    @Test
    void secretsStayOutOfToString() {
        OfscSimulatorSettings settings = OfscSimulatorSettings.builder().clients(Map.of("poller", "hunter2"))
                .client("other", "swordfish").build();

        assertThat(settings.toString()).contains("poller").contains("other")
                .doesNotContain("hunter2").doesNotContain("swordfish");
    }
}
