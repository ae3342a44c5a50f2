package io.eventsync.egress.config;

import io.eventsync.contracts.topic.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sync-back of third parties' changes to OMi (seed 001): which topic they arrive on, and the OMi
 * connected servers changes go to, each with the name and password it authenticates with.
 *
 * @param enabled whether egress runs the sync-back client at all
 * @param topic where changes arrive ({@code opr.sync-back}, keyed by external id)
 * @param eventsTopic what OMi forwarded ({@code opr.events}): the only events changes may name
 * @param group the sync-back client's consumer group
 * @param batchSize changes per bulk {@code event_change_list} request; 1 sends each alone
 * @param lookupWait how long an unknown external id waits for {@code eventsTopic} to be read to its end
 * @param connectedServers the OMi connected servers events come from
 */
@Validated
@ConfigurationProperties("eventsync.egress.sync-back")
public record SyncBackClientProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(Topics.OPR_SYNC_BACK) @NotBlank String topic,
        @DefaultValue(Topics.OPR_EVENTS) @NotBlank String eventsTopic,
        @DefaultValue("eventsync-egress.sync-back") @NotBlank String group,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("10s") @NotNull Duration lookupWait,
        @DefaultValue List<@Valid ConnectedServer> connectedServers) {

    @AssertTrue(message = "sync-back needs at least one connected server (connected-servers[0].name, .password, .url)")
    public boolean isUsable() {
        return !enabled || !connectedServers.isEmpty();
    }

    public Optional<ConnectedServer> connectedServer(String name) {
        return connectedServers.stream().filter(server -> server.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "SyncBackClientProperties[enabled=" + enabled + ", topic=" + topic + ", connectedServers="
                + connectedServers.stream().map(ConnectedServer::name).toList() + "]";
    }

    /**
     * @param name the connected server's name in OMi (what OMi forwards as, and authenticates changes with)
     * @param password its password; never logged
     * @param url OMi's Event Synchronization Web Service, {@code https://<omi>/opr-gateway/rest/9.10/synchronization/}
     */
    public record ConnectedServer(@NotBlank String name, @NotBlank String password, @NotBlank String url) {

        @Override
        public String toString() {
            return "ConnectedServer[name=" + name + ", password=******, url=" + url + "]";
        }
    }
}
