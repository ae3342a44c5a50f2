package io.eventsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void theDefaultsAreTheOnesTheReadmePromises() {
        assertThat(SandboxSettings.defaults())
                .isEqualTo(new SandboxSettings(9092, 8080, 8081, "omi", "omi-sandbox",
                        OfscSimulatorSettings.fromEnvironment(Map.of()), 8082,
                        ReceiverSimulatorSettings.fromEnvironment(Map.of()), 8092));
        assertThat(SandboxSettings.defaults().receiver().port()).isEqualTo(8091);
        assertThat(SandboxSettings.defaults().ofsc().port()).isEqualTo(8090);
        assertThat(SandboxSettings.defaults().ofscClient()).isEqualTo(Map.entry("eventsync", "ofsc-sandbox"));
        assertThat(SandboxSettings.defaults().ofsc().instanceName()).isEqualTo("sandbox");
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertThat(SandboxSettings.fromEnvironment(Map.of("KAFKA_PORT", " ", "OMI_CONNECTED_SERVER_NAME", "")))
                .isEqualTo(SandboxSettings.defaults());
    }

    @Test
    void variablesOverrideEachDefault() {
        Map<String, String> env = Map.ofEntries(Map.entry("KAFKA_PORT", "19092"), Map.entry("GATEWAY_PORT", "18080"),
                Map.entry("INGEST_PORT", "18081"),
                Map.entry("OMI_CONNECTED_SERVER_NAME", "omi-dr"), Map.entry("OMI_CONNECTED_SERVER_PASSWORD", "x"),
                Map.entry("OFSC_SIM_PORT", "18090"), Map.entry("OFSC_CLIENT_ID", "relay"),
                Map.entry("OFSC_CLIENT_SECRET", "y"), Map.entry("EGRESS_PORT", "18082"),
                Map.entry("RECEIVER_PORT", "18091"), Map.entry("OMI_SIM_PORT", "18092"));
        SandboxSettings settings = SandboxSettings.fromEnvironment(env);
        assertThat(settings).isEqualTo(new SandboxSettings(19092, 18080, 18081, "omi-dr", "x",
                OfscSimulatorSettings.fromEnvironment(env), 18082, ReceiverSimulatorSettings.fromEnvironment(env),
                18092));
        assertThat(settings.receiver().port()).isEqualTo(18091);
        assertThat(settings.ofsc().port()).isEqualTo(18090);
        assertThat(settings.ofscClient()).isEqualTo(Map.entry("relay", "y"));
    }

    @Test
    void aPortOutOfRangeNamesTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SandboxSettings.fromEnvironment(Map.of("GATEWAY_PORT", "70000")))
                .withMessageContaining("gateway port");
    }

    @Test
    void anIngestPortOutOfRangeNamesTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SandboxSettings.fromEnvironment(Map.of("INGEST_PORT", "-1")))
                .withMessageContaining("ingest port");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(SandboxSettings.fromEnvironment(Map.of("OMI_CONNECTED_SERVER_PASSWORD", "hunter2",
                "OFSC_CLIENT_SECRET", "swordfish")).toString())
                .doesNotContain("hunter2").doesNotContain("swordfish");
    }
}
