package io.eventsync.reliability.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Three times the requests the gateway serves at once ({@code max-concurrent-requests}, 64), back to
 * back, from OMi-like senders of bulks (a shed one waits Retry-After, at most 1 s, and sends again): the
 * gateway sheds what it cannot serve before reading it, answering each bulk with an empty list and
 * Retry-After (never 503: OMi would resend a bulk answered 5xx one event per request, tripling the
 * flood), keeps
 * answering its liveness probe the way Kubernetes asks (3 s timeout; 3 misses in a row restart the
 * pod), loses nothing it acknowledged, and serves normally once the flood stops.
 * {@code -Dgateway.overload.seconds=N} floods longer (default 10).
 */
class GatewayOverloadIT {

    private static final int ADMITTED = 64;
    private static final int SENDERS = 3 * ADMITTED;
    private static final int BULK = 20;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final int PROBE_MISSES_TO_RESTART = 3;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final OprCodec codec = OprCodec.withDefaults();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The kubelet's own connection: a probe must not queue behind the flood in the senders' client. */
    private final HttpClient prober = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger withoutRetryAfter = new AtomicInteger();
    private final AtomicInteger shedBulks = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    @Test
    void aFloodOfBulksIsShedAsEmptyListsWhileProbesAreAnsweredAndNothingAcknowledgedIsLost() throws Exception {
        Duration flood = Duration.ofSeconds(Integer.getInteger("gateway.overload.seconds", 10));
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("gateway-overload");
        broker.createTopic(topic, 3);
        Path log = Files.createTempFile("gateway-overload-", ".log");
        try (ForkedGateway gateway = ForkedGateway.start(broker.bootstrapServers(), topic, log)) {
            URI events = URI.create("http://127.0.0.1:" + gateway.port() + "/opr/event");
            URI liveness = URI.create("http://127.0.0.1:" + gateway.port() + "/actuator/health/liveness");
            AtomicBoolean flooding = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> {
                    while (flooding.get()) {
                        post(events);
                    }
                    return null;
                });
            }
            List<Long> probeMillis = new ArrayList<>();
            int probes = 0;
            int misses = 0;
            int missesInARow = 0;
            int mostMissesInARow = 0;
            long end = System.nanoTime() + flood.toNanos();
            while (System.nanoTime() < end) {
                probes++;
                long asked = System.nanoTime();
                boolean answered = probeAnswered(liveness);
                probeMillis.add((System.nanoTime() - asked) / 1_000_000);
                if (answered) {
                    missesInARow = 0;
                } else {
                    misses++;
                    mostMissesInARow = Math.max(mostMissesInARow, ++missesInARow);
                }
                Thread.sleep(500);
            }
            flooding.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).as("senders done").isTrue();

            Await.until(() -> postAfterFlood(events) == 200, Duration.ofSeconds(30), "a bulk accepted after the flood");
            Set<String> onTopic = TopicReader.readToEnd(broker.bootstrapServers(), topic, new ByteArrayDeserializer())
                    .stream().map(record -> record.key()).collect(Collectors.toSet());
            long missing = acknowledged.stream().filter(id -> !onTopic.contains(id)).count();
            Map<Integer, Integer> byStatus = statuses.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
            System.out.printf("gateway overload: senders=%d flood=%ds answers=%s shed as empty lists=%d unanswered=%d "
                            + "shed without Retry-After=%d acknowledged items=%d missing=%d probes=%d missed=%d most in a "
                            + "row=%d probe ms=%s%n",
                    SENDERS, flood.toSeconds(), byStatus, shedBulks.get(), unanswered.get(), withoutRetryAfter.get(),
                    acknowledged.size(), missing, probes, misses, mostMissesInARow, probeMillis);

            assertThat(byStatus.keySet()).as("answers other than 200 to a bulk").containsOnly(200);
            assertThat(shedBulks.get()).as("bulks shed with an empty list").isPositive();
            assertThat(acknowledged).as("items served during the flood").isNotEmpty();
            assertThat(withoutRetryAfter).as("bulks shed without Retry-After").hasValue(0);
            assertThat(unanswered).as("requests left without any answer").hasValue(0);
            assertThat(mostMissesInARow).as("liveness probes missed in a row (Kubernetes restarts at %d)",
                    PROBE_MISSES_TO_RESTART).isLessThan(PROBE_MISSES_TO_RESTART);
            assertThat(missing).as("acknowledged items missing from the topic").isZero();
        }
    }

    /** @return the status, or 0 when there was no answer */
    private int post(URI events) throws InterruptedException {
        List<String> ids = new ArrayList<>(BULK);
        StringBuilder xml = new StringBuilder("<event_list xmlns=\"http://www.hp.com/2009/software/opr/data_model\">");
        for (int i = 0; i < BULK; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            xml.append("<event><id>").append(id).append("</id><sequence_number>").append(i)
                    .append("</sequence_number><title>flood</title><severity>minor</severity></event>");
        }
        xml.append("</event_list>");
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml;type=collection")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ForkedGateway.SERVER + ":" + ForkedGateway.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(xml.toString())).build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            unanswered.incrementAndGet();
            return 0;
        }
        statuses.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        boolean noneTaken = answer.statusCode() != 200;
        if (answer.statusCode() == 200) {
            OprEventList listed = (OprEventList) codec.read(answer.body(), OprFormat.XML, OprCodec.Expect.EVENTS);
            for (OprEvent event : listed.event()) {
                acknowledged.add(ids.get(event.sequenceNumber().intValue()));
            }
            noneTaken = listed.event().isEmpty();
        }
        if (noneTaken) {
            shedBulks.incrementAndGet();
            Optional<String> retryAfter = answer.headers().firstValue("Retry-After");
            if (retryAfter.isEmpty()) {
                withoutRetryAfter.incrementAndGet();
            }
            // OMi backs off, though here never longer than RETRY_PAUSE: 192 threads that resend at
            // once would measure this JVM taking the machine's cores from the gateway, not the gateway.
            Thread.sleep(Math.min(RETRY_PAUSE.toMillis(),
                    retryAfter.map(seconds -> Long.parseLong(seconds) * 1_000).orElse(RETRY_PAUSE.toMillis())));
        }
        return answer.statusCode();
    }

    private int postAfterFlood(URI events) {
        try {
            return post(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private boolean probeAnswered(URI liveness) throws InterruptedException {
        try {
            return prober.send(HttpRequest.newBuilder(liveness).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
