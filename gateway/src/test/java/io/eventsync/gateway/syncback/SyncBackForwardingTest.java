package io.eventsync.gateway.syncback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackProperties;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.problem.ProblemBody;
import io.eventsync.gateway.publish.Acknowledgement;
import io.eventsync.gateway.readmodel.EventStore;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What a request's answer is once Kafka has answered for each of its changes. */
class SyncBackForwardingTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncBackForwarding forwarding = new SyncBackForwarding(null, null, null,
            new GatewayMetrics(registry, () -> 0), Clock.systemUTC(), Duration.ofSeconds(7));
    private final ProblemBody body = new ProblemBody(OprCodec.withDefaults().jsonMapper());
    private final List<SyncBackChange> changes = List.of(change("e-1", "c-1"), change("e-2", "c-2"),
            change("e-3", "c-3"));

    @Test
    void everyChangeAcknowledgedIsTheAnswerInOrder() {
        assertThat(forwarding.acknowledged(changes, List.of(ack(), ack(), ack())))
                .containsExactly(new AcceptedChange("e-1", "c-1"), new AcceptedChange("e-2", "c-2"),
                        new AcceptedChange("e-3", "c-3"));
        assertThat(items("accepted", "acknowledged")).isEqualTo(3);
    }

    @Test
    void aBulkAcknowledgedInPartIsA503ListingWhatWasAcceptedSoOnlyTheRestIsSentAgain() {
        assertThatThrownBy(() -> forwarding.acknowledged(changes, Arrays.asList(ack(), null, ack())))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.slug()).isEqualTo("kafka-unavailable");
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(problem.getMessage()).contains("2 of 3");
                    assertThat(new String(body.json(problem, "/sync-back"), StandardCharsets.UTF_8))
                            .contains("\"accepted\":[{\"external_id\":\"e-1\",\"change_id\":\"c-1\"},"
                                    + "{\"external_id\":\"e-3\",\"change_id\":\"c-3\"}]");
                    assertThat(new String(body.xml(problem, "/sync-back"), StandardCharsets.UTF_8))
                            .contains("<accepted><i><external_id>e-1</external_id><change_id>c-1</change_id></i>");
                });
        assertThat(items("accepted", "acknowledged")).isEqualTo(2);
        assertThat(items("rejected", "not_acknowledged")).isEqualTo(1);
    }

    @Test
    void nothingAcknowledgedIsA503WithAnEmptyAcceptedList() {
        assertThatThrownBy(() -> forwarding.acknowledged(changes, Arrays.asList(null, null, null)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(
                        new String(body.json(problem, "/sync-back"), StandardCharsets.UTF_8))
                        .contains("\"status\":503").contains("\"accepted\":[]"));
    }

    @Test
    void anUnknownExternalIdWhileTheReadModelIsBehindIsA503RatherThanAFalse404() {
        var json = OprCodec.withDefaults().jsonMapper();
        // A read model whose Kafka cannot be reached, so it cannot tell where the topic ends: it never catches up.
        Admin nowhere = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
        EventStore behind = new EventStore(new Properties(), "opr.event-state", nowhere, null);
        SyncBackForwarding withReadModel = new SyncBackForwarding(
                new SyncBackReader(json, new SyncBackValidation(json, () -> "generated"), 10), null,
                new ReadModelLookup(behind, Duration.ofMillis(50)), new GatewayMetrics(registry, () -> 0),
                Clock.systemUTC(), Duration.ofSeconds(7));
        byte[] request = "{\"external_id\":\"e-1\",\"changes\":{\"state\":\"closed\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> withReadModel.forward("desk", request, null).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.slug()).isEqualTo("read-model-behind");
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(items("rejected", "read_model_behind")).isEqualTo(1);
        nowhere.close(Duration.ZERO);
    }

    private double items(String result, String reason) {
        var counter = registry.find("eventsync.gateway.items").tag("kind", "sync-back").tag("result", result)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static SyncBackChange change(String externalId, String changeId) {
        return SyncBackChange.of(externalId, changeId, SyncBackProperties.state(State.CLOSED));
    }

    private static Acknowledgement ack() {
        return new Acknowledgement(0, 1);
    }
}
