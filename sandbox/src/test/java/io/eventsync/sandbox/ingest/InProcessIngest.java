package io.eventsync.sandbox.ingest;

import io.eventsync.ingest.IngestApplication;
import io.eventsync.ingest.poll.PollerFleet;
import io.eventsync.ingest.poll.SubscriptionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** ingest-ofsc as the real Spring Boot application, inside the test JVM. */
final class InProcessIngest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private InProcessIngest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InProcessIngest start(IngestArguments arguments) {
        return new InProcessIngest(IngestApplication.application()
                .registerShutdownHook(false)
                .run(arguments.toArray()));
    }

    List<SubscriptionStatus> statuses() {
        return context.getBean(PollerFleet.class).statuses();
    }

    double counter(String name, String tagKey, String tagValue) {
        return context.getBean(MeterRegistry.class).find(name).tag(tagKey, tagValue).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        context.close();
    }
}
