package io.eventsync.bench;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Posts OMi's event documents (bulks or single events) to the gateway from its own Reactor Netty event
 * loop (threads named {@value #THREAD_PREFIX}) so that its CPU share shows whether it, rather than the
 * gateway, is the bottleneck. Counts the events the gateway answered as acknowledged by Kafka. Two
 * shapes of load: a bounded number of requests in flight, as fast as answers come (the maximum rate),
 * or a fixed rate whatever the answers do, each request timed from when it was due (so a stall shows
 * in the latency of every request it held up, not only the one it hit: no coordinated omission).
 */
final class OprLoadGenerator implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-client";
    static final int LOOP_THREADS = 1;

    /** What one timed run saw. Latency in microseconds; {@code startNanos} on {@link System#nanoTime()}. */
    record Run(double seconds, long events, long bytes, long requests, long failed, Histogram latencyMicros,
               long startNanos) {
    }

    private record Answer(int status, byte[] body, long micros, int bodyBytes) {
    }

    private static final AtomicLong INSTANCES = new AtomicLong();

    // A prefix per instance: the previous instance's threads may still be ending while this one is measured.
    private final String threadPrefix = THREAD_PREFIX + "-" + INSTANCES.incrementAndGet() + "-";
    private final LoopResources loops = LoopResources.create(threadPrefix, LOOP_THREADS, true);
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final OprFormat format;
    private final List<byte[]> bodies;
    private final byte[] ackToken;
    private final OprCodec codec = OprCodec.withDefaults();
    private final int maxConcurrency;

    OprLoadGenerator(int port, OprFormat format, List<byte[]> bodies, int maxConcurrency) {
        this.format = format;
        this.bodies = bodies;
        this.maxConcurrency = maxConcurrency;
        // Each acknowledged item in the answer carries its own sequence_number; counting that token costs
        // far less than parsing 500 events, and the first answer of each run is checked against the codec.
        this.ackToken = (format == OprFormat.JSON ? "\"sequence_number\"" : "<sequence_number>")
                .getBytes(StandardCharsets.US_ASCII);
        this.connections = ConnectionProvider.builder("bench").maxConnections(maxConcurrency)
                .pendingAcquireMaxCount(-1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (EmbeddedGateway.USER + ":" + EmbeddedGateway.PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.create(connections).runOn(loops).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, basic)
                        .set(HttpHeaderNames.CONTENT_TYPE, format.mediaType())
                        .set(HttpHeaderNames.ACCEPT, format.mediaType()));
    }

    String threadPrefix() {
        return threadPrefix;
    }

    /** Posts for {@code duration} with {@code concurrency} requests in flight; {@code progress} counts events. */
    Run run(Duration duration, int concurrency, Progress progress) {
        return run(duration, concurrency, i -> bodies.get((int) (i % bodies.size())), progress);
    }

    /** As {@link #run(Duration, int, Progress)}, request {@code i} (from 0) posting {@code bodyFor(i)}. */
    Run run(Duration duration, int concurrency, LongFunction<byte[]> bodyFor, Progress progress) {
        if (concurrency > maxConcurrency) {
            throw new IllegalArgumentException("concurrency " + concurrency + " > pool size " + maxConcurrency);
        }
        Recorder recorder = new Recorder(3);
        Counts counts = new Counts();
        AtomicLong index = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Flux.<Long>generate(sink -> sink.next(index.getAndIncrement()))
                .takeWhile(i -> System.nanoTime() < deadline)
                .flatMap(i -> post(bodyFor.apply(i)), concurrency)
                .doOnNext(answer -> counts.add(answer, recorder, progress))
                .blockLast(duration.plusSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        return counts.run(seconds, recorder, start);
    }

    /**
     * Posts {@code perSecond} requests a second for {@code duration}, open loop: requests fall due on a
     * schedule, and one that cannot be sent yet (every connection busy) waits, its latency counted from
     * when it was due. Returns once every request sent has been answered.
     */
    Run runAtRate(Duration duration, double perSecond, Progress progress) {
        return runAtRate(duration, perSecond, i -> bodies.get((int) (i % bodies.size())), progress);
    }

    /** As {@link #runAtRate(Duration, double, Progress)}, request {@code i} (from 0) posting {@code bodyFor(i)}. */
    Run runAtRate(Duration duration, double perSecond, LongFunction<byte[]> bodyFor, Progress progress) {
        Recorder recorder = new Recorder(3);
        Counts counts = new Counts();
        long start = System.nanoTime();
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        double intervalNanos = 1e9 / perSecond;
        // A tick each millisecond sends what has fallen due since the last: the schedule, not the timer's
        // jitter, decides each request's due time.
        long[] sent = {0};
        Flux.interval(Duration.ofMillis(1), Schedulers.single())
                .onBackpressureDrop()
                .takeUntil(tick -> sent[0] >= total)
                .concatMapIterable(tick -> {
                    long due = Math.min(total, (long) ((System.nanoTime() - start) / intervalNanos) + 1);
                    List<long[]> batch = new ArrayList<>();
                    for (long i = sent[0]; i < due; i++) {
                        batch.add(new long[] {i, start + (long) (i * intervalNanos)});
                    }
                    sent[0] = Math.max(sent[0], due);
                    return batch;
                })
                .flatMap(request -> post(bodyFor.apply(request[0]), request[1]),
                        Integer.MAX_VALUE)
                .doOnNext(answer -> counts.add(answer, recorder, progress))
                .blockLast(duration.plusSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        return counts.run(seconds, recorder, start);
    }

    private Mono<Answer> post(byte[] body) {
        return Mono.defer(() -> post(body, System.nanoTime()));
    }

    private Mono<Answer> post(byte[] body, long t0) {
        return Mono.defer(() -> {
            return client.post().uri("/opr/event")
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                    .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> new Answer(response.status().code(), bytes,
                                    (System.nanoTime() - t0) / 1_000, body.length)));
        }).onErrorResume(e -> Mono.just(new Answer(-1, new byte[0], 0, body.length)));
    }

    private long count(byte[] answer) {
        long n = 0;
        outer:
        for (int i = 0; i <= answer.length - ackToken.length; i++) {
            for (int j = 0; j < ackToken.length; j++) {
                if (answer[i + j] != ackToken[j]) {
                    continue outer;
                }
            }
            n++;
            i += ackToken.length - 1;
        }
        return n;
    }

    private void verifyCount(byte[] answer, long counted) {
        OprDocument document = codec.read(answer, format, OprCodec.Expect.EVENTS);
        int held = document instanceof OprEventList list ? list.event().size() : 1;
        if (held != counted) {
            throw new IllegalStateException("Counted " + counted + " acknowledged events but the answer holds "
                    + held + "; the ack token no longer matches the gateway's answer");
        }
    }

    /** What the answers of one run add up to; answers arrive on one event loop, one at a time. */
    private final class Counts {
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private volatile boolean checked;

        void add(Answer answer, Recorder recorder, Progress progress) {
            requests.incrementAndGet();
            if (answer.status() != 200) {
                failed.incrementAndGet();
                return;
            }
            recorder.recordValue(answer.micros());
            long acked = count(answer.body());
            if (!checked) {
                checked = true;
                verifyCount(answer.body(), acked);
            }
            events.addAndGet(acked);
            bytes.addAndGet(answer.bodyBytes());
            progress.add(acked);
        }

        Run run(double seconds, Recorder recorder, long startNanos) {
            return new Run(seconds, events.get(), bytes.get(), requests.get(), failed.get(),
                    recorder.getIntervalHistogram(), startNanos);
        }
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
