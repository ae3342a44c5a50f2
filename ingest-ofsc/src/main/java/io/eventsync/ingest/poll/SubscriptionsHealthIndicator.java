package io.eventsync.ingest.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN once any subscription stopped for good; OUT_OF_SERVICE (not ready) until every subscription has
 * found or created its OFSC subscription and begun polling, so a rollout waits for the new replica to
 * really be reading; retries are UP with their last failure shown.
 */
public final class SubscriptionsHealthIndicator implements HealthIndicator {

    private final Supplier<List<SubscriptionStatus>> statuses;

    public SubscriptionsHealthIndicator(Supplier<List<SubscriptionStatus>> statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean stopped = false;
        boolean starting = false;
        for (SubscriptionStatus status : statuses.get()) {
            details.put(status.subscription(), status.detail().isEmpty() ? status.state().name()
                    : status.state() + ": " + status.detail());
            stopped |= status.state() == SubscriptionStatus.State.STOPPED;
            starting |= status.state() == SubscriptionStatus.State.STARTING;
        }
        Health.Builder health = stopped ? Health.down() : starting ? Health.outOfService() : Health.up();
        return health.withDetails(details).build();
    }
}
