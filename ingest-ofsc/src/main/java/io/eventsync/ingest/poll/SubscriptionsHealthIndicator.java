package io.eventsync.ingest.poll;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN once any subscription stopped for good; retries are UP with their last failure shown. */
public final class SubscriptionsHealthIndicator implements HealthIndicator {

    private final PollerFleet fleet;

    public SubscriptionsHealthIndicator(PollerFleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean stopped = false;
        for (SubscriptionStatus status : fleet.statuses()) {
            details.put(status.subscription(), status.detail().isEmpty() ? status.state().name()
                    : status.state() + ": " + status.detail());
            stopped |= status.state() == SubscriptionStatus.State.STOPPED;
        }
        return (stopped ? Health.down() : Health.up()).withDetails(details).build();
    }
}
