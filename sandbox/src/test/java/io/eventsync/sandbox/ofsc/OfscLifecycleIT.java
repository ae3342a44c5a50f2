package io.eventsync.sandbox.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Starting, closing, latency, and a reader keeping up with a live stream. */
class OfscLifecycleIT {

    @Test
    void closingStopsAnsweringAndFreesThePort() throws IOException {
        OfscSimulator simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).build());
        int port = simulator.port();
        assertThat(simulator.baseUrl().toString()).isEqualTo("http://localhost:" + port);
        simulator.startGenerating();

        simulator.close();
        simulator.close();

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void theResponseLatencyDelaysEveryApiAnswer() {
        try (OfscSimulator simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0)
                .responseLatency(Duration.ofMillis(250)).build())) {
            CoreApi api = CoreApi.of(simulator);
            long started = System.nanoTime();
            assertThat(api.get("/rest/ofscCore/v1/events/subscriptions").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aReaderPagingWhileEventsArriveMissesNothingAndReadsNothingTwice() {
        try (OfscSimulator simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0)
                .clock(Clock.systemUTC()).eventsPerSecond(3_000).build())) {
            CoreApi api = CoreApi.of(simulator);
            CoreApi.Created created = api.create("activityUpdated", "activityMoved", "routingRun");
            simulator.startGenerating();

            List<JsonNode> read = new ArrayList<>();
            String page = created.page();
            long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            boolean stopped = false;
            while (true) {
                if (!stopped && System.nanoTime() > until) {
                    simulator.stopGenerating();
                    stopped = true;
                }
                CoreApi.Answer answer = api.events("subscriptionId", created.id(), "page", page, "limit", "200");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                read.addAll(answer.items());
                page = answer.nextPage();
                if (stopped && answer.items().isEmpty()) {
                    break;
                }
            }

            assertThat(read).isNotEmpty().containsExactlyElementsOf(simulator.eventsFor(created.id()));
        }
    }
}
