package io.eventsync.gateway.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import reactor.core.publisher.Mono;

/**
 * Answers "can we reach the Kafka cluster?" for the ping endpoint and the health probes.
 * Answers are cached briefly so that a flood of pings does not become a flood of admin requests.
 */
public final class KafkaReachability {

    private static final Duration CACHE_FOR = Duration.ofSeconds(1);

    private final Admin admin;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicReference<Answer> last = new AtomicReference<>(new Answer(false, Instant.MIN, "not checked yet"));

    public KafkaReachability(Admin admin, Duration timeout, Clock clock) {
        this.admin = admin;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The cluster's answer, or why there was none. */
    public record Answer(boolean reachable, Instant at, String detail) {
    }

    public Mono<Answer> check() {
        Answer cached = last.get();
        if (cached.at().plus(CACHE_FOR).isAfter(clock.instant())) {
            return Mono.just(cached);
        }
        return Mono.fromFuture(() -> admin.describeCluster(new DescribeClusterOptions()
                                .timeoutMs((int) timeout.toMillis())).nodes().toCompletionStage().toCompletableFuture())
                .map(nodes -> new Answer(!nodes.isEmpty(), clock.instant(), nodes.size() + " broker(s)"))
                .timeout(timeout.plusMillis(500))
                .onErrorResume(e -> Mono.just(new Answer(false, clock.instant(), e.getClass().getSimpleName())))
                .doOnNext(last::set);
    }
}
