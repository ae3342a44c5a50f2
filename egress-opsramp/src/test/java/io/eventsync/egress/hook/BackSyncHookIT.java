package io.eventsync.egress.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackProperties;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.egress.EgressApplication;
import io.eventsync.egress.delivery.KafkaDeadLetters;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The back-sync hook run for real: a Perl script in seed 004's shape, called by the egress
 * application against a real broker with {@code Init} at start and {@code Close <id>} for events
 * closed by OMi or by sync-back; a failing and a hanging call retried and then dead-lettered; and a
 * script that cannot even {@code Init}, reported and never called again.
 */
class BackSyncHookIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SCRIPT = "src/test/resources/backsync/OMBackSync.pl";
    private static final String BROKEN = "src/test/resources/backsync/Broken.pl";

    private final KafkaBroker broker = Brokers.shared();
    private final String events = KafkaBroker.uniqueTopic("opr.events");
    private final String syncBack = KafkaBroker.uniqueTopic("opr.sync-back");
    private final String deadLetters = KafkaBroker.uniqueTopic("egress.dlq");

    @TempDir
    Path dir;

    @Test
    void initAtStartThenCloseForEveryEventClosedByOmiOrBySyncBackWithTheIdPassedLiterally() throws IOException {
        Path output = dir.resolve("OMBSOutput.txt");
        Path pwned = dir.resolve("pwned");
        String hostile = "ext-3; touch " + pwned + " $(touch " + pwned + ")";
        try (ConfigurableApplicationContext egress = start(SCRIPT, output, "30s")) {
            Await.until(() -> lines(output).size() == 1, WAIT, "Init");
            produce(List.of(
                    oprRecord("omi-1", "ext-1", "event", "open"),
                    oprRecord("omi-1", "ext-1", "event_change", "closed"),
                    oprRecord("omi-2", "ext-2", "event", "open"),
                    oprRecord("omi-3", hostile, "event", "closed"),
                    oprRecord("omi-4", "ext-4", "event_change", "resolved"),
                    syncBackRecord("ext-2", State.CLOSED),
                    syncBackRecord("ext-never-forwarded", State.CLOSED)));

            Await.until(() -> lines(output).size() == 4, WAIT, "Init and three Close calls");
            assertThat(lines(output).get(0)).endsWith(" Init");
            assertThat(lines(output).subList(1, 4)).extracting(line -> line.substring(line.indexOf(' ') + 1))
                    .containsExactlyInAnyOrder("Close ext-1", "Close ext-2", "Close " + hostile);
            assertThat(pwned).as("the id is an argument, never a shell command").doesNotExist();
            assertThat(health(egress).path("components").path("backSync").path("status").asString()).isEqualTo("UP");
            assertThat(prometheus(egress)).contains("eventsync_egress_back_sync_hook_up{application=\"eventsync-egress-opsramp\"} 1.0")
                    .contains("eventsync_egress_back_sync_calls_total{application=\"eventsync-egress-opsramp\",operation=\"Close\",outcome=\"ok\"} 3.0");
        }
    }

    @Test
    void aFailingOrHangingCloseIsRetriedThenDeadLetteredAndLaterEventsStillClose() {
        Path output = dir.resolve("OMBSOutput.txt");
        try (ConfigurableApplicationContext egress = start(SCRIPT, output, "1s")) {
            Await.until(() -> lines(output).size() == 1, WAIT, "Init");
            produce(List.of(oprRecord("omi-f", "fail-1", "event", "closed"),
                    oprRecord("omi-s", "slow-1", "event", "closed"),
                    oprRecord("omi-ok", "ext-ok", "event", "closed")));

            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            Await.until(() -> {
                dead.clear();
                dead.addAll(TopicReader.readToEnd(broker.bootstrapServers(), deadLetters, new ByteArrayDeserializer()));
                return dead.size() == 2;
            }, WAIT, "the failing and the hanging Close dead-lettered");
            assertThat(dead).allSatisfy(letter -> {
                assertThat(header(letter, KafkaDeadLetters.ROUTE)).isEqualTo("back-sync");
                assertThat(header(letter, KafkaDeadLetters.ATTEMPTS)).isEqualTo("3");
            });
            assertThat(dead).anySatisfy(letter -> assertThat(header(letter, KafkaDeadLetters.REASON)).contains("HTTP 500"));
            assertThat(dead).anySatisfy(letter -> assertThat(header(letter, KafkaDeadLetters.REASON)).contains("no answer"));
            assertThat(lines(output).stream().filter(line -> line.endsWith("Close fail-1"))).as("counted and retried")
                    .hasSize(3);
            Await.until(() -> lines(output).stream().anyMatch(line -> line.endsWith("Close ext-ok")), WAIT,
                    "the next event still closes");
            assertThat(prometheus(egress)).contains("operation=\"Close\",outcome=\"failed\"} 3.0")
                    .contains("operation=\"Close\",outcome=\"timeout\"} 3.0");
        }
    }

    @Test
    void aHookThatFailsAtInitIsReportedAndNeverCalledAgain() {
        Path output = dir.resolve("never-written.txt");
        try (ConfigurableApplicationContext egress = start(BROKEN, output, "30s")) {
            var backSync = health(egress).path("components").path("backSync");
            assertThat(backSync.path("status").asString()).isEqualTo("DOWN");
            assertThat(backSync.path("details").path("error").asString()).contains("Init failed").contains("syntax error");
            assertThat(prometheus(egress)).contains("eventsync_egress_back_sync_hook_up{application=\"eventsync-egress-opsramp\"} 0.0")
                    .contains("operation=\"Init\",outcome=\"failed\"} 1.0");
            produce(List.of(oprRecord("omi-b", "ext-b", "event", "closed")));
            Await.pause(Duration.ofSeconds(2));
            assertThat(prometheus(egress)).doesNotContain("operation=\"Close\"");
            assertThat(output).doesNotExist();
        }
    }

    @Test
    void anHttpHookIsPostedInitAndThenCloseWithTheId() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/backsync", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        String hostAndPort = "127.0.0.1:" + endpoint.getAddress().getPort();
        try (ConfigurableApplicationContext egress = start(List.of(
                "--eventsync.egress.back-sync.url=http://" + hostAndPort + "/backsync",
                "--eventsync.egress.allowlist=" + hostAndPort))) {
            assertThat(bodies).containsExactly("{\"operation\":\"Init\"}");
            produce(List.of(oprRecord("omi-h", "ext-h", "event_change", "closed")));
            Await.until(() -> bodies.size() == 2, WAIT, "Close posted");
            assertThat(bodies.get(1)).isEqualTo("{\"operation\":\"Close\",\"id\":\"ext-h\"}");
            assertThat(health(egress).path("components").path("backSync").path("status").asString()).isEqualTo("UP");
        } finally {
            endpoint.stop(0);
        }
    }

    private ConfigurableApplicationContext start(String script, Path output, String timeout) {
        return start(List.of("--eventsync.egress.back-sync.command[0]=perl",
                "--eventsync.egress.back-sync.command[1]=" + Path.of(script).toAbsolutePath(),
                "--eventsync.egress.back-sync.command[2]=" + output,
                "--eventsync.egress.back-sync.timeout=" + timeout));
    }

    private ConfigurableApplicationContext start(List<String> hook) {
        broker.createTopic(events, 3);
        broker.createTopic(syncBack, 3);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--eventsync.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--eventsync.egress.route-topic=" + KafkaBroker.uniqueTopic("egress.routes"),
                "--eventsync.egress.delivery.topics=" + events,
                "--eventsync.egress.delivery.dead-letter-topic=" + deadLetters,
                "--eventsync.egress.delivery.replay-topic=" + KafkaBroker.uniqueTopic("egress.replay"),
                "--eventsync.egress.delivery.max-attempts=3",
                "--eventsync.egress.delivery.retry-for=0s",
                "--eventsync.egress.delivery.backoff-initial=50ms",
                "--eventsync.egress.delivery.backoff-max=200ms",
                "--eventsync.egress.sync-back.events-topic=" + events,
                "--eventsync.egress.sync-back.topic=" + syncBack,
                "--eventsync.egress.back-sync.group=" + KafkaBroker.uniqueTopic("back-sync")));
        arguments.addAll(hook);
        return EgressApplication.application().run(arguments.toArray(String[]::new));
    }

    private ProducerRecord<String, byte[]> oprRecord(String omiId, String externalId, String kind, String state) {
        ObjectNode value = JSON.createObjectNode().put("schema", "eventsync.opr-record/v1").put("kind", kind)
                .put("connected_server", "omi").put("omi_event_id", omiId).put("external_id", externalId);
        if (kind.equals("event")) {
            value.putObject("event").put("id", omiId).put("title", "t").put("state", state);
        } else {
            value.putObject("event_change").putObject("changed_properties").putObject("state_property_change")
                    .put("property_name", "state").put("current_value", state);
        }
        return new ProducerRecord<>(events, omiId, JSON.writeValueAsBytes(value));
    }

    private ProducerRecord<String, byte[]> syncBackRecord(String externalId, State state) {
        return new ProducerRecord<>(syncBack, externalId, new SyncBackSerde().write(
                SyncBackChange.of(externalId, "change-" + externalId, SyncBackProperties.state(state))));
    }

    private void produce(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            // The sync-back records follow the events they name, as a third party's changes would.
            records.forEach(record -> {
                try {
                    producer.send(record).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static tools.jackson.databind.JsonNode health(ConfigurableApplicationContext egress) {
        return JSON.readTree(get(egress, "/actuator/health"));
    }

    private static String prometheus(ConfigurableApplicationContext egress) {
        return get(egress, "/actuator/prometheus");
    }

    private static String get(ConfigurableApplicationContext egress, String path) {
        String port = egress.getEnvironment().getRequiredProperty("local.server.port");
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
