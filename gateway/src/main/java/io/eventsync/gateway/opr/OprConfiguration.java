package io.eventsync.gateway.opr;

import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.publish.OprPublication;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OPR endpoints to publication and the read model. */
@Configuration(proxyBeanMethods = false)
class OprConfiguration {

    @Bean
    EventLookup eventLookup(ReadModelLookup lookup) {
        return new EventLookup(lookup);
    }

    @Bean
    ItemPublication itemPublication(OprPublication publication, GatewayMetrics metrics, GatewayProperties properties) {
        return new ItemPublication(publication, metrics, properties.retryAfter());
    }

    @Bean
    EventForwarding eventForwarding(ItemPublication items, GatewayMetrics metrics, Clock clock,
                                    GatewayProperties properties) {
        return new EventForwarding(items, metrics, clock, properties.maxBulkItems());
    }

    @Bean
    ChangeForwarding changeForwarding(ItemPublication items, EventLookup lookup, EventChangeApplier applier,
                                      GatewayMetrics metrics, Clock clock, GatewayProperties properties) {
        return new ChangeForwarding(items, lookup, applier, metrics, clock, properties.maxBulkItems(),
                properties.retryAfter());
    }
}
