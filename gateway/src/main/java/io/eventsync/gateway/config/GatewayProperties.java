package io.eventsync.gateway.config;

import io.eventsync.contracts.topic.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway's behaviour depends on, validated at start-up: a wrong value stops the
 * service with a message naming the key, rather than surfacing on the first request.
 *
 * @param basePath where the OPR target lives; OMi's connected server URL ends with it
 * @param topic the topic events and event changes are published to
 * @param topicPartitions partitions when the gateway has to create the topic itself
 * @param createTopic whether to create the topic at start when it is missing
 * @param maxBodySize largest request body accepted (413 beyond; a bulk from OMi gets 501: each item alone)
 * @param maxBulkItems most items in one bulk request (a bulk from OMi beyond it gets 501: each item alone)
 * @param publishTimeout how long a request waits for Kafka's acknowledgement before 503
 * @param retryAfter what a 503 tells OMi to wait
 * @param maxInFlightItems items waiting for Kafka across all requests; beyond, 503 at once
 * @param maxConcurrentRequests API requests served at once; beyond, 503 at once, before the body is read
 * @param requestReadTimeout how long a client may take to send a request's headers, and its body (slow clients)
 * @param readModelWait how long a lookup waits for the read model to catch up with the state topic
 * @param stateTopic the compacted topic of every event as it stands now, which the read model is built from
 *     (decision 0013); empty: {@code opr.event-state} beside {@code opr.events}, else {@code <topic>-state}
 * @param readModelDir where the read model keeps its store on disk; empty: a folder under the JVM's temporary
 *     folder named after the state topic and the cluster
 * @param connectedServers the OMi connected servers allowed in, each with its own password
 * @param syncBack the sync-back endpoint: who may post changes back, and where they go
 */
@Validated
@ConfigurationProperties("eventsync.gateway")
public record GatewayProperties(
        @DefaultValue("/opr") @NotBlank @Pattern(regexp = "/[A-Za-z0-9._~/-]*[^/]",
                message = "must start with / and not end with /") String basePath,
        @DefaultValue("opr.events") @NotBlank String topic,
        @DefaultValue("3") @Min(1) @Max(10_000) int topicPartitions,
        @DefaultValue("true") boolean createTopic,
        @DefaultValue("4MB") @NotNull DataSize maxBodySize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxBulkItems,
        @DefaultValue("10s") @NotNull Duration publishTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("20000") @Min(1) int maxInFlightItems,
        @DefaultValue("64") @Min(1) int maxConcurrentRequests,
        @DefaultValue("30s") @NotNull Duration requestReadTimeout,
        @DefaultValue("2s") @NotNull Duration readModelWait,
        @DefaultValue("") @NotNull String stateTopic,
        @DefaultValue("") @NotNull String readModelDir,
        @NotEmpty List<@Valid Credential> connectedServers,
        @DefaultValue @NotNull @Valid SyncBack syncBack) {

    public GatewayProperties {
        // One user store holds both populations, so a name may not be both (it would be one user).
        if (connectedServers != null && syncBack != null && syncBack.clients() != null) {
            Set<String> servers = new HashSet<>();
            connectedServers.forEach(server -> servers.add(lowerCase(server.name())));
            for (int i = 0; i < syncBack.clients().size(); i++) {
                if (servers.contains(lowerCase(syncBack.clients().get(i).name()))) {
                    throw new IllegalArgumentException("eventsync.gateway.sync-back.clients[" + i
                            + "].name is also the name of a connected server; give the sync-back client its own");
                }
            }
        }
    }

    /**
     * The state topic: {@code state-topic}, or by default the one that goes with {@code topic}, so that
     * gateways writing different event topics never share a state topic by accident.
     */
    public String stateTopicName() {
        if (!stateTopic.isBlank()) {
            return stateTopic;
        }
        return Topics.OPR_EVENTS.equals(topic) ? Topics.OPR_EVENT_STATE : topic + "-state";
    }

    /**
     * Where the read model's store lives: {@code read-model-dir}, or by default a folder of its own for this
     * state topic on this cluster under the temporary folder, so that gateways on one machine never share one.
     */
    public java.nio.file.Path readModelDirectory(String bootstrapServers) {
        if (!readModelDir.isBlank()) {
            return java.nio.file.Path.of(readModelDir);
        }
        String name = stateTopicName().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + Integer.toHexString(bootstrapServers.hashCode());
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "eventsync-gateway", name);
    }

    /** A name that authenticates with HTTP Basic and its password (never printed). */
    public record Credential(@NotBlank String name, @NotBlank String password) {
        @Override
        public String toString() {
            return "Credential[name=" + name + ", password=******]";
        }
    }

    /**
     * {@code POST /sync-back}: third parties' changes to events OMi forwarded.
     *
     * @param topic where the changes are published
     * @param maxBulkItems most changes in one request (413 beyond)
     * @param clients the third parties allowed to post; none means nobody can
     */
    public record SyncBack(
            @DefaultValue(Topics.OPR_SYNC_BACK) @NotBlank String topic,
            @DefaultValue("500") @Min(1) @Max(100_000) int maxBulkItems,
            @DefaultValue @NotNull List<@Valid Credential> clients) {

        /** Where third parties post; outside OMi's base path, as it is not part of OMi's protocol. */
        public static final String PATH = "/sync-back";
    }

    private static String lowerCase(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
