package io.eventsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void theDefaultsAreTheOnesTheReadmePromises() {
        assertThat(SandboxSettings.defaults())
                .isEqualTo(new SandboxSettings(9092, 8080, "omi", "omi-sandbox"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertThat(SandboxSettings.fromEnvironment(Map.of("KAFKA_PORT", " ", "OMI_CONNECTED_SERVER_NAME", "")))
                .isEqualTo(SandboxSettings.defaults());
    }

    @Test
    void variablesOverrideEachDefault() {
        assertThat(SandboxSettings.fromEnvironment(Map.of("KAFKA_PORT", "19092", "GATEWAY_PORT", "18080",
                "OMI_CONNECTED_SERVER_NAME", "omi-dr", "OMI_CONNECTED_SERVER_PASSWORD", "x")))
                .isEqualTo(new SandboxSettings(19092, 18080, "omi-dr", "x"));
    }

    @Test
    void aPortOutOfRangeNamesTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SandboxSettings.fromEnvironment(Map.of("GATEWAY_PORT", "70000")))
                .withMessageContaining("gateway port");
    }

    @Test
    void thePasswordStaysOutOfToString() {
        assertThat(SandboxSettings.fromEnvironment(Map.of("OMI_CONNECTED_SERVER_PASSWORD", "hunter2")).toString())
                .doesNotContain("hunter2");
    }
}
