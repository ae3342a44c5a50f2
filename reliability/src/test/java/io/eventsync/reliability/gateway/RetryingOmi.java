package io.eventsync.reliability.gateway;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OMi forwarding to a connected server the way seed 000 says it does, from several threads: bulks of
 * numbered events; a 2xx delivers the items it lists and the unlisted ones go into the next bulk; a 5xx
 * splits the bulk into single requests; no answer at all (connection refused or cut, timeout) sends the
 * same request again. Each item is retried until some answer lists it, so what the gateway was asked
 * to take and what it said it took can be compared afterwards.
 */
public final class RetryingOmi implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(200);

    private final URI events;
    private final String authorization;
    private final int bulkSize;
    private final double bulksPerSecondPerSender;
    private final OprCodec codec = OprCodec.withDefaults();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger carriedOver = new AtomicInteger();
    private final AtomicInteger bulksLeavingItemsOut = new AtomicInteger();
    private final ExecutorService threads;
    private final List<Future<?>> senders = new ArrayList<>();

    /** As fast as the gateway answers. */
    public RetryingOmi(int port, String server, String password, int senders, int bulkSize) {
        this(port, server, password, senders, bulkSize, 0);
    }

    /** @param perSecond new events per second across all senders (0: as fast as the gateway answers) */
    public RetryingOmi(int port, String server, String password, int senders, int bulkSize, int perSecond) {
        this.bulksPerSecondPerSender = perSecond / (double) (senders * bulkSize);
        this.events = URI.create("http://127.0.0.1:" + port + "/opr/event");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((server + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.bulkSize = bulkSize;
        this.threads = Executors.newFixedThreadPool(senders);
        for (int i = 0; i < senders; i++) {
            this.senders.add(threads.submit(this::forward));
        }
    }

    /** OMi id to the external id the gateway answered with, for every item some 2xx listed. */
    public Map<String, String> acknowledged() {
        return acknowledged;
    }

    public int sent() {
        return sent.get();
    }

    /** Requests waiting for an answer now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests that got no answer (cut by a kill, refused while the gateway was down) and were sent again. */
    public int unanswered() {
        return unanswered.get();
    }

    public int serverErrors() {
        return serverErrors.get();
    }

    public int carriedOver() {
        return carriedOver.get();
    }

    /** 2xx bulk answers that left items out (Kafka took none, or not all, in time): those come back as a bulk. */
    public int bulksLeavingItemsOut() {
        return bulksLeavingItemsOut.get();
    }

    /** No new events; returns once every event sent so far has been listed by some 2xx. */
    public void finish(Duration max) throws Exception {
        running.set(false);
        for (Future<?> sender : senders) {
            sender.get(max.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Void forward() throws InterruptedException {
        List<String> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long round = 0; running.get() || !pending.isEmpty(); round++) {
            if (bulksPerSecondPerSender > 0) {
                long wait = start + (long) (round * 1e9 / bulksPerSecondPerSender) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            while (running.get() && pending.size() < bulkSize) {
                pending.add(UUID.randomUUID().toString());
                sent.incrementAndGet();
            }
            List<String> bulk = List.copyOf(pending);
            pending.clear();
            List<String> notListed = sendBulk(bulk);
            carriedOver.addAndGet(notListed.size());
            pending.addAll(notListed);
        }
        return null;
    }

    /** @return the items the answer did not list, for the next bulk */
    private List<String> sendBulk(List<String> ids) throws InterruptedException {
        StringBuilder xml = new StringBuilder("<event_list xmlns=\"http://www.hp.com/2009/software/opr/data_model\">");
        for (int i = 0; i < ids.size(); i++) {
            xml.append("<event><id>").append(ids.get(i)).append("</id><sequence_number>").append(i)
                    .append("</sequence_number><title>crash load</title><severity>major</severity></event>");
        }
        xml.append("</event_list>");
        while (true) {
            HttpResponse<byte[]> answer = post(xml.toString(), "application/xml;type=collection");
            if (answer == null) {
                continue;
            }
            if (answer.statusCode() == 200) {
                OprEventList listed = (OprEventList) codec.read(answer.body(), OprFormat.XML, OprCodec.Expect.EVENTS);
                List<String> notListed = new ArrayList<>(ids);
                for (OprEvent event : listed.event()) {
                    String id = ids.get(event.sequenceNumber().intValue());
                    acknowledged.put(id, event.id());
                    notListed.remove(id);
                }
                if (!notListed.isEmpty()) {
                    bulksLeavingItemsOut.incrementAndGet();
                }
                return notListed;
            }
            if (answer.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                for (String id : ids) {
                    sendSingle(id);
                }
                return List.of();
            }
            throw new IllegalStateException("the gateway refused a valid bulk: HTTP " + answer.statusCode() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private void sendSingle(String id) throws InterruptedException {
        String xml = "<event xmlns=\"http://www.hp.com/2009/software/opr/data_model\"><id>" + id
                + "</id><title>crash load</title><severity>major</severity></event>";
        while (true) {
            HttpResponse<byte[]> answer = post(xml, "application/xml");
            if (answer == null) {
                continue;
            }
            if (answer.statusCode() == 200) {
                OprEvent event = (OprEvent) codec.read(answer.body(), OprFormat.XML, OprCodec.Expect.EVENTS);
                acknowledged.put(id, event.id());
                return;
            }
            if (answer.statusCode() < 500) {
                throw new IllegalStateException("the gateway refused a valid event: HTTP " + answer.statusCode());
            }
            serverErrors.incrementAndGet();
            Thread.sleep(PAUSE.toMillis());
        }
    }

    /** The answer, or null (after a pause) when there was none. */
    private HttpResponse<byte[]> post(String body, String contentType) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        inFlight.incrementAndGet();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            inFlight.decrementAndGet();
            return answer;
        } catch (IOException e) {
            inFlight.decrementAndGet();
            unanswered.incrementAndGet();
            Thread.sleep(PAUSE.toMillis());
            return null;
        }
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
