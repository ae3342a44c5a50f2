package io.eventsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run command end to end: the packaged sandbox jar started as a newcomer starts it, the
 * samples forwarded by the documented script, and the process ended by SIGTERM.
 */
class SandboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void samplesAndOfscEventsArriveOnTheirTopicsAndSigtermStopsEverythingCleanly() throws Exception {
        Map<String, String> ports = SandboxProcess.freePorts();
        int kafkaPort = Integer.parseInt(ports.get("KAFKA_PORT"));
        int gatewayPort = Integer.parseInt(ports.get("GATEWAY_PORT"));
        int ingestPort = Integer.parseInt(ports.get("INGEST_PORT"));
        int ofscPort = Integer.parseInt(ports.get("OFSC_SIM_PORT"));
        int egressPort = Integer.parseInt(ports.get("EGRESS_PORT"));
        int receiverPort = Integer.parseInt(ports.get("RECEIVER_PORT"));
        int omiPort = Integer.parseInt(ports.get("OMI_SIM_PORT"));

        try (SandboxProcess sandbox = SandboxProcess.start(ports)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            assertThat(sandbox.output())
                    .contains("http://localhost:" + gatewayPort + "/opr")
                    .contains("localhost:" + kafkaPort)
                    .contains("omi / omi-sandbox")
                    .contains(Sandbox.TOPIC)
                    .contains("http://localhost:" + ofscPort)
                    .contains("client eventsync@sandbox / ofsc-sandbox")
                    .contains("http://localhost:" + ingestPort + "/actuator/prometheus")
                    .contains(Sandbox.OFSC_TOPIC)
                    .contains("http://localhost:" + egressPort + "/api/v2/tenants/client_1")
                    .contains("http://localhost:" + receiverPort + "/sim/status")
                    .contains("http://localhost:" + omiPort + "/sim/events");

            Map<String, String> scriptEnvironment = Map.of(
                    "GATEWAY_PORT", Integer.toString(gatewayPort),
                    "KAFKA_PORT", Integer.toString(kafkaPort),
                    "SANDBOX_JAR", SandboxProcess.JAR.toAbsolutePath().toString());
            ScriptRun script = runScript("samples/forward-sample.sh", scriptEnvironment);
            assertThat(script.exitCode()).as(script.output()).isZero();
            // One XML event, a change to it, and a JSON bulk of two: four records, the first two
            // under the same key, each with its envelope headers.
            assertThat(script.output())
                    .contains("4 record(s) on " + Sandbox.TOPIC)
                    .contains("eventsync-kind: event_change")
                    .contains("eventsync-connected-server: omi")
                    .contains("key=4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d");

            // The simulator generates from the start and ingest polls every half second: events are there.
            ScriptRun ofsc = runScript("samples/show-ofsc-events.sh", scriptEnvironment);
            assertThat(ofsc.exitCode()).as(ofsc.output()).isZero();
            assertThat(ofsc.output())
                    .contains("first 5 record(s) of " + Sandbox.OFSC_TOPIC)
                    .contains("eventsync-ofsc-subscription: ")
                    .contains("eventsync-ofsc-event-type: ")
                    .contains("eventsync-ofsc-instance: sandbox")
                    .contains("\"eventType\"");
            assertThat(get(URI.create("http://localhost:" + ingestPort + "/actuator/prometheus")))
                    .contains("eventsync_ingest_events_total{")
                    .contains("eventsync_ingest_lag_seconds{");

            // egress forwards both topics to the receiver simulator: the samples to its OPR receiver,
            // OFSC activities to one of its webhooks.
            URI receiverStatus = URI.create("http://localhost:" + receiverPort + "/sim/status");
            Await.until(() -> {
                JsonNode status = JSON.readTree(get(receiverStatus));
                return status.path("opr").path("eventsReceived").asInt() >= 3
                        && status.path("opr").path("changesReceived").asInt() >= 1
                        && status.path("requests").toString().contains("hooks");
            }, START_TIMEOUT, "the samples and OFSC activities at the receiver simulator");
            assertThat(get(URI.create("http://localhost:" + egressPort + "/actuator/prometheus")))
                    .contains("eventsync_egress_delivered_total{");

            // The whole loop: OMi forwards, a third party closes the event through the gateway, egress
            // synchronizes the change back to OMi.
            ScriptRun loop = runScript("samples/sync-back-sample.sh", Map.of(
                    "GATEWAY_PORT", Integer.toString(gatewayPort), "OMI_SIM_PORT", Integer.toString(omiPort)));
            assertThat(loop.exitCode()).as(loop.output()).isZero();
            assertThat(loop.output()).contains("\"state\":\"closed\"").contains("The loop is closed");

            assertThat(sandbox.terminate(STOP_TIMEOUT)).as(sandbox.output()).isZero();
            assertThat(sandbox.output()).contains("Sandbox stopped").doesNotContain(" ERROR ");
        }
        ports.forEach((name, port) ->
                assertThat(SandboxProcess.portIsFree(Integer.parseInt(port))).as(name + " released").isTrue());
    }

    @Test
    void chosenCredentialsAreTheOnlyOnesAcceptedAndAreNeverPrinted() throws Exception {
        Map<String, String> environment = new HashMap<>(SandboxProcess.freePorts());
        int gatewayPort = Integer.parseInt(environment.get("GATEWAY_PORT"));
        String password = "a-chosen-secret-" + System.nanoTime();
        String ofscSecret = "a-chosen-ofsc-secret-" + System.nanoTime();
        environment.putAll(Map.of(
                "OMI_CONNECTED_SERVER_NAME", "omi-prod",
                "OMI_CONNECTED_SERVER_PASSWORD", password,
                "OFSC_CLIENT_SECRET", ofscSecret));

        try (SandboxProcess sandbox = SandboxProcess.start(environment)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            byte[] event = Files.readAllBytes(Path.of("samples", "event.json"));
            URI uri = URI.create("http://localhost:" + gatewayPort + "/opr/event");

            assertThat(post(uri, "omi-prod", password, event)).isEqualTo(200);
            assertThat(post(uri, SandboxSettings.DEFAULT_CONNECTED_SERVER_NAME,
                    SandboxSettings.DEFAULT_CONNECTED_SERVER_PASSWORD, event)).isEqualTo(401);

            assertThat(sandbox.terminate(STOP_TIMEOUT)).isZero();
            assertThat(sandbox.output()).contains("omi-prod").contains("(OFSC_CLIENT_SECRET)")
                    .doesNotContain(password).doesNotContain(ofscSecret);
        }
    }

    @Test
    void aSettingThatIsNotAPortStopsTheStartWithItsName() throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(Map.of("KAFKA_PORT", "ninety-ninety-two"))) {
            assertThat(sandbox.awaitExit(START_TIMEOUT)).isEqualTo(1);
            assertThat(sandbox.output()).contains("KAFKA_PORT must be a port number");
        }
    }

    private static int post(URI uri, String user, String password, byte[] body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ScriptRun runScript(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        } catch (IOException e) {
            output.writeBytes(("[output unreadable: " + e + "]").getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new ScriptRun(-1, output.toString(StandardCharsets.UTF_8));
        }
        return new ScriptRun(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private record ScriptRun(int exitCode, String output) {
    }
}
