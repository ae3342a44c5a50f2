package io.eventsync.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.gateway.config.GatewayProperties.Credential;
import io.eventsync.gateway.config.GatewayProperties.SyncBack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTest {

    @Test
    void aSyncBackClientNamedLikeAConnectedServerStopsStartNamingTheKey() {
        assertThatThrownBy(() -> properties(List.of(new Credential("omi", "a")),
                new SyncBack("opr.sync-back", 500, List.of(new Credential("desk", "b"), new Credential("OMI", "c")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventsync.gateway.sync-back.clients[1].name");
    }

    @Test
    void passwordsNeverShowInWhatConfigurationPrints() {
        GatewayProperties properties = properties(List.of(new Credential("omi", "omi-secret-1")),
                new SyncBack("opr.sync-back", 500, List.of(new Credential("desk", "desk-secret-2"))));
        assertThat(properties.toString()).doesNotContain("omi-secret-1", "desk-secret-2").contains("desk");
    }

    private static GatewayProperties properties(List<Credential> servers, SyncBack syncBack) {
        return new GatewayProperties("/opr", "opr.events", 3, true, DataSize.ofMegabytes(4), 1000,
                Duration.ofSeconds(10), Duration.ofSeconds(5), 20_000, 64, Duration.ofSeconds(30), Duration.ofSeconds(2),
                "", "", servers, syncBack);
    }
}
