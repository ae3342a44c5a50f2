package io.eventsync.sandbox.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiverSimulatorSettingsTest {

    @Test
    void theDefaultsAreTheOnesTheReadmePromises() {
        ReceiverSimulatorSettings defaults = ReceiverSimulatorSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8091);
        assertThat(defaults.oprBasic()).isNull();
        assertThat(defaults.webhookBasic()).isEqualTo(new Credentials("webhook", "webhook-sandbox"));
        assertThat(defaults.oauthClient()).isEqualTo(new Credentials("eventsync", "oauth-sandbox"));
        assertThat(defaults.oauthUser()).isEqualTo(new Credentials("operator", "operator-sandbox"));
        assertThat(defaults.opsRampClient()).isEqualTo(new Credentials("opsramp-key", "opsramp-sandbox"));
        assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> blank = new HashMap<>();
        for (String name : new String[] {"RECEIVER_PORT", "RECEIVER_OPR_USER", "RECEIVER_OPR_PASSWORD",
                "RECEIVER_HOOK_USER", "RECEIVER_OAUTH_CLIENT_SECRET", "RECEIVER_TOKEN_LIFETIME"}) {
            blank.put(name, " ");
        }

        assertThat(ReceiverSimulatorSettings.fromEnvironment(blank)).isEqualTo(ReceiverSimulatorSettings.defaults());
    }

    @Test
    void variablesOverrideEachDefault() {
        Map<String, String> env = new HashMap<>();
        env.put("RECEIVER_PORT", "0");
        env.put("RECEIVER_OPR_USER", "omi");
        env.put("RECEIVER_OPR_PASSWORD", "omi-secret");
        env.put("RECEIVER_HOOK_USER", "hook");
        env.put("RECEIVER_HOOK_PASSWORD", "hook-secret");
        env.put("RECEIVER_OAUTH_CLIENT_ID", "egress");
        env.put("RECEIVER_OAUTH_CLIENT_SECRET", "client-secret");
        env.put("RECEIVER_OAUTH_USER", "alice");
        env.put("RECEIVER_OAUTH_PASSWORD", "alice-secret");
        env.put("RECEIVER_OPSRAMP_CLIENT_ID", "key");
        env.put("RECEIVER_OPSRAMP_CLIENT_SECRET", "key-secret");
        env.put("RECEIVER_TOKEN_LIFETIME", "PT2S");

        assertThat(ReceiverSimulatorSettings.fromEnvironment(env)).isEqualTo(ReceiverSimulatorSettings.builder()
                .port(0).oprBasic("omi", "omi-secret").webhookBasic("hook", "hook-secret")
                .oauthClient("egress", "client-secret").oauthUser("alice", "alice-secret")
                .opsRampClient("key", "key-secret").tokenLifetime(Duration.ofSeconds(2)).build());
    }

    @Test
    void aNameWithoutItsSecretKeepsTheDefaultSecretExceptForOpr() {
        assertThat(ReceiverSimulatorSettings.fromEnvironment(Map.of("RECEIVER_HOOK_USER", "hook")).webhookBasic())
                .isEqualTo(new Credentials("hook", "webhook-sandbox"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.fromEnvironment(Map.of("RECEIVER_OPR_USER", "omi")))
                .withMessageContaining("RECEIVER_OPR_PASSWORD");
    }

    @Test
    void aBadValueNamesItsVariable() {
        Map<String, String> bad = Map.of("RECEIVER_PORT", "70000", "RECEIVER_TOKEN_LIFETIME", "2 seconds",
                "RECEIVER_OAUTH_CLIENT_ID", "a:b", "RECEIVER_HOOK_USER", "x:y");
        bad.forEach((name, value) -> assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.fromEnvironment(Map.of(name, value)))
                .withMessageContaining(name));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.fromEnvironment(Map.of("RECEIVER_TOKEN_LIFETIME", "PT0.5S")))
                .withMessageContaining("RECEIVER_TOKEN_LIFETIME");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.fromEnvironment(Map.of("RECEIVER_PORT", "http")))
                .withMessageContaining("RECEIVER_PORT");
    }

    @Test
    void invalidSettingsAreRefusedWithTheSettingsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.builder().port(-1).build())
                .withMessageContaining("port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.builder().tokenLifetime(Duration.ofMillis(999)).build())
                .withMessageContaining("token lifetime");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.builder().oauthUser(" ", "x").build())
                .withMessageContaining("user name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReceiverSimulatorSettings.builder().webhookBasic("hook", "").build())
                .withMessageContaining("secret of hook");
    }

    @Test
    void secretsStayOutOfToString() {
        ReceiverSimulatorSettings settings = ReceiverSimulatorSettings.builder().oprBasic("omi", "hunter2")
                .webhookBasic("hook", "swordfish").oauthClient("egress", "opensesame").oauthUser("alice", "letmein")
                .opsRampClient("key", "tiger").build();

        assertThat(settings.toString()).contains("omi", "hook", "egress", "alice", "key")
                .doesNotContain("hunter2", "swordfish", "opensesame", "letmein", "tiger");
    }
}
