package io.eventsync.sandbox.omi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventsync.sandbox.receiver.Credentials;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OmiSimulatorSettingsTest {

    @Test
    void theDefaultsAreTheSandboxsOneConnectedServerOnPort8092WithoutAGateway() {
        OmiSimulatorSettings defaults = OmiSimulatorSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8092);
        assertThat(defaults.connectedServers()).containsExactly(Map.entry("omi", new Credentials("omi", "omi-sandbox")));
        assertThat(defaults.gatewayUrl()).isNull();
        assertThat(defaults.gatewayServer()).isEqualTo("omi");
        assertThat(defaults.latency()).isZero();
    }

    @Test
    void withOneConnectedServerTheGatewayIsThatServer() {
        OmiSimulatorSettings settings = OmiSimulatorSettings.builder()
                .connectedServers(Map.of("bridge", "secret")).gatewayUrl("http://localhost:8080/opr").build();

        assertThat(settings.gatewayServer()).isEqualTo("bridge");
        assertThat(settings.gatewayCredentials()).isEqualTo(new Credentials("bridge", "secret"));
    }

    @Test
    void withSeveralConnectedServersAGatewayUrlNeedsToKnowWhichOneTheGatewayIs() {
        OmiSimulatorSettings.Builder two = OmiSimulatorSettings.builder().connectedServer("sm", "sm-secret")
                .gatewayUrl("http://localhost:8080/opr");

        assertThatIllegalArgumentException().isThrownBy(two::build).withMessageContaining("gatewayServer")
                .withMessageContaining("omi").withMessageContaining("sm");
        assertThat(two.gatewayServer("sm").build().gatewayCredentials()).isEqualTo(new Credentials("sm", "sm-secret"));
    }

    @Test
    void aGatewayServerThatIsNoConnectedServerIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OmiSimulatorSettings.builder().gatewayServer("nobody").build())
                .withMessageContaining("gatewayServer: nobody");
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> OmiSimulatorSettings.builder().port(70_000).build())
                .withMessageContaining("port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OmiSimulatorSettings.builder().latency(Duration.ofMillis(-1)).build())
                .withMessageContaining("latency");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OmiSimulatorSettings.builder().gatewayUrl("ftp://localhost/opr").build())
                .withMessageContaining("gatewayUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OmiSimulatorSettings.builder().connectedServers(Map.of()).build())
                .withMessageContaining("connectedServers");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OmiSimulatorSettings.builder().connectedServer("omi", "").build())
                .withMessageContaining("omi");
    }

    @Test
    void passwordsNeverAppearInToString() {
        String shown = OmiSimulatorSettings.builder().connectedServer("sm", "sm-secret").build().toString();

        assertThat(shown).contains("omi", "sm").doesNotContain("omi-sandbox", "sm-secret");
    }
}
